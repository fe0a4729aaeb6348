/**
 * Who did what, and when, in the demo organisation's history: a finished letter trial and a running minutes
 * trial. Pure and deterministic (a seeded PRNG, fixed counts): the same plan on every start, so the board shows
 * the same figures and the tests can compute them by hand from this plan. Times are working days before the day
 * of seeding, so the history always ends just before today.
 */
import { seededRandom } from '../../lib/random.js';
import type { FailureType } from '../../contracts/experiences.js';
import type { ColleagueKey } from './demo.constants.js';
import {
  ANSWERS,
  BLOCKED_TRANSCRIPTS,
  FINISHED_TRIAL,
  LETTER_TEXTS,
  LOG_NOTES,
  MINUTES_TEXTS,
  REFLECTIONS,
  REJECT_REASONS,
  RUNNING_TRIAL,
  type HistoryText,
} from './demo.history.texts.js';

export type HistoryTrialKey = 'finished' | 'running';
export type PlannedOutcome = 'APPROVED_AS_IS' | 'EDITED' | 'REJECTED' | 'AWAITING_REVIEW' | 'BLOCKED';

/** A moment in Danish time: `workdaysAgo` working days (Monday-Friday) before the day of seeding, `minute` after midnight. */
export interface Moment {
  workdaysAgo: number;
  minute: number;
}

export interface PlannedLog {
  usefulness: number;
  minutesSaved: number;
  failureTypes: FailureType[];
  wouldUseAgain: boolean;
  /** The optional free text of the log. */
  note: string | null;
  answers: Record<string, string>;
  /** After the first review (the log opens once a person has judged the draft). */
  afterMinutes: number;
}

export interface PlannedRun {
  key: string;
  trial: HistoryTrialKey;
  requester: ColleagueKey;
  assistant: 'letter' | 'minutes';
  /** A text of LETTER_TEXTS, MINUTES_TEXTS or BLOCKED_TRANSCRIPTS. */
  textId: string;
  at: Moment;
  durationMs: number;
  outcome: PlannedOutcome;
  /** Which of the text's edits the requester made (EDITED only). */
  edit: number | null;
  rejectReason: string | null;
  /** The requester's own review, after the draft came back. */
  reviewAfterMinutes: number;
  /** The second approval, by the trial's leader, when the policy wants four eyes for the text. */
  secondApprovalAfterMinutes: number;
  log: PlannedLog | null;
  /** The approved text was copied to be sent or filed (an export in the audit trail). */
  copied: boolean;
}

export interface PlannedReflection {
  trial: HistoryTrialKey;
  author: ColleagueKey;
  at: Moment;
  text: string;
}

export interface PlannedTrial {
  key: HistoryTrialKey;
  participants: ColleagueKey[];
  /** Participants who never read the briefing (and so never ran anything). */
  neverBriefed: ColleagueKey[];
  createdAt: Moment;
  participantsAt: Moment;
  /** The first day of the trial; it was started (DRAFT to ACTIVE) that morning. */
  startsAt: Moment;
  /** The last day of the trial (the finished one), or null: the running one ends `runsForDays` after it started. */
  endsAt: Moment | null;
  runsForDays: number;
  closedAt: Moment | null;
  decidedAt: Moment | null;
  publishedAt: Moment | null;
}

export interface DemoHistoryPlan {
  colleaguesCreatedAt: Moment;
  trials: Record<HistoryTrialKey, PlannedTrial>;
  runs: PlannedRun[];
  reflections: PlannedReflection[];
}

interface Dice {
  int(min: number, max: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  shuffle<T>(xs: T[]): T[];
}

function dice(seed: number): Dice {
  const next = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    int,
    pick: <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)]!,
    chance: (p: number) => next() < p,
    shuffle: <T>(xs: T[]) => {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = int(0, i);
        [xs[i], xs[j]] = [xs[j]!, xs[i]!];
      }
      return xs;
    },
  };
}

const repeat = <T>(entries: [T, number][]): T[] => entries.flatMap(([v, n]) => Array<T>(n).fill(v));

