import type { PolicyDetail, PolicySummary, PreviewResponse } from '@contracts/policies.js';

/**
 * Policies as the server describes them, for the web tests. Shaped after policies/*.yaml; the plain-language
 * rules are shortened copies of what the server writes.
 */
export const LETTERS: PolicyDetail = {
  id: 'borgerbreve-maskering',
  version: 'a1b2c3d4e5f6',
  title: { da: 'Breve til borgere med pseudonymisering', en: 'Letters to citizens with pseudonymisation' },
  explanation: {
    da: 'Til at gøre breve til borgere lettere at læse. Navne og CPR-numre erstattes med pladsholdere.',
    en: 'For making letters to citizens easier to read. Names and CPR numbers are replaced by placeholders.',
  },
  status: 'APPROVED',
  assistants: ['letter'],
  providers: [
    { provider: 'offline', models: ['*'] },
    { provider: 'azure-openai', models: ['*'] },
  ],
  dataClasses: {
    CPR: 'mask',
    CVR: 'allow',
    PHONE: 'mask',
    EMAIL: 'mask',
    ADDRESS: 'mask',
    POSTCODE_CITY: 'warn',
    BANK_ACCOUNT: 'mask',
    PERSON: 'mask',
    HEALTH: 'block',
    ETHNICITY: 'block',
    RELIGION: 'block',
    UNION: 'block',
    SEXUAL_ORIENTATION: 'block',
    CRIMINAL: 'block',
  },
  humanReview: { required: true, secondApprover: { whenPresent: ['CPR', 'BANK_ACCOUNT'] } },
  retentionDays: 30,
  limits: { maxInputChars: 20000, runsPerPersonPerDay: 50 },
  disclosureLabel: {
    da: 'Brevet er omskrevet med hjælp fra AI og godkendt af en sagsbehandler',
    en: 'The letter was rewritten with the help of AI and approved by a caseworker',
  },
  approvals: [
    { function: 'LEGAL', by: 'Jura og Forvaltningsret', date: '2026-10-01' },
    { function: 'IT_SECURITY', by: 'IT-sikkerhed', date: '2026-10-02' },
    { function: 'DPO', by: 'Databeskyttelsesrådgiver', date: '2026-10-06' },
  ],
  missingApprovals: [],
  approvedOn: '2026-10-06',
  plain: {
    may: [
      { code: 'ASSISTANTS', da: 'Du må bruge: Brevassistenten (klarsprog).', en: 'You may use: The letter assistant (plain language).' },
      {
        code: 'MASKED_DATA',
        da: 'CPR-numre og personnavne må gerne stå i teksten: de erstattes med pladsholdere.',
        en: 'CPR numbers and people’s names may be in the text: they are replaced by placeholders.',
      },
    ],
    mayNot: [
      {
        code: 'BLOCKED_DATA',
        da: 'Du må ikke bruge tekster med helbredsoplysninger.',
        en: 'You may not use texts containing health information.',
      },
    ],
    must: [
      {
        code: 'HUMAN_REVIEW',
        da: 'Du skal læse, rette og godkende hvert udkast, før det bruges.',
        en: 'You must read, correct and approve every draft before it is used.',
      },
    ],
  },
};

export const SENSITIVE: PolicyDetail = {
  ...LETTERS,
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
};

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
