import { EMPTY_REASONS, type CriterionEstimate, type CriterionResult, type CriterionVerdict, type Measure } from '../../contracts/insights.js';
import type { CriterionComparator, SuccessCriterion } from '../../contracts/trials.js';
import { editSizeOf, outcomeOf, peopleOf, type RunFacts } from './insights.compute.js';
import { seededRandom } from '../../lib/random.js';
import { measure, round2 } from './insights.measures.js';

/** The normal quantile of a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;
/** Resamples of the bootstrap: the percentiles move by well under a tenth of a step between seeds at 2,000. */
export const BOOTSTRAP_RESAMPLES = 2000;
/** A fixed seed, so the same data gives the same interval on the board, in the report and in tests. */
export const BOOTSTRAP_SEED = 20_261_207;

export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson score interval of a proportion (successes of n), as shares 0..1. Unlike the normal approximation it
 * stays inside 0..1 and is not empty at 0 or n successes: 0 of 10 gives 0..0.2775.
 */
export function wilson(successes: number, n: number, z = Z95): Interval {
  if (n <= 0) throw new RangeError('wilson: n must be positive');
  if (successes < 0 || successes > n) throw new RangeError('wilson: successes must lie in 0..n');
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At 0 and n successes the bound is exactly 0 or 1; the formula only gets there up to rounding.
  return { low: successes === 0 ? 0 : centre - half, high: successes === n ? 1 : centre + half };
}

export function medianOf(xs: ArrayLike<number>): number {
  const s = Float64Array.from(xs).sort();
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function meanOf(xs: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) total += xs[i]!;
  return total / xs.length;
}

/**
 * A 95 % percentile bootstrap interval of a statistic, resampling people rather than single answers: each
 * resample draws as many people as there are, with replacement, and takes all their values. One person's many
 * runs are not independent of each other, so resampling runs would claim more certainty than 12 people give.
 * The bounds are the 2.5th and 97.5th percentiles (inverse of the empirical distribution) of the resampled
 * statistic.
 */
export function bootstrapInterval(
  groups: readonly (readonly number[])[],
  statistic: (xs: ArrayLike<number>) => number,
  resamples = BOOTSTRAP_RESAMPLES,
  seed = BOOTSTRAP_SEED,
): Interval {
  const people = groups.filter((g) => g.length > 0);
  if (people.length === 0) throw new RangeError('bootstrapInterval: no values');
  const random = seededRandom(seed);
  const stats = new Float64Array(resamples);
  const buffer: number[] = [];
  for (let b = 0; b < resamples; b++) {
    buffer.length = 0;
    for (let i = 0; i < people.length; i++) {
      const g = people[Math.floor(random() * people.length)]!;
      for (const x of g) buffer.push(x);
    }
    stats[b] = statistic(buffer);
  }
  stats.sort();
  const at = (q: number) => stats[Math.min(resamples - 1, Math.max(0, Math.ceil(q * resamples) - 1))]!;
  return { low: at(0.025), high: at(0.975) };
}

/**
 * Met when the whole interval lies on the side the criterion asks for (a bound on the threshold counts as on
 * it); not met when the whole interval lies on the other side; otherwise the data cannot decide yet.
 */
export function verdictOf(interval: Interval, comparator: CriterionComparator, threshold: number): CriterionVerdict {
  if (comparator === 'atLeast') {
    if (interval.low >= threshold) return 'met';
    if (interval.high < threshold) return 'notMet';
    return 'undecided';
  }
  if (interval.high <= threshold) return 'met';
  if (interval.low > threshold) return 'notMet';
  return 'undecided';
}

/** The values of one measure and the people behind them, before any statistic. */
type Sample =
  | { kind: 'share'; successes: number; n: number }
  | { kind: 'values'; groups: number[][]; statistic: 'median' | 'mean' };

