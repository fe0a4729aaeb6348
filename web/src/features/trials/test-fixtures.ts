import type { BriefingView, TrialDetail } from '@contracts/trials.js';

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

export const POLICIES = {
  policies: [
    {
      id: 'standard',
      version: 'v1',
      title: { da: 'Standard', en: 'Standard' },
      explanation: { da: 'Forklaring', en: 'Explanation' },
      status: 'APPROVED',
      missingApprovals: [],
      approvedOn: '2026-10-06',
      assistants: ['letter', 'minutes', 'documents'],
      providers: [],
    },
    {
      id: 'foelsom',
      version: 'v2',
      title: { da: 'Følsom sagsbehandling', en: 'Sensitive casework' },
      explanation: { da: 'Forklaring', en: 'Explanation' },
      status: 'AWAITING_APPROVAL',
      missingApprovals: ['DPO'],
      approvedOn: null,
      assistants: ['letter'],
      providers: [],
    },
  ],
};

export function makeBriefing(overrides: Partial<BriefingView> = {}): BriefingView {
  return {
    trialId: 't1',
    trialTitle: 'Klarsprog i breve',
    briefing: 'Læs altid udkastet grundigt, før du sender det.',
    assistants: [
      {
        id: 'letter',
        name: 'Breve til borgere',
        whatItIs: 'Omskriver dit brev til klart sprog.',
        failureModes: ['Den kan opfinde paragraffer.', 'Den kan udelade en frist.'],
      },
    ],
    policy: {
      id: 'standard',
      title: 'Standard',
      plain: {
        may: [{ code: 'M1', da: 'Du må bruge breve uden CPR-numre.', en: 'You may use letters without CPR numbers.' }],
        mayNot: [{ code: 'N1', da: 'Du må ikke bruge helbredsoplysninger.', en: 'You may not use health information.' }],
        must: [{ code: 'S1', da: 'Du skal læse hvert udkast.', en: 'You must read every draft.' }],
      },
    },
    briefingRevision: 2,
    acknowledged: false,
    briefedAt: null,
    ...overrides,
  };
}
