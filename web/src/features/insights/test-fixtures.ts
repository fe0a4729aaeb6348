import { SUPPRESSED_REASON, type Board, type PublicRegister, type TrialInsights } from '@contracts/insights.js';

/** A trial's insights with every measure shown (4 people); override what a test is about. */
export function makeInsights(overrides: Partial<TrialInsights> = {}): TrialInsights {
  return {
    trial: {
      id: 't1',
      title: 'Klarsprog i breve',
      unit: { id: 'unit-bs', name: 'Borgerservice' },
      status: 'ACTIVE',
      period: { startsAt: '2026-01-05T00:00:00.000Z', endsAt: '2026-03-31T00:00:00.000Z' },
      assistants: ['letter'],
    },
    period: { from: null, to: null },
    participation: {
      invited: 5,
      briefed: 4,
      active: 4,
      shareActive: 0.8,
      runsPerPerson: { status: 'ok', value: { median: 2, min: 1, max: 4 }, people: 4 },
    },
    runsOverTime: [
      { week: '2026-W02', weekStart: '2026-01-05', counts: [{ assistant: 'letter', runs: 3 }] },
      { week: '2026-W03', weekStart: '2026-01-12', counts: [{ assistant: 'letter', runs: 6 }] },
    ],
    outcomes: { status: 'ok', value: { approvedAsIs: 4, edited: 3, rejected: 1, awaitingReview: 1, total: 9 }, people: 4 },
    editSize: { status: 'ok', value: { median: 40, mean: 52.3, max: 120 }, people: 3 },
    minutesSaved: {
      status: 'ok',
      value: { total: 75, median: 10, perAssistant: [{ assistant: 'letter', total: 75, median: 10, runs: 7 }], suppressedAssistants: [] },
      people: 4,
    },
    usefulness: { status: 'ok', value: { distribution: [0, 1, 2, 3, 1], mean: 3.6 }, people: 4 },
    failureTypes: {
      status: 'ok',
      value: [
        { type: 'LANGUAGE_ERRORS', count: 3 },
        { type: 'MISSING_INFORMATION', count: 2 },
        { type: 'FACTUAL_ERROR', count: 0 },
        { type: 'INVENTED_CONTENT', count: 0 },
        { type: 'WRONG_TONE', count: 0 },
        { type: 'BIAS', count: 0 },
        { type: 'PERSONAL_DATA_IN_OUTPUT', count: 0 },
        { type: 'OTHER', count: 0 },
      ],
      people: 4,
    },
    wouldUseAgain: { status: 'ok', value: { yes: 6, no: 1, shareYes: 6 / 7 }, people: 4 },
    guard: {
      status: 'ok',
      value: {
        blocked: [{ dataClass: 'HEALTH', count: 1 }],
        masked: [{ dataClass: 'CPR', count: 5 }],
        blockedRuns: 1,
        maskedRuns: 4,
      },
      people: 4,
    },
    providers: {
      status: 'ok',
      value: [{ provider: 'offline', model: 'regelmotor', runs: 8, promptTokens: 1200, completionTokens: 900 }],
      people: 4,
    },
    reflections: {
      status: 'ok',
      value: [
        { id: 'r1', text: 'Udkastene sparer tid på standardbreve.', createdAt: '2026-01-20T10:00:00.000Z' },
        { id: 'r2', text: 'Klagevejledningen mangler tit.', createdAt: '2026-01-21T10:00:00.000Z' },
      ],
      people: 3,
    },
    baseline: { status: 'ok', people: 3, value: { medianWithout: 40, medianSaved: 10, shareSaved: 0.25, estimates: 3 } },
    criteria: [],
    decisions: [],
    emptyReason: null,
    ...overrides,
  };
}

export const suppressed = (people: number) => ({ status: 'suppressed' as const, people, reason: SUPPRESSED_REASON });
export const empty = (reason: string) => ({ status: 'empty' as const, reason });

export function makeBoard(overrides: Partial<Board> = {}): Board {
  return {
    filters: { unitId: null, assistant: null, from: null, to: null },
    trials: [
      {
        trial: { id: 't1', title: 'Klarsprog i breve', status: 'ACTIVE', unit: { id: 'unit-bs', name: 'Borgerservice' } },
        runs: 9,
        people: 4,
        outcomes: { status: 'ok', value: { approvedAsIs: 4, edited: 3, rejected: 1, awaitingReview: 1, total: 9 }, people: 4 },
        minutesSaved: { status: 'ok', value: { total: 75, median: 10 }, people: 4 },
        usefulnessMean: { status: 'ok', value: 3.6, people: 4 },
        wouldUseAgainShare: { status: 'ok', value: 0.75, people: 4 },
        blockedRuns: 1,
        maskedRuns: 4,
        latestDecision: { outcome: 'ADJUST', createdAt: '2026-02-01T10:00:00.000Z' },
      },
      {
        trial: { id: 't2', title: 'Referater af teammøder', status: 'ACTIVE', unit: { id: 'unit-dig', name: 'Digital Udvikling' } },
        runs: 2,
        people: 1,
        outcomes: suppressed(1),
        minutesSaved: suppressed(1),
        usefulnessMean: suppressed(1),
        wouldUseAgainShare: suppressed(1),
        blockedRuns: 0,
        maskedRuns: 0,
        latestDecision: null,
      },
    ],
    assistants: [
      {
        assistant: 'letter',
        trials: 1,
        runs: 9,
        people: 4,
        outcomes: { status: 'ok', value: { approvedAsIs: 4, edited: 3, rejected: 1, awaitingReview: 1, total: 9 }, people: 4 },
        minutesSaved: { status: 'ok', value: { total: 75, median: 10 }, people: 4 },
        usefulnessMean: { status: 'ok', value: 3.6, people: 4 },
        wouldUseAgainShare: { status: 'ok', value: 0.75, people: 4 },
        blockedRuns: 1,
        maskedRuns: 4,
      },
    ],
    emptyReason: null,
    ...overrides,
  };
}

export function makeRegister(overrides: Partial<PublicRegister> = {}): PublicRegister {
  return {
    organisation: 'Rødovre Kommune',
    trials: [
      {
        id: 't1',
        title: 'Klarsprog i breve',
        purpose: 'Borgerbreve i klarsprog',
        unit: 'Borgerservice',
        assistants: [{ id: 'letter', name: 'Breve til borgere' }],
        period: { startsAt: '2026-01-05T00:00:00.000Z', endsAt: '2026-03-31T00:00:00.000Z' },
        status: 'CLOSED',
        policy: {
          title: 'Breve til borgere med pseudonymisering',
          may: [{ code: 'M1', da: 'Du må bruge breve, hvor CPR-numre erstattes automatisk.' }],
          mayNot: [{ code: 'N1', da: 'Medarbejderne må ikke bruge tekster med helbredsoplysninger.' }],
          must: [{ code: 'S1', da: 'Du skal læse og godkende hvert udkast.' }],
        },
        humanOversight: ['En medarbejder læser og godkender hvert udkast, før det bruges.'],
        decision: { outcome: 'ADOPT', rationale: 'Brevene blev lettere at læse.', decidedAt: '2026-04-02T10:00:00.000Z' },
      },
    ],
    ...overrides,
  };
}