/** Runs per person in the finished letter trial (13 who ran, 80 runs). */
const FINISHED_RUNS: [ColleagueKey, number][] = [
  ['anne', 12], ['sara', 10], ['mikkel', 9], ['camilla', 8], ['line', 7], ['jesper', 7], ['louise', 6],
  ['thomas', 5], ['nadia', 5], ['kasper', 4], ['rasmus', 3], ['fatima', 2], ['maria', 2],
];
/** Runs per person in the running minutes trial that were not blocked (8 people, 67 runs). */
const RUNNING_RUNS: [ColleagueKey, number][] = [
  ['maria', 13], ['sara', 11], ['peter', 10], ['line', 9], ['kasper', 8], ['fatima', 7], ['thomas', 5], ['anne', 4],
];
/** Who pasted the transcripts the guard refused; Rasmus tried once and did not come back. */
const BLOCKED_BY: ColleagueKey[] = ['line', 'sara', 'rasmus'];

/** Outcomes of the reviewed runs: approved as is, edited and approved, rejected. */
const FINISHED_OUTCOMES = { APPROVED_AS_IS: 27, EDITED: 34, REJECTED: 19 } as const;
const RUNNING_OUTCOMES = { APPROVED_AS_IS: 25, EDITED: 29, REJECTED: 10 } as const;
/** Reviewed runs with no experience log (the participant did not write one). */
const FINISHED_UNLOGGED = 15;
const RUNNING_UNLOGGED = 12;
/** Drafts of the running trial still waiting for their review: the newest. */
const AWAITING = 3;

const SOCIAL: readonly ColleagueKey[] = ['maria', 'peter', 'sara', 'thomas', 'line', 'kasper', 'fatima'];
const LETTERS_OF = {
  BORGERSERVICE: LETTER_TEXTS.slice(0, 8),
  SOCIAL: LETTER_TEXTS.slice(8),
};

type Verdict = 'good' | 'edited' | 'rejected';
const verdictOf = (o: PlannedOutcome): Verdict => (o === 'APPROVED_AS_IS' ? 'good' : o === 'EDITED' ? 'edited' : 'rejected');

const LETTER_FAILURES: Record<Verdict, FailureType[]> = {
  good: ['LANGUAGE_ERRORS', 'WRONG_TONE'],
  edited: ['MISSING_INFORMATION', 'WRONG_TONE', 'LANGUAGE_ERRORS', 'FACTUAL_ERROR'],
  rejected: ['MISSING_INFORMATION', 'FACTUAL_ERROR', 'INVENTED_CONTENT', 'WRONG_TONE', 'OTHER'],
};
const MINUTES_FAILURES: Record<Verdict, FailureType[]> = {
  good: ['LANGUAGE_ERRORS'],
  edited: ['MISSING_INFORMATION', 'FACTUAL_ERROR', 'LANGUAGE_ERRORS'],
  rejected: ['FACTUAL_ERROR', 'INVENTED_CONTENT', 'MISSING_INFORMATION', 'OTHER'],
};

/** What a participant reports, given how the draft fared: the figures the board shows. */
function plannedLog(d: Dice, assistant: 'letter' | 'minutes', outcome: PlannedOutcome): PlannedLog {
  const v = verdictOf(outcome);
  const letter = assistant === 'letter';
  const usefulness = v === 'good' ? d.pick([4, 4, 5, 5, 5]) : v === 'edited' ? d.pick([2, 3, 3, 4, 4]) : d.pick([1, 1, 2, 2, 3]);
  const minutesSaved = letter
    ? v === 'good' ? d.int(6, 25) : v === 'edited' ? d.int(-4, 14) : d.int(-20, 0)
    : v === 'good' ? d.int(15, 40) : v === 'edited' ? d.int(5, 25) : d.int(-15, 5);
  // The pool's first type is the one most often seen (a missing complaint guidance or deadline; a missing task).
  const [usual, ...others] = (letter ? LETTER_FAILURES : MINUTES_FAILURES)[v];
  const howMany = v === 'good' ? (d.chance(0.2) ? 1 : 0) : d.int(1, 2);
  const failureTypes = (v !== 'good' && d.chance(0.6) ? [usual!, ...d.shuffle(others)] : d.shuffle([usual!, ...others])).slice(0, howMany);
  const wouldUseAgain = v === 'good' ? true : v === 'edited' ? d.chance(0.85) : d.chance(0.35);
  const notes = LOG_NOTES[assistant][v];
  const note = d.chance(0.35) ? d.pick(notes) : null;
  const questions = (letter ? FINISHED_TRIAL : RUNNING_TRIAL).questions;
  const answers: Record<string, string> = {};
  for (const q of questions) {
    // Not every participant answers every question.
    if (d.chance(0.8)) answers[q.id] = d.pick(ANSWERS[q.id as keyof typeof ANSWERS][v]);
  }
  return { usefulness, minutesSaved, failureTypes, wouldUseAgain, note, answers, afterMinutes: d.int(1, 20) };
}

