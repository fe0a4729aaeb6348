/**
 * The optional no-AI baseline: participants say how long one task takes them without the assistant, and the
 * trial's overview compares the median with the minutes saved, under the board's rule of 3 people.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../contracts/errors.js';
import { BaselineList, BaselineResponse } from '../../contracts/experiences.js';
import { EMPTY_REASONS, SUPPRESSED_REASON, TrialInsightsResponse } from '../../contracts/insights.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTrial, createUnit, createUser, signedIn, type Client } from '../../../../test/support/factories.js';

let t: TestApp;
let trialId: string;
let leader: Client;
const people: Client[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const unitId = (await createUnit(t.deps)).id;
  const leaderUser = await createUser(t.deps, { role: 'LEADER', unitId });
  const users = [await createUser(t.deps, { unitId }), await createUser(t.deps, { unitId }), await createUser(t.deps, { unitId })];
  trialId = (await createTrial(t.deps, { unitId, createdById: leaderUser.id, policyId: 'borgerbreve-maskering', participants: users.map((u) => u.id) })).id;
  // Three runs with experience logs, one per person: minutes saved 10, 20, 30 (median 20).
  for (const [i, u] of users.entries()) {
    const run = await t.deps.db.run.create({
      data: { trialId, userId: u.id, assistant: 'letter', status: 'APPROVED', policyId: 'borgerbreve-maskering', policyVersion: 'v', guardDecision: 'allowed', guardFindings: '{}', input: 'x', output: 'y' },
    });
    await t.deps.db.experienceLog.create({ data: { runId: run.id, userId: u.id, usefulness: 4, minutesSaved: 10 * (i + 1), failureTypes: '[]', wouldUseAgain: true } });
    people.push(await signedIn(t, u));
  }
  leader = await signedIn(t, leaderUser);
});
afterAll(() => t.close());

const baselineOf = async () => TrialInsightsResponse.parse((await leader.get(`/api/trials/${trialId}/insights`).expect(200)).body).insights.baseline;

describe('the no-AI baseline', () => {
  it('when nobody has given an estimate, then the overview says so; with two people it is withheld', async () => {
    expect(await baselineOf()).toEqual({ status: 'empty', reason: EMPTY_REASONS.noBaselines });
    await people[0]!.put(`/api/trials/${trialId}/baseline`, { assistant: 'letter', minutes: 40 }).expect(200);
    await people[1]!.put(`/api/trials/${trialId}/baseline`, { assistant: 'letter', minutes: 60 }).expect(200);
    expect(await baselineOf()).toEqual({ status: 'suppressed', people: 2, reason: SUPPRESSED_REASON });
  });

  it('when three people have given one, then the median is compared with the median minutes saved', async () => {
    await people[2]!.put(`/api/trials/${trialId}/baseline`, { assistant: 'letter', minutes: 90 }).expect(200);
    // A new estimate replaces the person's old one: 60 → 50. Estimates 40, 50, 90: median 50; saved 10, 20, 30: median 20.
    const saved = BaselineResponse.parse((await people[1]!.put(`/api/trials/${trialId}/baseline`, { assistant: 'letter', minutes: 50 }).expect(200)).body);
    expect(saved.baseline).toMatchObject({ assistant: 'letter', minutes: 50 });
    expect(await baselineOf()).toEqual({ status: 'ok', people: 3, value: { medianWithout: 50, medianSaved: 20, shareSaved: 0.4, estimates: 3 } });
    expect(BaselineList.parse((await people[1]!.get(`/api/trials/${trialId}/baseline`).expect(200)).body).baselines).toEqual([
      expect.objectContaining({ assistant: 'letter', minutes: 50 }),
    ]);
    const audited = await t.deps.db.auditEvent.findMany({ where: { resourceId: trialId, action: 'experience.baseline_set' } });
    expect(audited).toHaveLength(4);
    expect(audited.every((a) => !a.details.includes('50') && !a.details.includes('90'))).toBe(true);
  });

  it('when the minutes are not a whole number in range, or the assistant is not the trial\'s, or a leader who does not take part sends one, then it is refused', async () => {
    for (const body of [{ assistant: 'letter', minutes: 0 }, { assistant: 'letter', minutes: 2.5 }, { assistant: 'minutes', minutes: 20 }]) {
      const res = await people[0]!.put(`/api/trials/${trialId}/baseline`, body).expect(400);
      expect(ErrorBody.parse(res.body).error.code).toBe('VALIDATION_FAILED');
    }
    expect(ErrorBody.parse((await leader.put(`/api/trials/${trialId}/baseline`, { assistant: 'letter', minutes: 20 }).expect(403)).body).error.code).toBe('FORBIDDEN');
  });
});
