import type { BriefingView } from '@contracts/trials.js';

/**
 * The trials feature's own fixtures: the policies the charter form offers and a trial's briefing. The trial itself
 * is makeTrialDetail (web/src/test/fixtures.ts).
 */
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
