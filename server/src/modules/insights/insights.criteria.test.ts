import { describe, expect, it } from 'vitest';
import { EMPTY_REASONS, SUPPRESSED_REASON } from '../../contracts/insights.js';
import type { SuccessCriterion } from '../../contracts/trials.js';
import type { RunFacts } from './insights.compute.js';
import { bootstrapInterval, criterionResults, medianOf, verdictOf, wilson } from './insights.criteria.js';

// Every expected interval below is worked out by hand (the working is in the comment beside it).

describe('the Wilson interval of a share', () => {
  it('when 7 of 10 said yes, then the interval is 0.3968 to 0.8922', () => {
    // z² = 3.8415; centre = (0.7 + 0.19207) / 1.38415 = 0.64449;
    // half = 1.96 · √(0.021 + 0.0096038) / 1.38415 = 0.24766
    const w = wilson(7, 10);
    expect(w.low).toBeCloseTo(0.3968, 4);
    expect(w.high).toBeCloseTo(0.8922, 4);
  });

  it('when none of 10 said yes, then the interval runs from exactly 0 to 0.2775', () => {
    // p = 0: low = 0, high = z² / (n + z²) = 3.8415 / 13.8415
    expect(wilson(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.2775, 4) });
  });

  it('when all of 10 said yes, then the interval runs from 0.7225 to exactly 1', () => {
    expect(wilson(10, 10)).toEqual({ low: expect.closeTo(0.7225, 4), high: 1 });
  });

  it('when 40 of 80 said yes, then the interval is narrower than for 6 of 12', () => {
    // n = 80: half = 1.96 · √(0.003125 + 0.0001501) / 1.04802 = 0.10704 → 0.3930 .. 0.6070
    const large = wilson(40, 80);
    expect(large.low).toBeCloseTo(0.393, 3);
    expect(large.high).toBeCloseTo(0.607, 3);
    const small = wilson(6, 12);
    expect(small.high - small.low).toBeGreaterThan(large.high - large.low);
  });

  it('when there are no answers or more successes than answers, then it refuses', () => {
    expect(() => wilson(0, 0)).toThrow(RangeError);
    expect(() => wilson(3, 2)).toThrow(RangeError);
  });
});

describe('the bootstrap interval of a median, resampling people', () => {
  it('when every value is the same, then the interval is that value on both sides', () => {
    expect(bootstrapInterval([[12, 12], [12], [12, 12, 12]], medianOf)).toEqual({ low: 12, high: 12 });
  });

  it('when three people answered 1, 2 and 3, then the interval is 1 to 3', () => {
    // A resample's median is 1 when two or three of the three draws are 1: 3·(1/3)²·(2/3) + (1/3)³ = 7/27 ≈ 26 %,
    // likewise 3; so both the 2.5th and the 97.5th percentile land on the ends.
    expect(bootstrapInterval([[1], [2], [3]], medianOf)).toEqual({ low: 1, high: 3 });
  });

  it('when each of three people logged five runs alike, then it is as wide as for one answer each', () => {
    // Resampling the 15 runs one by one would give 10 .. 10; three people are three answers, not fifteen.
    const groups = [Array(5).fill(0), Array(5).fill(10), Array(5).fill(20)];
    expect(bootstrapInterval(groups, medianOf)).toEqual({ low: 0, high: 20 });
  });

  it('when the same data is bootstrapped twice, then the interval is the same', () => {
    const groups = [[3, 8, 15], [0, 5], [12, 20, 25, 7], [9], [30, 2]];
    expect(bootstrapInterval(groups, medianOf)).toEqual(bootstrapInterval(groups, medianOf));
  });

  it('when there is nothing to resample, then it refuses', () => {
    expect(() => bootstrapInterval([[], []], medianOf)).toThrow(RangeError);
  });
});

describe('the verdict of a criterion', () => {
  it('when the whole interval is on the asked side, then it is met, also with a bound on the threshold', () => {
    expect(verdictOf({ low: 70, high: 90 }, 'atLeast', 70)).toBe('met');
    expect(verdictOf({ low: 5, high: 20 }, 'atMost', 20)).toBe('met');
  });

  it('when the whole interval is on the other side, then it is not met', () => {
    expect(verdictOf({ low: 40, high: 69.99 }, 'atLeast', 70)).toBe('notMet');
    expect(verdictOf({ low: 20.01, high: 30 }, 'atMost', 20)).toBe('notMet');
  });

  it('when the interval spans the threshold, then it is not yet decidable', () => {
    expect(verdictOf({ low: 60, high: 80 }, 'atLeast', 70)).toBe('undecided');
    expect(verdictOf({ low: 10, high: 30 }, 'atMost', 20)).toBe('undecided');
  });
});

let runNo = 0;
function run(userId: string, over: Partial<RunFacts> = {}): RunFacts {
  runNo += 1;
  return {
    id: `r${runNo}`,
    userId,
    assistant: 'letter',
    status: 'APPROVED',
    guardDecision: 'allowed',
    guardFindings: '{}',
    policyId: 'p',
    provider: 'offline',
    model: 'offline',
    promptTokens: 1,
    completionTokens: 1,
    durationMs: 1,
    createdAt: new Date('2026-12-01T10:00:00Z'),
    reviews: [{ decision: 'APPROVE', step: 1, editSize: 0 }],
    experienceLog: null,
    ...over,
  };
}
const logged = (userId: string, minutesSaved: number, wouldUseAgain: boolean, usefulness = 4) =>
  run(userId, { experienceLog: { userId, usefulness, minutesSaved, failureTypes: '[]', wouldUseAgain } });