/** Working days, spread over a range from `first` (the oldest) to `last`: one per run, oldest first. */
function spreadDays(d: Dice, n: number, first: number, last: number): number[] {
  return Array.from({ length: n }, () => d.int(last, first)).sort((a, b) => b - a);
}

interface RunSeed {
  requester: ColleagueKey;
  outcome: PlannedOutcome;
  text: HistoryText;
}

function planRuns(
  d: Dice,
  trial: HistoryTrialKey,
  assistant: 'letter' | 'minutes',
  seeds: RunSeed[],
  days: { first: number; last: number },
  hours: { from: number; to: number },
): PlannedRun[] {
  const workdays = spreadDays(d, seeds.length, days.first, days.last);
  const runs = seeds.map((s, i): PlannedRun => {
    const reviewed = s.outcome === 'APPROVED_AS_IS' || s.outcome === 'EDITED' || s.outcome === 'REJECTED';
    return {
      key: '',
      trial,
      requester: s.requester,
      assistant,
      textId: s.text.id,
      at: { workdaysAgo: workdays[i]!, minute: d.int(hours.from * 60, hours.to * 60) },
      durationMs: assistant === 'letter' ? d.int(180, 900) : d.int(90, 420),
      outcome: s.outcome,
      edit: s.outcome === 'EDITED' ? d.int(0, s.text.edits.length - 1) : null,
      rejectReason: s.outcome === 'REJECTED' ? d.pick(REJECT_REASONS[assistant]) : null,
      reviewAfterMinutes: d.int(2, 25),
      secondApprovalAfterMinutes: d.int(30, 150),
      log: reviewed ? plannedLog(d, assistant, s.outcome) : null,
      copied: (s.outcome === 'APPROVED_AS_IS' || s.outcome === 'EDITED') && d.chance(0.75),
    };
  });
  // Oldest first, then a stable key per run.
  runs.sort((a, b) => b.at.workdaysAgo - a.at.workdaysAgo || a.at.minute - b.at.minute);
  runs.forEach((r, i) => (r.key = `${trial}-${String(i + 1).padStart(3, '0')}`));
  return runs;
}

/** Drops the experience log of `n` reviewed runs, chosen by the dice. */
function withoutLogs(d: Dice, runs: PlannedRun[], n: number): void {
  const logged = runs.filter((r) => r.log);
  for (const r of d.shuffle([...logged]).slice(0, n)) r.log = null;
}

function finishedRuns(d: Dice): PlannedRun[] {
  const requesters = d.shuffle(repeat(FINISHED_RUNS));
  const outcomes = d.shuffle(repeat<PlannedOutcome>(Object.entries(FINISHED_OUTCOMES) as [PlannedOutcome, number][]));
  const seeds = requesters.map((requester, i): RunSeed => ({
    requester,
    outcome: outcomes[i]!,
    text: d.pick(SOCIAL.includes(requester) ? LETTERS_OF.SOCIAL : LETTERS_OF.BORGERSERVICE),
  }));
  const runs = planRuns(d, 'finished', 'letter', seeds, { first: 55, last: 17 }, { from: 8.5, to: 14 });
  withoutLogs(d, runs, FINISHED_UNLOGGED);
  return runs;
}

