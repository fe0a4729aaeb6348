import type { PolicyDetail } from '@contracts/policies.js';
import type { RunView } from '@contracts/runs.js';
import type { TrialDetail, TrialSummary } from '@contracts/trials.js';
import type { z } from 'zod';

/**
 * The trials, runs and policies of the web tests, as the server answers them: one builder each, with the values
 * most tests want; a test overrides what it is about. Features' test-fixtures name their own variants on top.
 */

/** A trial as GET /api/trials lists it (before the list's defaults: isParticipant and briefingRequired may be left out). */
export type TrialSummaryFixture = z.input<typeof TrialSummary>;

/** "Klarsprog i breve" as the trial list shows it; override what a test is about. */
export function makeTrialSummary(overrides: Partial<TrialSummaryFixture> = {}): TrialSummaryFixture {
  return {
    id: 't1',
    title: 'Klarsprog i breve',
    purpose: 'Borgerbreve i klarsprog',
    status: 'ACTIVE',
    unit: { id: 'unit-bs', name: 'Borgerservice' },
    startsAt: '2026-01-05T00:00:00.000Z',
    endsAt: '2026-03-31T00:00:00.000Z',
    policyId: 'standard',
    assistants: ['letter'],
    participantCount: 4,
    canAdminister: false,
    ...overrides,
  };
}

/** A trial as GET /api/trials/:id answers it; override what a test is about. */
export function makeTrialDetail(overrides: Partial<TrialDetail> = {}): TrialDetail {
  return {
    id: 't1',
    title: 'Klarsprog i breve',
    purpose: 'Borgerbreve i klarsprog',
    hypothesis: 'Brevene bliver lettere at læse.',
    successCriteria: 'LIX under 40 i 8 ud af 10 breve.',
    briefing: 'Læs altid udkastet grundigt.',
    assistants: ['letter'],
    questions: [],
    criteria: [],
    possiblyHighRisk: false,
    startsAt: '2026-01-05T00:00:00.000Z',
    endsAt: '2026-03-31T00:00:00.000Z',
    status: 'DRAFT',
    version: 3,
    briefingRevision: 2,
    published: false,
    unit: { id: 'unit-bs', name: 'Borgerservice' },
    policy: { id: 'standard', title: 'Standard', version: 'v1', currentVersion: 'v1', approved: true, approvedOn: '2026-10-06', assistantsNotAllowed: [] },
    participants: [],
    canAdminister: false,
    isParticipant: false,
    myBriefing: null,
    runCount: 0,
    allowedTransitions: [],
    latestDecision: null,
    ...overrides,
  };
}

/** A letter drafted in "Klarsprog i breve", masked and waiting for review, as GET /api/runs/:id answers it. */
export function makeRun(overrides: Partial<RunView> = {}): RunView {
  return {
    id: 'run-1',
    trialId: 't1',
    assistant: 'letter',
    status: 'DRAFT',
    output: 'Kære borger. Vi har modtaget din ansøgning.',
    details: null,
    draftMarker: 'UDKAST – genereret med AI',
    disclosureLabel: { da: 'Brevet er omskrevet med hjælp fra AI', en: 'The letter was rewritten with the help of AI' },
    policyId: 'borgerbreve-maskering',
    policyVersion: 'v1',
    policyTitle: 'Breve til borgere med pseudonymisering',
    policyCurrent: true,
    guardDecision: 'masked',
    counts: [],
    provider: 'offline',
    model: 'regelmotor-1',
    usage: null,
    durationMs: 3,
    errorCode: null,
    createdAt: '2026-11-27T10:00:00.000Z',
    completedAt: '2026-11-27T10:00:00.000Z',
    retainUntil: '2026-12-27T10:00:00.000Z',
    ...overrides,
  };
}

/**
 * The letters policy as the server describes it, shaped after policies/*.yaml; the plain-language rules are
 * shortened copies of what the server writes. Override what a test is about.
 */
export function makePolicy(overrides: Partial<PolicyDetail> = {}): PolicyDetail {
  return {
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
    ...overrides,
  };
}