function valuesByPerson(entries: { userId: string; value: number }[]): number[][] {
  const byPerson = new Map<string, number[]>();
  for (const e of entries) {
    const list = byPerson.get(e.userId);
    if (list) list.push(e.value);
    else byPerson.set(e.userId, [e.value]);
  }
  // In the order of the user ids, so the resampling does not depend on the order of the runs.
  return [...byPerson.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

function sampleOf(runs: RunFacts[], c: SuccessCriterion): Sample {
  const logs = runs.flatMap((r) => (r.experienceLog ? [r.experienceLog] : []));
  const decided = runs.map(outcomeOf).filter((o) => o === 'APPROVED_AS_IS' || o === 'EDITED' || o === 'REJECTED');
  switch (c.measure) {
    case 'minutesSavedMedian':
      return { kind: 'values', statistic: 'median', groups: valuesByPerson(logs.map((l) => ({ userId: l.userId, value: l.minutesSaved }))) };
    case 'usefulnessMean':
      return { kind: 'values', statistic: 'mean', groups: valuesByPerson(logs.map((l) => ({ userId: l.userId, value: l.usefulness }))) };
    case 'editSizeMedian': {
      const edited = runs.filter((r) => outcomeOf(r) === 'EDITED');
      return { kind: 'values', statistic: 'median', groups: valuesByPerson(edited.map((r) => ({ userId: r.userId, value: editSizeOf(r) }))) };
    }
    case 'wouldUseAgainShare':
      return { kind: 'share', successes: logs.filter((l) => l.wouldUseAgain).length, n: logs.length };
    case 'rejectedShare':
      return { kind: 'share', successes: decided.filter((o) => o === 'REJECTED').length, n: decided.length };
    case 'approvedAsIsShare':
      return { kind: 'share', successes: decided.filter((o) => o === 'APPROVED_AS_IS').length, n: decided.length };
  }
}

/** The estimate, interval and verdict of one criterion over a sample that has at least one value. */
export function estimateOf(sample: Sample, c: SuccessCriterion): CriterionEstimate {
  let estimate: number;
  let interval: Interval;
  let n: number;
  if (sample.kind === 'share') {
    // Shares are stated and shown in percent.
    const w = wilson(sample.successes, sample.n);
    estimate = (100 * sample.successes) / sample.n;
    interval = { low: 100 * w.low, high: 100 * w.high };
    n = sample.n;
  } else {
    const statistic = sample.statistic === 'median' ? medianOf : meanOf;
    const all = sample.groups.flat();
    estimate = statistic(all);
    interval = bootstrapInterval(sample.groups, statistic);
    n = all.length;
  }
  // Rounded before the verdict, so the verdict agrees with the figures a person reads.
  const shown = { low: round2(interval.low), high: round2(interval.high) };
  return {
    estimate: round2(estimate),
    ...shown,
    method: sample.kind === 'share' ? 'wilson' : 'bootstrap',
    n,
    verdict: verdictOf(shown, c.comparator, c.threshold),
  };
}

/**
 * Each criterion of the charter over a set of runs, under the board's rule (docs/decisions/0008): the people
 * behind it are those behind the board's measure of the same thing, and a result about 1-2 people is withheld.
 */
export function criterionResults(runs: RunFacts[], criteria: readonly SuccessCriterion[]): CriterionResult[] {
  const p = peopleOf(runs);
  return criteria.map((criterion): CriterionResult => {
    const sample = sampleOf(runs, criterion);
    const empty = !runs.length ? EMPTY_REASONS.noRuns : emptyReasonOf(criterion);
    const hasValues = sample.kind === 'share' ? sample.n > 0 : sample.groups.length > 0;
    let result: Measure<CriterionEstimate>;
    if (criterion.measure === 'editSizeMedian') {
      result = measure(hasValues ? p.edited : 0, empty, () => estimateOf(sample, criterion), p.withDraft, p.requesters);
    } else if (criterion.measure === 'rejectedShare' || criterion.measure === 'approvedAsIsShare') {
      const decidedPeople = peopleOf(runs.filter((r) => ['APPROVED_AS_IS', 'EDITED', 'REJECTED'].includes(outcomeOf(r)))).requesters;
      result = measure(hasValues ? decidedPeople : 0, empty, () => estimateOf(sample, criterion), p.withDraft, p.requesters);
    } else {
      result = measure(hasValues ? p.loggers : 0, empty, () => estimateOf(sample, criterion), p.requesters);
    }
    return { criterion, result };
  });
}

function emptyReasonOf(c: SuccessCriterion): string {
  if (c.measure === 'editSizeMedian') return EMPTY_REASONS.noEdits;
  if (c.measure === 'rejectedShare' || c.measure === 'approvedAsIsShare') return EMPTY_REASONS.noReviews;
  return EMPTY_REASONS.noExperiences;
}
