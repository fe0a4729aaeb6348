import { describe, expect, it } from 'vitest';
import { sharedLetters } from '../../../../../test/fixtures/letters/letters.js';
import type { Deps } from '../../../deps.js';
import { createOfflineProvider } from '../../providers/providers.offline.js';
import { ProviderError, type CompletionRequest, type Provider } from '../../providers/providers.types.js';
import type { AssistantRequest } from '../assistant.types.js';
import { letterAssistant } from './letter.assistant.js';
import { LetterRunDetails } from './letter.details.js';
import { lix } from './letter.lix.js';
import { answerCleaner, missingPlaceholders, stripPreamble } from './letter.prompt.js';

const MASKED =
  'Kære [NAVN_1]\n\nDe bedes hermed fremsende Deres lønsedler senest den 1. marts 2027. Såfremt De har spørgsmål, kan De ringe til [NAVN_2] på telefon [TELEFON_1].';

/** A provider that answers what the test says and remembers what it was asked. */
function stubProvider(answer: (req: CompletionRequest) => string): Provider & { calls: CompletionRequest[] } {
  const calls: CompletionRequest[] = [];
  return {
    kind: 'openai-compatible',
    model: 'stub-model',
    calls,
    async complete(req) {
      calls.push(req);
      const text = answer(req);
      req.onToken?.(text);
      return { text, provider: 'openai-compatible', model: 'stub-model', usage: { promptTokens: 10, completionTokens: 5 } };
    },
  };
}

const request = (provider: Provider, text = MASKED, extra: Partial<AssistantRequest> = {}): AssistantRequest => ({
  deps: {} as Deps,
  trialId: 't1',
  actor: { id: 'u1', role: 'EMPLOYEE' },
  runId: 'r1',
  text,
  provider,
  protect: (t) => t,
  ...extra,
});

describe('the letter assistant', () => {
  it('with the offline provider, then the rule engine writes the draft, says in the details it is no language model, and sends nothing', async () => {
    const offline = createOfflineProvider();
    let asked = false;
    const watched: Provider = { kind: offline.kind, model: offline.model, complete: async (r) => ((asked = true), offline.complete(r)) };
    const tokens: string[] = [];

    const result = await letterAssistant.run(request(watched, MASKED, { onToken: (t) => tokens.push(t) }));

    expect(asked).toBe(false);
    expect(result).toMatchObject({ provider: 'offline', model: 'regelmotor-1', usage: { promptTokens: 0, completionTokens: 0 } });
    const details = LetterRunDetails.parse(result.details);
    expect(details.engine).toBe('Offline regelmotor – ikke en sprogmodel');
    expect(result.draft).not.toContain('Offline regelmotor');
    expect(result.draft).toContain('Vi beder dig sende dine lønsedler senest den 1. marts 2027.');
    expect(result.draft).toContain('Hvis du har spørgsmål, kan du ringe til [NAVN_2] på telefon [TELEFON_1].');
    expect(details.lixAfter).toBeLessThan(details.lixBefore);
    expect(details.changes!.length).toBeGreaterThan(0);
    expect(tokens.join('')).toBe(result.draft);
  });

  it('with a language model, then it sends the Danish system prompt and the pseudonymised letter only, and streams through onToken', async () => {
    const provider = stubProvider((r) => `Her er det omskrevne brev:\n\n${r.user.replace('De bedes hermed fremsende Deres', 'Send dine')}`);
    const tokens: string[] = [];

    const result = await letterAssistant.run(request(provider, MASKED, { onToken: (t) => tokens.push(t) }));

    const call = provider.calls[0]!;
    expect(call.system).toMatch(/klarsprog/);
    expect(call.system).toMatch(/Gengiv hver pladsholder nøjagtigt/);
    expect(call.system).toMatch(/Tilføj ingen nye oplysninger/);
    expect(call.user).toBe(MASKED);
    expect(call.assistant).toBe('letter');
    expect(tokens.join('')).toBe(result.draft);
    expect(result.draft.startsWith('Kære [NAVN_1]')).toBe(true);
    expect(result.draft).toContain('Send dine lønsedler');
    const details = LetterRunDetails.parse(result.details);
    expect(details.engine).toBeUndefined();
    expect(details.lixBefore).toBe(lix(MASKED));
    expect(details.lixAfter).toBe(lix(result.draft));
    expect(details.checklist.find((i) => i.item === 'deadline')).toMatchObject({ present: true });
    expect(result).toMatchObject({ provider: 'openai-compatible', model: 'stub-model', usage: { promptTokens: 10, completionTokens: 5 } });
  });

  it('checks the letter as written, not the model’s draft: a model that drops the deadline does not remove it from the checklist', async () => {
    const provider = stubProvider(() => 'Kære [NAVN_1]\n\nSend dine lønsedler. Ring til [NAVN_2] på [TELEFON_1].');
    const result = await letterAssistant.run(request(provider));
    expect(LetterRunDetails.parse(result.details).checklist.find((i) => i.item === 'deadline')?.present).toBe(true);
  });

  it.each([
    ['an empty answer', () => '   '],
    ['only a preamble', () => 'Her er brevet:\n'],
    ['an answer that lost a placeholder', () => 'Kære [NAVN_1]\n\nSend dine lønsedler senest den 1. marts 2027. Ring til os på [TELEFON_1].'],
  ])('when the model gives %s, then the result is malformed (a ProviderError) and no draft is offered', async (_name, answer) => {
    const error = await letterAssistant.run(request(stubProvider(answer))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'malformed', provider: 'openai-compatible' });
  });

  it('on the four sample letters the offline draft is easier to read', async () => {
    for (const letter of sharedLetters()) {
      const result = await letterAssistant.run(request(createOfflineProvider(), letter.text));
      const details = LetterRunDetails.parse(result.details);
      expect(details.lixBefore).toBe(letter.lix);
      expect(details.lixAfter).toBeLessThan(details.lixBefore - 5);
    }
  });
});

