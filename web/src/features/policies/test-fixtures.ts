import type { PolicyDetail, PolicySummary, PreviewResponse } from '@contracts/policies.js';
import { makePolicy } from '../../test/fixtures';

/** The letters policy (makePolicy, web/src/test/fixtures.ts) and a sensitive one awaiting the DPO's approval. */
export const LETTERS: PolicyDetail = makePolicy();

export const SENSITIVE: PolicyDetail = makePolicy({
  id: 'foelsom-sagsbehandling-lokal',
  version: 'f6e5d4c3b2a1',
  title: { da: 'Følsom sagsbehandling – kun lokal model', en: 'Sensitive case work – local model only' },
  explanation: { da: 'Til sagsbehandling med følsomme oplysninger.', en: 'For case work with sensitive information.' },
  status: 'AWAITING_APPROVAL',
  assistants: ['letter', 'minutes', 'documents'],
  providers: [
    { provider: 'offline', models: ['*'] },
    { provider: 'openai-compatible', models: ['llama3.1:8b', 'mistral-nemo'] },
  ],
  humanReview: { required: true, secondApprover: 'always' },
  approvals: [
    { function: 'LEGAL', by: 'Jura og Forvaltningsret', date: '2026-11-02' },
    { function: 'IT_SECURITY', by: 'IT-sikkerhed', date: '2026-11-05' },
  ],
  missingApprovals: ['DPO'],
  approvedOn: null,
});

export const summaryOf = (p: PolicyDetail): PolicySummary => ({
  id: p.id,
  version: p.version,
  title: p.title,
  explanation: p.explanation,
  missingApprovals: p.missingApprovals,
  approvedOn: p.approvedOn,
  status: p.status,
  assistants: p.assistants,
  providers: p.providers,
});

/** The finding for `needle` in `text`, at the position where it really is. */
export function findingAt(
  text: string,
  needle: string,
  type: PreviewResponse['findings'][number]['type'],
  action: PreviewResponse['findings'][number]['action'],
) {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" is not in the text`);
  return { type, start, end: start + needle.length, action };
}