function runningRuns(d: Dice): PlannedRun[] {
  const requesters = d.shuffle(repeat(RUNNING_RUNS));
  const reviewed = d.shuffle(repeat<PlannedOutcome>(Object.entries(RUNNING_OUTCOMES) as [PlannedOutcome, number][]));
  const seeds = requesters.map((requester, i): RunSeed => ({
    requester,
    outcome: i < reviewed.length ? reviewed[i]! : 'AWAITING_REVIEW',
    text: d.pick(MINUTES_TEXTS),
  }));
  const runs = planRuns(d, 'running', 'minutes', seeds, { first: 30, last: 1 }, { from: 9, to: 15 });
  // The drafts still waiting are the newest ones: whatever outcome the dice gave them, they are not reviewed yet.
  const order = [...runs];
  const newest = order.slice(-AWAITING);
  const displaced = newest.filter((r) => r.outcome !== 'AWAITING_REVIEW').map((r) => r.outcome);
  for (const r of order.slice(0, -AWAITING)) {
    if (r.outcome === 'AWAITING_REVIEW') {
      r.outcome = displaced.shift()!;
      r.edit = r.outcome === 'EDITED' ? d.int(0, (MINUTES_TEXTS.find((t) => t.id === r.textId)?.edits.length ?? 1) - 1) : null;
      r.rejectReason = r.outcome === 'REJECTED' ? d.pick(REJECT_REASONS.minutes) : null;
      r.log = plannedLog(d, 'minutes', r.outcome);
      r.copied = r.outcome !== 'REJECTED' && d.chance(0.75);
    }
  }
  for (const r of newest) {
    r.outcome = 'AWAITING_REVIEW';
    r.edit = null;
    r.rejectReason = null;
    r.log = null;
    r.copied = false;
  }
  withoutLogs(d, runs, RUNNING_UNLOGGED);
  const blocked = BLOCKED_TRANSCRIPTS.map((t, i): PlannedRun => ({
    key: `running-blocked-${i + 1}`,
    trial: 'running',
    requester: BLOCKED_BY[i]!,
    assistant: 'minutes',
    textId: t.id,
    at: { workdaysAgo: [27, 16, 8][i]!, minute: d.int(9 * 60, 15 * 60) },
    durationMs: 0,
    outcome: 'BLOCKED',
    edit: null,
    rejectReason: null,
    reviewAfterMinutes: 0,
    secondApprovalAfterMinutes: 0,
    log: null,
    copied: false,
  }));
  return [...runs, ...blocked].sort((a, b) => b.at.workdaysAgo - a.at.workdaysAgo || a.at.minute - b.at.minute);
}

function reflections(d: Dice): PlannedReflection[] {
  const finishedAuthors: ColleagueKey[] = ['anne', 'line', 'sara', 'camilla', 'mikkel', 'jesper', 'thomas', 'anne', 'louise'];
  const runningAuthors: ColleagueKey[] = ['line', 'maria', 'peter', 'sara'];
  const finishedDays = [46, 41, 37, 33, 29, 26, 23, 19, 18];
  const runningDays = [24, 15, 9, 3];
  return [
    ...REFLECTIONS.finished.map((text, i): PlannedReflection => ({
      trial: 'finished',
      author: finishedAuthors[i]!,
      at: { workdaysAgo: finishedDays[i]!, minute: d.int(14 * 60, 15 * 60 + 30) },
      text,
    })),
    ...REFLECTIONS.running.map((text, i): PlannedReflection => ({
      trial: 'running',
      author: runningAuthors[i]!,
      at: { workdaysAgo: runningDays[i]!, minute: d.int(14 * 60, 15 * 60 + 30) },
      text,
    })),
  ];
}

let memo: DemoHistoryPlan | undefined;

/** The history, the same on every call. */
export function demoHistoryPlan(): DemoHistoryPlan {
  if (memo) return memo;
  const d = dice(20_260_301);
  const finished = finishedRuns(d);
  const running = runningRuns(d);
  const everyone = (runs: PlannedRun[]) => [...new Set(runs.map((r) => r.requester))];
  memo = {
    colleaguesCreatedAt: { workdaysAgo: 62, minute: 10 * 60 },
    trials: {
      finished: {
        key: 'finished',
        // Henrik was invited but never read the briefing or ran anything.
        participants: [...everyone(finished), 'henrik'],
        neverBriefed: ['henrik'],
        createdAt: { workdaysAgo: 60, minute: 13 * 60 + 10 },
        participantsAt: { workdaysAgo: 58, minute: 9 * 60 + 40 },
        startsAt: { workdaysAgo: 56, minute: 8 * 60 + 5 },
        endsAt: { workdaysAgo: 17, minute: 0 },
        runsForDays: 0,
        closedAt: { workdaysAgo: 16, minute: 9 * 60 + 15 },
        decidedAt: { workdaysAgo: 16, minute: 13 * 60 + 30 },
        publishedAt: { workdaysAgo: 16, minute: 13 * 60 + 42 },
      },
      running: {
        key: 'running',
        participants: everyone(running),
        neverBriefed: [],
        createdAt: { workdaysAgo: 34, minute: 11 * 60 },
        participantsAt: { workdaysAgo: 33, minute: 8 * 60 + 50 },
        startsAt: { workdaysAgo: 31, minute: 8 * 60 + 2 },
        endsAt: null,
        runsForDays: 91,
        closedAt: null,
        decidedAt: null,
        publishedAt: null,
      },
    },
    runs: [...finished, ...running],
    reflections: reflections(d),
  };
  return memo;
}