describe('cleaning a model’s answer', () => {
  it.each([
    ['Her er det omskrevne brev:\n\nKære [NAVN_1]', 'Kære [NAVN_1]'],
    ['Omskrevet: Kære [NAVN_1]', 'Kære [NAVN_1]'],
    ['```\nKære [NAVN_1]\n```', 'Kære [NAVN_1]'],
    ['Selvfølgelig! Her er et forslag:\nKære [NAVN_1]', 'Kære [NAVN_1]'],
    ['Afgørelse: Du får hjælp', 'Afgørelse: Du får hjælp'],
  ])('%j becomes %j', (answer, draft) => {
    expect(stripPreamble(answer)).toBe(draft);
  });

  it('cleans a streamed answer to exactly the stored draft, however the answer is cut into pieces', () => {
    const answer = 'Her er det omskrevne brev:\n\nKære [NAVN_1]\n\nSend dine lønsedler senest den 1. marts 2027.\n';
    for (const size of [1, 2, 3, 7, 50, answer.length]) {
      let streamed = '';
      const cleaner = answerCleaner((t) => (streamed += t));
      for (let i = 0; i < answer.length; i += size) cleaner.push(answer.slice(i, i + size));
      cleaner.end();
      expect(streamed).toBe(stripPreamble(answer));
    }
    expect(stripPreamble(answer)).toBe('Kære [NAVN_1]\n\nSend dine lønsedler senest den 1. marts 2027.\n');
  });

  it('streams a letter that opens without a preamble at once, piece by piece as the model sent them', () => {
    const pieces: string[] = [];
    const cleaner = answerCleaner((t) => pieces.push(t));
    cleaner.push('Kære ');
    cleaner.push('[NAVN_1], ');
    expect(pieces).toEqual(['Kære ', '[NAVN_1], ']);
  });

  it('names the placeholders of the input that the draft lost', () => {
    expect(missingPlaceholders('[NAVN_1] og [TELEFON_1] og [NAVN_1]', '[NAVN_1]')).toEqual(['[TELEFON_1]']);
    expect(missingPlaceholders('Ingen pladsholdere', 'Noget andet')).toEqual([]);
  });
});
