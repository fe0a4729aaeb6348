import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { appWithHookAfterRead, purgeRun } from '../../../../test/support/erasure.js';
import { type Client, createTrial, createUnit, createUser, signedIn } from '../../../../test/support/factories.js';
import { ErrorBody } from '../../contracts/errors.js';
import { FinalTextResponse, ReviewResponse, RunList, type RunListItem } from '../../contracts/reviews.js';
import { DRAFT_MARKER, RunResponse, type RunView } from '../../contracts/runs.js';

// A Friday in the middle of the trials' period (they run 1 November 2026 to 31 January 2027).
const NOW = new Date('2026-11-27T10:00:00Z');
const LETTER = ['Kære borger', '', 'Vi har modtaget din ansøgning om boligstøtte.', 'Vi vender tilbage hurtigst muligt.', '', 'Med venlig hilsen', 'Ydelseskontoret'].join('\n');
// borgerbreve-maskering requires a second approver when a CPR number is present. It passes modulus 11.
const CPR = '070761-1006';
const SENSITIVE_LETTER = `${LETTER}\nSagen vedrører CPR-nr. ${CPR}.`;
const EDIT_MARK = 'Rettet af sagsbehandleren: svar inden 14 dage.';
const REASON = 'Tonen passer ikke til borgeren';

let t: TestApp;
let unitId: string;
let trialId: string;
let employee: { id: string; email: string };
let colleague: { id: string; email: string };
let leader: { id: string; email: string };
let secondLeader: { id: string; email: string };
let otherTrialEmployee: { id: string; email: string };
let stranger: { id: string; email: string };
let asEmployee: Client;
let asColleague: Client;
let asLeader: Client;
let asSecondLeader: Client;

/** Participants who have read the briefing, so a briefing check before runs lets them through. */
async function briefedTrial(unitId: string, createdById: string, participants: string[]) {
  const trial = await createTrial(t.deps, { unitId, createdById, policyId: 'borgerbreve-maskering', participants });
  await t.deps.db.trialParticipant.updateMany({ where: { trialId: trial.id }, data: { briefedAt: NOW, briefingVersion: trial.briefingRevision } });
  return trial;
}

async function newRun(client: Client, input = LETTER, inTrial = trialId): Promise<RunView> {
  const res = await client.post('/api/runs', { trialId: inTrial, assistant: 'letter', input }).expect(201);
  return RunResponse.parse(res.body).run;
}

function review(client: Client, runId: string, body: object) {
  return client.post(`/api/runs/${runId}/reviews`, body);
}

async function auditOf(runId: string) {
  return t.deps.db.auditEvent.findMany({ where: { resourceType: 'run', resourceId: runId }, orderBy: { seq: 'asc' } });
}

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  unitId = (await createUnit(t.deps)).id;
  const otherUnitId = (await createUnit(t.deps)).id;
  employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  colleague = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  leader = await createUser(t.deps, { role: 'LEADER', unitId });
  secondLeader = await createUser(t.deps, { role: 'LEADER', unitId });
  otherTrialEmployee = await createUser(t.deps, { role: 'EMPLOYEE', unitId: otherUnitId });
  stranger = await createUser(t.deps, { role: 'LEADER', unitId: otherUnitId });
  trialId = (await briefedTrial(unitId, leader.id, [employee.id, colleague.id, leader.id])).id;
  await briefedTrial(otherUnitId, stranger.id, [otherTrialEmployee.id]);
  asEmployee = await signedIn(t, employee);
  asColleague = await signedIn(t, colleague);
  asLeader = await signedIn(t, leader);
  asSecondLeader = await signedIn(t, secondLeader);
});
afterAll(async () => {
  await t.close();
});