const criterion = (c: Omit<SuccessCriterion, 'id'>): SuccessCriterion => ({ id: 'c1', ...c });

describe('the criteria of a trial over its runs', () => {
  // Ten logs by three people, seven of them "would use again".
  const tenLogs = [
    logged('u1', 10, true),
    logged('u1', 10, true),
    logged('u1', 10, true),
    logged('u2', 10, true),
    logged('u2', 10, true),
    logged('u2', 10, false),
    logged('u3', 10, true),
    logged('u3', 10, true),
    logged('u3', 10, false),
    logged('u3', 10, false),
  ];

  it('when 7 of 10 logs would use it again, then the share is 70 % with the Wilson interval in percent', () => {
    const [at70, at35, at90] = criterionResults(tenLogs, [
      criterion({ measure: 'wouldUseAgainShare', comparator: 'atLeast', threshold: 70 }),
      criterion({ measure: 'wouldUseAgainShare', comparator: 'atLeast', threshold: 35 }),
      criterion({ measure: 'wouldUseAgainShare', comparator: 'atLeast', threshold: 90 }),
    ]);
    expect(at70!.result).toEqual({
      status: 'ok',
      people: 3,
      value: { estimate: 70, low: 39.68, high: 89.22, method: 'wilson', n: 10, verdict: 'undecided' },
    });
    expect(at35!.result).toMatchObject({ value: { verdict: 'met' } });
    expect(at90!.result).toMatchObject({ value: { verdict: 'notMet' } });
  });

  it('when every log saved 10 minutes, then the median is 10 on both sides and "at least 10" is met', () => {
    const [r] = criterionResults(tenLogs, [criterion({ measure: 'minutesSavedMedian', comparator: 'atLeast', threshold: 10 })]);
    expect(r!.result).toEqual({
      status: 'ok',
      people: 3,
      value: { estimate: 10, low: 10, high: 10, method: 'bootstrap', n: 10, verdict: 'met' },
    });
  });

  it('when none of 10 drafts was rejected, then the share is 0 % with an interval up to 27.75 %', () => {
    const results = criterionResults(tenLogs, [
      criterion({ measure: 'rejectedShare', comparator: 'atMost', threshold: 30 }),
      criterion({ measure: 'rejectedShare', comparator: 'atMost', threshold: 20 }),
    ]);
    expect(results.map((r) => r.result)).toEqual([
      { status: 'ok', people: 3, value: { estimate: 0, low: 0, high: 27.75, method: 'wilson', n: 10, verdict: 'met' } },
      { status: 'ok', people: 3, value: { estimate: 0, low: 0, high: 27.75, method: 'wilson', n: 10, verdict: 'undecided' } },
    ]);
  });

  it('when only two people logged, then the criterion is withheld with the board reason', () => {
    const [r] = criterionResults(
      tenLogs.filter((x) => x.userId !== 'u3'),
      [criterion({ measure: 'wouldUseAgainShare', comparator: 'atLeast', threshold: 70 })],
    );
    expect(r!.result).toEqual({ status: 'suppressed', people: 2, reason: SUPPRESSED_REASON });
  });

  it('when three people ran it but only two logged, then the criterion is still withheld', () => {
    const runs = [...tenLogs.filter((x) => x.userId !== 'u3'), run('u3')];
    const [r] = criterionResults(runs, [criterion({ measure: 'minutesSavedMedian', comparator: 'atLeast', threshold: 5 })]);
    expect(r!.result).toMatchObject({ status: 'suppressed', people: 2 });
  });

  it('when there are runs but no edited drafts, or no runs at all, then it says why it has no estimate', () => {
    const edit = criterion({ measure: 'editSizeMedian', comparator: 'atMost', threshold: 200 });
    expect(criterionResults(tenLogs, [edit])[0]!.result).toEqual({ status: 'empty', reason: EMPTY_REASONS.noEdits });
    expect(criterionResults([], [edit])[0]!.result).toEqual({ status: 'empty', reason: EMPTY_REASONS.noRuns });
  });

  it('when drafts were edited by three people, then the median edit size is in characters', () => {
    const edited = (userId: string, editSize: number) =>
      run(userId, { reviews: [{ decision: 'EDIT_AND_APPROVE', step: 1, editSize }] });
    const runs = [edited('u1', 100), edited('u2', 300), edited('u3', 200), run('u1', { status: 'REJECTED', reviews: [] })];
    const [r] = criterionResults(runs, [criterion({ measure: 'editSizeMedian', comparator: 'atMost', threshold: 400 })]);
    // Three people, one edit each: as in the 1-2-3 case the interval is the lowest to the highest.
    expect(r!.result).toEqual({
      status: 'ok',
      people: 3,
      value: { estimate: 200, low: 100, high: 300, method: 'bootstrap', n: 3, verdict: 'met' },
    });
  });
});
