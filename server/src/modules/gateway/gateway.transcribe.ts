import type { Deps } from '../../deps.js';
import { AppError, conflict, policyViolation } from '../../lib/errors.js';
import type { Provider } from '../providers/providers.types.js';
import { providerAllowed, providerFor, requireUsablePolicy } from './gateway.policy.js';

export type Transcriber = Provider & Required<Pick<Provider, 'transcribe'>>;

export const NO_TRANSCRIPTION =
  'Den valgte sprogmodel kan ikke lave en udskrift af lyd. Upload en Teams-udskrift (.vtt eller .docx) i stedet.';

/**
 * The provider that would transcribe a recording for this trial, chosen as for a run, so audio goes only to a
 * provider the trial's signed-off policy names, and only when that policy allows the minutes assistant. Audio
 * cannot be scanned for personal data before it is transcribed, so these checks are all that stand before it
 * leaves the server (docs/decisions/0005); the transcript then meets the guard as typed text does.
 */
export function requireTranscriber(deps: Deps, trial: { policyId: string; status: string }): Transcriber {
  const policy = requireUsablePolicy(deps, trial, 'transcription').policy;
  if (!policy.assistants.includes('minutes')) {
    throw conflict('ASSISTANT_NOT_ENABLED', 'Prøvehandlingens datapolitik tillader ikke referatassistenten. Kontakt lederen af prøvehandlingen.');
  }
  const configured = deps.providers.configured;
  if (configured.transcribe && !providerAllowed(policy, configured)) {
    throw policyViolation(
      'Prøvehandlingens datapolitik tillader ikke, at lyd sendes til den sprogmodel, der kan lave udskrifter. Upload en Teams-udskrift (.vtt eller .docx) i stedet.',
    );
  }
  const provider = providerFor(deps, policy);
  if (!provider.transcribe || !providerAllowed(policy, provider)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', NO_TRANSCRIPTION, 415);
  return provider as Transcriber;
}

/**
 * A recording to text, checked again at the moment it is sent (the trial's policy may have changed while the
 * job waited). Returns the transcript as the provider gave it; provider failures are thrown as they are.
 */
export async function transcribeForTrial(
  deps: Deps,
  trial: { policyId: string; status: string },
  audio: { buffer: Buffer; filename: string; mimeType: string },
  signal?: AbortSignal,
): Promise<string> {
  const provider = requireTranscriber(deps, trial);
  const result = await provider.transcribe(audio.buffer, audio.filename, audio.mimeType, signal);
  return result.text;
}