describe('reviewing a draft without four eyes', () => {
  it('when a new draft is shown, then it waits for a review its requester may make', async () => {
    const run = await newRun(asEmployee);
    expect(run.status).toBe('DRAFT');
    expect(run.review).toMatchObject({ fourEyes: false, reviews: [], awaiting: 'review', canReview: true, experienceLogged: false });
  });

  it('when the requester approves as is, then the run is approved, the final text is the draft, and the audit says run.reviewed', async () => {
    const run = await newRun(asEmployee);

    const res = await review(asEmployee, run.id, { decision: 'APPROVE' }).expect(201);

    const body = ReviewResponse.parse(res.body);
    expect(body.status).toBe('APPROVED');
    expect(body.review).toMatchObject({ step: 1, decision: 'APPROVE', editSize: 0, editDiff: null, reviewer: { id: employee.id } });
    expect(body.state).toMatchObject({ awaiting: null, canReview: false });
    const final = FinalTextResponse.parse((await asEmployee.get(`/api/runs/${run.id}/final`).expect(200)).body).final;
    expect(final.text).toBe(run.output);
    expect(final.text).not.toContain(DRAFT_MARKER);
    expect(final.disclosureLabel.da).toMatch(/AI/);
    const events = await auditOf(run.id);
    const reviewed = events.find((e) => e.action === 'run.reviewed')!;
    expect(JSON.parse(reviewed.details)).toEqual({
      decision: 'APPROVE',
      step: 1,
      policyId: 'borgerbreve-maskering',
      policyVersion: run.policyVersion,
      editSize: 0,
      fourEyes: false,
    });
    // Reading the final text is not exporting it (the copy button's POST .../final/export is).
    expect(events.map((e) => e.action)).not.toContain('run.exported');
  });

  it('when the requester edits and approves, then the final text is the edit and the review keeps a line diff and its size', async () => {
    const run = await newRun(asEmployee);
    const edited = `${run.output!}\n${EDIT_MARK}`;

    const res = await review(asEmployee, run.id, { decision: 'EDIT_AND_APPROVE', finalText: edited }).expect(201);

    const body = ReviewResponse.parse(res.body);
    expect(body.status).toBe('APPROVED');
    expect(body.review.decision).toBe('EDIT_AND_APPROVE');
    expect(body.review.editDiff).toContain(`+${EDIT_MARK}`);
    expect(body.review.editDiff).toMatch(/^--- udkast\n\+\+\+ endelig\n@@ /);
    expect(body.review.editSize).toBe(EDIT_MARK.length + 1);
    const final = FinalTextResponse.parse((await asEmployee.get(`/api/runs/${run.id}/final`).expect(200)).body).final;
    expect(final.text).toBe(edited);
    const shown = RunResponse.parse((await asLeader.get(`/api/runs/${run.id}`).expect(200)).body).run;
    expect(shown.review?.reviews[0]?.editDiff).toContain(EDIT_MARK);
    // The audit trail holds the size of the edit, never its text.
    const details = (await auditOf(run.id)).map((e) => e.details).join('\n');
    expect(details).not.toContain(EDIT_MARK);
    expect(details).toContain(`"editSize":${EDIT_MARK.length + 1}`);
  });

  it('when the requester rejects with a reason, then the run is rejected, the reason is shown, and there is no final text', async () => {
    const run = await newRun(asEmployee);

    const res = await review(asEmployee, run.id, { decision: 'REJECT', reason: REASON }).expect(201);

    const body = ReviewResponse.parse(res.body);
    expect(body.status).toBe('REJECTED');
    expect(body.review).toMatchObject({ decision: 'REJECT', reason: REASON });
    const refused = ErrorBody.parse((await asEmployee.get(`/api/runs/${run.id}/final`).expect(409)).body).error;
    expect(refused.code).toBe('RUN_NOT_APPROVED');
    expect(refused.message).toMatch(/ikke godkendt endnu/);
    const details = (await auditOf(run.id)).map((e) => e.details).join('\n');
    expect(details).not.toContain(REASON);
  });

  it('when a rejection has no reason, then it is refused with 400 and the run stays a draft', async () => {
    const run = await newRun(asEmployee);
    const res = await review(asEmployee, run.id, { decision: 'REJECT' }).expect(400);
    expect(ErrorBody.parse(res.body).error.code).toBe('VALIDATION_FAILED');
    await review(asEmployee, run.id, { decision: 'REJECT', reason: 'x' }).expect(400);
    const shown = RunResponse.parse((await asEmployee.get(`/api/runs/${run.id}`).expect(200)).body).run;
    expect(shown.status).toBe('DRAFT');
  });

  it('when a stranger, an employee of another trial or a colleague reviews, then the run does not exist for them (404)', async () => {
    const run = await newRun(asEmployee);
    for (const person of [stranger, otherTrialEmployee, colleague]) {
      const client = person === colleague ? asColleague : await signedIn(t, person);
      const res = await review(client, run.id, { decision: 'APPROVE' }).expect(404);
      expect(ErrorBody.parse(res.body).error.code).toBe('NOT_FOUND');
    }
    expect(await t.deps.db.review.count({ where: { runId: run.id } })).toBe(0);
  });

  it('when the trial leader approves an employee draft, then that counts as the review', async () => {
    const run = await newRun(asEmployee);
    const body = ReviewResponse.parse((await review(asLeader, run.id, { decision: 'APPROVE' }).expect(201)).body);
    expect(body.status).toBe('APPROVED');
  });

  it('when a decided run is reviewed again, then it is refused with 409 RUN_ALREADY_DECIDED', async () => {
    const run = await newRun(asEmployee);
    await review(asEmployee, run.id, { decision: 'APPROVE' }).expect(201);
    const res = await review(asLeader, run.id, { decision: 'REJECT', reason: REASON }).expect(409);
    expect(ErrorBody.parse(res.body).error.code).toBe('RUN_ALREADY_DECIDED');
  });

  it('when two people approve at the same moment, then exactly one wins and the other gets 409', async () => {
    const run = await newRun(asEmployee);

    const results = await Promise.all([
      review(asEmployee, run.id, { decision: 'APPROVE' }),
      review(asLeader, run.id, { decision: 'EDIT_AND_APPROVE', finalText: 'Helt ny tekst' }),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(ErrorBody.parse(loser.body).error.code).toBe('RUN_ALREADY_DECIDED');
    expect(await t.deps.db.review.count({ where: { runId: run.id } })).toBe(1);
    expect((await auditOf(run.id)).filter((e) => e.action === 'run.reviewed')).toHaveLength(1);
  });
});

describe('four eyes: a second approver for sensitive drafts', () => {
  it('when the requester approves a draft with a CPR number, then it waits for a second approver and cannot be exported', async () => {
    const run = await newRun(asEmployee, SENSITIVE_LETTER);
    expect(run.review).toMatchObject({ fourEyes: true, awaiting: 'review' });

    const body = ReviewResponse.parse((await review(asEmployee, run.id, { decision: 'APPROVE' }).expect(201)).body);

    expect(body.status).toBe('DRAFT');
    expect(body.state).toMatchObject({ fourEyes: true, awaiting: 'second_approval', canReview: false, pendingText: run.output });
    expect(ErrorBody.parse((await asEmployee.get(`/api/runs/${run.id}/final`).expect(409)).body).error.code).toBe('RUN_NOT_APPROVED');
  });

  it('when the requester then approves their own draft a second time, then it is refused with 403 FOUR_EYES_REQUIRED and audited', async () => {
    const run = await newRun(asEmployee, SENSITIVE_LETTER);
    await review(asEmployee, run.id, { decision: 'APPROVE' }).expect(201);

    const res = await review(asEmployee, run.id, { decision: 'APPROVE' }).expect(403);

    const err = ErrorBody.parse(res.body).error;
    expect(err.code).toBe('FOUR_EYES_REQUIRED');
    expect(err.message).toBe('Kørslen kræver en anden godkender end den, der bad om udkastet.');
    const refused = (await auditOf(run.id)).filter((e) => e.action === 'run.review_refused');
    expect(refused).toHaveLength(1);
    expect(JSON.parse(refused[0]!.details)).toMatchObject({ reason: 'FOUR_EYES_REQUIRED', step: 2 });
    expect(refused[0]!.actorId).toBe(employee.id);
  });

  it('when a leader of the trial gives the second approval, then the run is approved with the first reviewer’s text', async () => {
    const run = await newRun(asEmployee, SENSITIVE_LETTER);
    const firstText = `${run.output!}\n${EDIT_MARK}`;
    await review(asEmployee, run.id, { decision: 'EDIT_AND_APPROVE', finalText: firstText }).expect(201);
    const waiting = RunList.parse((await asLeader.get('/api/runs?awaiting=second_approval').expect(200)).body);
    expect(waiting.runs.map((r) => r.id)).toContain(run.id);
    const before = RunResponse.parse((await asLeader.get(`/api/runs/${run.id}`).expect(200)).body).run;
    expect(before.review).toMatchObject({ awaiting: 'second_approval', canReview: true, pendingText: firstText });

    const body = ReviewResponse.parse((await review(asLeader, run.id, { decision: 'APPROVE' }).expect(201)).body);

    expect(body.status).toBe('APPROVED');
    expect(body.state.reviews.map((r) => [r.step, r.reviewer.id])).toEqual([
      [1, employee.id],
      [2, leader.id],
    ]);
    const final = FinalTextResponse.parse((await asEmployee.get(`/api/runs/${run.id}/final`).expect(200)).body).final;
    expect(final.text).toBe(firstText);
    const reviewed = (await auditOf(run.id)).filter((e) => e.action === 'run.reviewed').map((e) => JSON.parse(e.details) as object);
    expect(reviewed).toEqual([
      expect.objectContaining({ decision: 'EDIT_AND_APPROVE', step: 1, fourEyes: true }),
      expect.objectContaining({ decision: 'APPROVE', step: 2, fourEyes: true }),
    ]);
    const surface = (await t.deps.db.auditEvent.findMany()).map((e) => e.details).join('\n');
    expect(surface).not.toContain(CPR);
    expect(surface).not.toContain(EDIT_MARK);
  });

  it('when the leader who approved first also tries the second approval, then it is refused; another leader may edit and approve', async () => {
    const run = await newRun(asEmployee, SENSITIVE_LETTER);
    await review(asLeader, run.id, { decision: 'APPROVE' }).expect(201);

    const res = await review(asLeader, run.id, { decision: 'APPROVE' }).expect(403);
    expect(ErrorBody.parse(res.body).error.code).toBe('FOUR_EYES_REQUIRED');
    const mine = RunList.parse((await asLeader.get('/api/runs?awaiting=second_approval').expect(200)).body);
    expect(mine.runs.map((r) => r.id)).not.toContain(run.id);

    const body = ReviewResponse.parse(
      (await review(asSecondLeader, run.id, { decision: 'EDIT_AND_APPROVE', finalText: `${run.output!}\nEkstra linje` }).expect(201)).body,
    );
    expect(body.status).toBe('APPROVED');
    expect(body.review).toMatchObject({ step: 2, editSize: 'Ekstra linje'.length + 1 });
  });

  it('when the second approver rejects, then the run is rejected', async () => {
    const run = await newRun(asEmployee, SENSITIVE_LETTER);
    await review(asEmployee, run.id, { decision: 'APPROVE' }).expect(201);
    const body = ReviewResponse.parse((await review(asLeader, run.id, { decision: 'REJECT', reason: REASON }).expect(201)).body);
    expect(body.status).toBe('REJECTED');
  });

  it('when a second approval comes for a run already decided, then it is refused with 409', async () => {
    const run = await newRun(asEmployee, SENSITIVE_LETTER);
    await review(asEmployee, run.id, { decision: 'APPROVE' }).expect(201);
    await review(asLeader, run.id, { decision: 'APPROVE' }).expect(201);
    const res = await review(asSecondLeader, run.id, { decision: 'APPROVE' }).expect(409);
    expect(ErrorBody.parse(res.body).error.code).toBe('RUN_ALREADY_DECIDED');
  });
});

describe('the final text and the run list', () => {
  it('when the content has been purged after retention, then the final text is refused with 409 CONTENT_PURGED', async () => {
    const run = await newRun(asEmployee);
    await review(asEmployee, run.id, { decision: 'APPROVE' }).expect(201);
    await purgeRun(t, run.id);
    const res = await asEmployee.get(`/api/runs/${run.id}/final`).expect(409);
    expect(ErrorBody.parse(res.body).error.code).toBe('CONTENT_PURGED');
  });

  it('when someone who cannot see the run asks for its final text, then it does not exist (404)', async () => {
    const run = await newRun(asEmployee);
    await review(asEmployee, run.id, { decision: 'APPROVE' }).expect(201);
    await asColleague.get(`/api/runs/${run.id}/final`).expect(404);
  });

  it('when an employee lists runs, then they see only their own, without content; the leader sees the trial’s', async () => {
    const mine = await newRun(asEmployee);
    const theirs = await newRun(asColleague);

    const own = RunList.parse((await asEmployee.get(`/api/runs?trialId=${trialId}&limit=100`).expect(200)).body);
    expect(own.runs.every((r) => r.requester.id === employee.id)).toBe(true);
    expect(own.runs.map((r) => r.id)).toContain(mine.id);
    expect(own.runs.map((r) => r.id)).not.toContain(theirs.id);
    expect(JSON.stringify(own)).not.toContain('boligstøtte');
    expect(own.runs.find((r) => r.id === mine.id)).toMatchObject({ status: 'DRAFT', awaiting: 'review', experienceLogged: false });

    const all = RunList.parse((await asLeader.get(`/api/runs?trialId=${trialId}&status=DRAFT&awaiting=review&limit=100`).expect(200)).body);
    expect(all.runs.map((r) => r.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    const strangers = RunList.parse((await (await signedIn(t, stranger)).get(`/api/runs?trialId=${trialId}`).expect(200)).body);
    expect(strangers.runs).toEqual([]);
  });

  it('when there are more runs than the limit, then the cursor walks through every one once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/runs?mine=true&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = RunList.parse((await asColleague.get(url).expect(200)).body);
      expect(page.runs.length).toBeLessThanOrEqual(3);
      seen.push(...page.runs.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    const total = await t.deps.db.run.count({ where: { userId: colleague.id } });
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    await asColleague.get('/api/runs?limit=101').expect(400);
  });
});

describe('two tabs: a decision sent from a page that no longer shows the run as it is', () => {
  it('when a leader approves the AI draft from a page opened before the requester edited and approved it, then it is refused with 409 and not taken as the second approval', async () => {
    const run = await newRun(asEmployee, SENSITIVE_LETTER);
    // The leader's tab still shows the draft waiting for its first review; in the meantime the requester edits and approves it.
    await review(asEmployee, run.id, { decision: 'EDIT_AND_APPROVE', finalText: `${run.output!}\n${EDIT_MARK}`, step: 1 }).expect(201);

    const res = await review(asLeader, run.id, { decision: 'APPROVE', step: 1 }).expect(409);

    const err = ErrorBody.parse(res.body).error;
    expect(err.code).toBe('RUN_ALREADY_DECIDED');
    expect(err.message).toMatch(/godkendt første gang/);
    expect(err.details).toMatchObject({ status: 'DRAFT', awaiting: 'second_approval' });
    const row = await t.deps.db.run.findUniqueOrThrow({ where: { id: run.id }, include: { reviews: true } });
    expect(row.status).toBe('DRAFT');
    expect(row.reviews.map((r) => r.step)).toEqual([1]);
    expect((await auditOf(run.id)).filter((e) => e.action === 'run.reviewed')).toHaveLength(1);

    // Once the page shows the edited text, the same leader's approval is the second one.
    const body = ReviewResponse.parse((await review(asLeader, run.id, { decision: 'APPROVE', step: 2 }).expect(201)).body);
    expect(body.status).toBe('APPROVED');
  });
});

describe('what the run list says is still to do', () => {
  it('when a person has runs without an experience log or waiting for a second approval, then each row says so and the summary counts every page', async () => {
    const person = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
    const own = (await briefedTrial(unitId, leader.id, [person.id])).id;
    const asPerson = await signedIn(t, person);
    const approved = await newRun(asPerson, LETTER, own);
    await review(asPerson, approved.id, { decision: 'APPROVE' }).expect(201);
    const rejected = await newRun(asPerson, LETTER, own);
    await review(asPerson, rejected.id, { decision: 'REJECT', reason: REASON }).expect(201);
    const waiting = await newRun(asPerson, SENSITIVE_LETTER, own);
    await review(asPerson, waiting.id, { decision: 'EDIT_AND_APPROVE', finalText: `${waiting.output!}\n${EDIT_MARK}` }).expect(201);
    const logged = await newRun(asPerson, LETTER, own);
    await review(asPerson, logged.id, { decision: 'APPROVE' }).expect(201);
    await asPerson
      .post(`/api/runs/${logged.id}/experience`, { usefulness: 4, minutesSaved: 5, failureTypes: [], wouldUseAgain: true, answers: {} })
      .expect(201);
    const unreviewed = await newRun(asPerson, LETTER, own);

    const rows: RunListItem[] = [];
    const summaries: RunList['summary'][] = [];
    let cursor: string | null = null;
    do {
      const page: RunList = RunList.parse((await asPerson.get(`/api/runs?mine=true&limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body);
      rows.push(...page.runs);
      summaries.push(page.summary);
      cursor = page.nextCursor;
    } while (cursor);

    const due = Object.fromEntries(rows.map((r) => [r.id, r.experienceDue]));
    expect(due).toEqual({ [approved.id]: true, [rejected.id]: true, [waiting.id]: true, [logged.id]: false, [unreviewed.id]: false });
    expect(rows.find((r) => r.id === waiting.id)?.awaiting).toBe('second_approval');
    // The same figures on every page: they are about all the person's runs, not the page shown.
    expect(summaries).toHaveLength(3);
    for (const s of summaries) expect(s).toEqual({ experienceDue: 3, waitingForColleague: 1, waitingForYou: 0 });

    // The leader may give the second approval; the experience log is the requester's, not the leader's to write.
    const forLeader = RunList.parse((await asLeader.get('/api/runs?awaiting=second_approval&limit=100').expect(200)).body);
    expect(forLeader.runs.find((r) => r.id === waiting.id)).toMatchObject({ awaiting: 'second_approval', experienceDue: false });
    expect(forLeader.summary.waitingForYou).toBe(forLeader.runs.length);
    expect(forLeader.summary.waitingForYou).toBeGreaterThan(0);
    // Nor does the summary depend on the view or the page size.
    const firstPage = RunList.parse((await asLeader.get('/api/runs?limit=1').expect(200)).body);
    expect(firstPage.summary.waitingForYou).toBe(forLeader.summary.waitingForYou);
  });
});

describe('the audit trail says what happened: views are views, copies are exports', () => {
  const actionsOf = async (runId: string) => (await auditOf(runId)).map((e) => `${e.action}:${e.actorId}`);

  it('when the requester reads the final text again and again, then nothing is audited; each copy is one run.exported', async () => {
    const run = await newRun(asEmployee);
    await review(asEmployee, run.id, { decision: 'APPROVE' }).expect(201);
    const before = await actionsOf(run.id);

    for (let i = 0; i < 3; i++) await asEmployee.get(`/api/runs/${run.id}/final`).expect(200);
    await asEmployee.get(`/api/runs/${run.id}`).expect(200);
    expect(await actionsOf(run.id)).toEqual(before);

    const copied = FinalTextResponse.parse((await asEmployee.post(`/api/runs/${run.id}/final/export`).expect(200)).body).final;
    expect(copied.text).toBe(run.output);
    expect(copied.disclosureLabel.da).toMatch(/AI/);
    await asEmployee.post(`/api/runs/${run.id}/final/export`).expect(200);
    const exported = (await auditOf(run.id)).filter((e) => e.action === 'run.exported');
    expect(exported.map((e) => e.actorId)).toEqual([employee.id, employee.id]);
    expect(JSON.parse(exported[0]!.details)).toEqual({ policyId: 'borgerbreve-maskering', policyVersion: run.policyVersion, chars: run.output!.length });
  });

  it('when a leader opens someone else’s approved run (page, final text, refetches, a double mount at once), then it is one run.viewed and no export', async () => {
    const run = await newRun(asEmployee);
    await review(asEmployee, run.id, { decision: 'APPROVE' }).expect(201);

    // React StrictMode mounts twice, so the page's two requests can arrive twice at the same moment.
    await Promise.all([
      asLeader.get(`/api/runs/${run.id}`).expect(200),
      asLeader.get(`/api/runs/${run.id}`).expect(200),
      asLeader.get(`/api/runs/${run.id}/final`).expect(200),
      asLeader.get(`/api/runs/${run.id}/final`).expect(200),
    ]);
    // The window regains focus: the queries refetch.
    await asLeader.get(`/api/runs/${run.id}`).expect(200);
    await asLeader.get(`/api/runs/${run.id}/final`).expect(200);
    // Another person's look is a view of its own.
    await asSecondLeader.get(`/api/runs/${run.id}/final`).expect(200);

    const events = await actionsOf(run.id);
    expect(events.filter((e) => e.startsWith('run.viewed'))).toEqual([`run.viewed:${leader.id}`, `run.viewed:${secondLeader.id}`]);
    expect(events.some((e) => e.startsWith('run.exported'))).toBe(false);
    await asLeader.post(`/api/runs/${run.id}/final/export`).expect(200);
    expect((await actionsOf(run.id)).filter((e) => e.startsWith('run.exported'))).toEqual([`run.exported:${leader.id}`]);
  });

  it('when the run is not approved, its content erased, or not visible, then the export is refused and nothing is recorded', async () => {
    const draft = await newRun(asEmployee);
    expect(ErrorBody.parse((await asEmployee.post(`/api/runs/${draft.id}/final/export`).expect(409)).body).error.code).toBe('RUN_NOT_APPROVED');
    await asColleague.post(`/api/runs/${draft.id}/final/export`).expect(404);
    const erased = await newRun(asEmployee);
    await review(asEmployee, erased.id, { decision: 'APPROVE' }).expect(201);
    await purgeRun(t, erased.id);
    expect(ErrorBody.parse((await asEmployee.post(`/api/runs/${erased.id}/final/export`).expect(409)).body).error.code).toBe('CONTENT_PURGED');
    for (const id of [draft.id, erased.id]) expect((await auditOf(id)).some((e) => e.action === 'run.exported')).toBe(false);
  });
});

describe('a review of a run whose content has been erased', () => {
  type Case = { decision: 'APPROVE' | 'EDIT_AND_APPROVE' | 'REJECT'; step: 1 | 2 };
  const cases: Case[] = (['APPROVE', 'EDIT_AND_APPROVE', 'REJECT'] as const).flatMap((decision) => [
    { decision, step: 1 as const },
    { decision, step: 2 as const },
  ]);
  const bodyOf = (decision: Case['decision']) =>
    decision === 'APPROVE' ? { decision } : decision === 'EDIT_AND_APPROVE' ? { decision, finalText: `Ny tekst\n${EDIT_MARK}` } : { decision, reason: REASON };

  /** A run waiting at `step`: a sensitive draft (four eyes), approved once already for step 2. */
  async function runAwaiting(step: 1 | 2) {
    const run = await newRun(asEmployee, SENSITIVE_LETTER);
    if (step === 2) await review(asEmployee, run.id, { decision: 'EDIT_AND_APPROVE', finalText: `${run.output!}\nFørste rettelse` }).expect(201);
    // The requester takes step 1, a leader of the trial step 2.
    return { run, reviewer: step === 1 ? employee : leader };
  }

  async function expectNothingWritten(runId: string, step: 1 | 2) {
    const row = await t.deps.db.run.findUniqueOrThrow({ where: { id: runId }, include: { reviews: true } });
    expect(row).toMatchObject({ status: 'DRAFT', finalText: null, output: null, input: null });
    expect(row.contentPurgedAt).not.toBeNull();
    expect(row.reviews.map((r) => r.step)).toEqual(step === 2 ? [1] : []);
    for (const r of row.reviews) expect(r).toMatchObject({ editDiff: null, reason: null });
    expect((await auditOf(runId)).filter((e) => e.action === 'run.reviewed')).toHaveLength(step === 2 ? 1 : 0);
  }

  it.each(cases)('when it was erased before the review ($decision at step $step), then it is refused with 409 CONTENT_PURGED in Danish', async ({ decision, step }) => {
    const { run, reviewer } = await runAwaiting(step);
    await purgeRun(t, run.id);

    const res = await review(await signedIn(t, reviewer), run.id, bodyOf(decision)).expect(409);

    const err = ErrorBody.parse(res.body).error;
    expect(err.code).toBe('CONTENT_PURGED');
    expect(err.message).toMatch(/slettet efter datapolitikkens opbevaringsperiode/);
    await expectNothingWritten(run.id, step);
  });

  it.each(cases)(
    'when the sweep erases it between the review’s read and its write ($decision at step $step), then it is refused with 409 and no text is written back',
    async ({ decision, step }) => {
      const { run, reviewer } = await runAwaiting(step);
      const hooked = appWithHookAfterRead(t, 'run', run.id, () => purgeRun(t, run.id));

      const res = await review(await signedIn(hooked, reviewer), run.id, bodyOf(decision)).expect(409);

      expect(ErrorBody.parse(res.body).error.code).toBe('CONTENT_PURGED');
      await expectNothingWritten(run.id, step);
      // And a later sweep has nothing to pick up: the run stays erased.
      expect(await t.deps.db.run.count({ where: { id: run.id, contentPurgedAt: null } })).toBe(0);
    },
  );
});
