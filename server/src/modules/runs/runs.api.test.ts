import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../../test/fake-provider.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { Client, createTrial, createUnit, createUser, signedIn } from '../../../../test/support/factories.js';
import { ErrorBody } from '../../contracts/errors.js';
import { DRAFT_MARKER, RunBlockedDetails, RunFailedDetails, RunResponse } from '../../contracts/runs.js';
import { createLogger } from '../../lib/logger.js';

// A letter with the four kinds of personal data the issue is about. The CPR number passes modulus 11.
const CPR = '070761-1006';
const NAME = 'Jens Peter Hansen';
const PHONE = '22 33 44 55';
const ADDRESS = 'Rødovre Parkvej 150';
const LETTER = [
  `Kære ${NAME}`,
  '',
  `Vi har modtaget din ansøgning om boligstøtte. Sagen vedrører dig med CPR-nr. ${CPR}, bosat på ${ADDRESS}, 2610 Rødovre.`,
  `Såfremt du har spørgsmål, bedes du kontakte os på telefon ${PHONE}.`,
  '',
  'Med venlig hilsen',
  'Ydelseskontoret',
].join('\n');
// Also the parts a careless log line might carry; none short enough to turn up by chance in a hash or an id.
const ORIGINALS = [CPR, NAME, PHONE, ADDRESS, 'Jens', 'Hansen', '070761', '22334455'];

// A Friday in the middle of the trials' period (they run 1 November 2026 to 31 January 2027).
const NOW = new Date('2026-11-27T10:00:00Z');

let fake: FakeProvider;
let t: TestApp;
let logLines: string[];
let unitId: string;
let employee: { id: string; email: string };
let outsider: { id: string; email: string };
let leader: { id: string; email: string };
let asEmployee: Client;

/** The text of everything a test app could leak through: its log lines and the audit trail. */
async function leakSurface(app: TestApp): Promise<string> {
  const audit = await app.deps.db.auditEvent.findMany();
  return [...logLines, ...audit.map((e) => JSON.stringify(e))].join('\n');
}

async function trial(policyId: string, opts: Partial<Parameters<typeof createTrial>[1]> = {}) {
  return createTrial(t.deps, { unitId, createdById: leader.id, policyId, participants: [employee.id], ...opts });
}

beforeAll(async () => {
  fake = await startFakeProvider();
  t = await createTestApp({
    env: {
      AI_PROVIDER: 'openai-compatible',
      OPENAI_BASE_URL: `${fake.url}/v1`,
      AI_MODEL: 'fake-llama',
      PROVIDER_TIMEOUT_MS: '300',
      PROVIDER_MAX_RETRIES: '2',
    },
    now: () => NOW,
  });
  // Capture what the services log, to prove that no content ever reaches a log line.
  logLines = [];
  t.deps.logger = createLogger('debug', { write: (line: string) => void logLines.push(line) });
  unitId = (await createUnit(t.deps)).id;
  employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  outsider = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  leader = await createUser(t.deps, { role: 'LEADER', unitId });
  asEmployee = await signedIn(t, employee);
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});
beforeEach(() => fake.reset());

describe('a blocked request never reaches the provider', () => {
  it('when the policy blocks CPR numbers, then the run is refused with 422 and nothing is sent to the provider', async () => {
    const { id: trialId } = await trial('offentlig-information');

    const res = await asEmployee.post('/api/runs', { trialId, assistant: 'letter', input: LETTER }).expect(422);

    const err = ErrorBody.parse(res.body).error;
    expect(err.code).toBe('POLICY_VIOLATION');
    const details = RunBlockedDetails.parse(err.details);
    expect(details.reasons).toContainEqual(expect.objectContaining({ code: 'DATA_CLASS_BLOCKED', dataClass: 'CPR' }));
    expect(details.reasons.every((r) => r.da.length > 0)).toBe(true);
    expect(err.message).toMatch(/CPR-nummer/);
    expect(details.counts).toContainEqual({ type: 'CPR', count: 1 });
    expect(fake.received).toEqual([]);
  });

  it('then the Run is stored as BLOCKED with counts only, no input, and the audit trail says run.blocked without values', async () => {
    const { id: trialId } = await trial('offentlig-information');
    const res = await asEmployee.post('/api/runs', { trialId, assistant: 'letter', input: LETTER }).expect(422);
    const { runId } = RunBlockedDetails.parse(ErrorBody.parse(res.body).error.details);

    const row = await t.deps.db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(row).toMatchObject({
      status: 'BLOCKED',
      guardDecision: 'blocked',
      input: null,
      output: null,
      pseudonymMap: null,
      provider: null,
      inputChars: LETTER.length,
      userId: employee.id,
      policyId: 'offentlig-information',
    });
    const findings = JSON.parse(row.guardFindings) as Record<string, number>;
    expect(findings.CPR).toBe(1);
    expect(Object.values(findings).every((v) => typeof v === 'number')).toBe(true);

    const events = await t.deps.db.auditEvent.findMany({ where: { resourceType: 'run', resourceId: runId } });
    expect(events.map((e) => e.action)).toEqual(['run.blocked']);
    expect(JSON.parse(events[0]!.details)).toMatchObject({
      policyId: 'offentlig-information',
      policyVersion: t.deps.policies.get('offentlig-information')!.version,
      findings: expect.arrayContaining(['CPR:1']),
    });
    const surface = await leakSurface(t);
    for (const v of ORIGINALS) expect(surface).not.toContain(v);
  });
});

describe('a masked request sends no original value', () => {
  it('when the policy masks CPR numbers and names, then the provider receives placeholders only and the draft has the originals restored', async () => {
    const { id: trialId } = await trial('borgerbreve-maskering');

    const res = await asEmployee.post('/api/runs', { trialId, assistant: 'letter', input: LETTER }).expect(201);

    // What left the server: one request, none of the values, placeholders in their place.
    expect(fake.chatRequests).toHaveLength(1);
    const sent = fake.received[0]!.raw;
    for (const v of ORIGINALS) expect(sent).not.toContain(v);
    expect(sent).toMatch(/\[CPR_1\]/);
    expect(sent).toMatch(/\[NAVN_1\]/);
    const messages = fake.chatRequests[0]!.messages!;
    expect(messages[0]).toMatchObject({ role: 'system', content: expect.stringMatching(/klarsprog/) });
    expect(fake.chatRequests[0]!.model).toBe('fake-llama');

    // What came back to the person: the draft with the originals, marked and labelled.
    const { run } = RunResponse.parse(res.body);
    expect(run).toMatchObject({
      status: 'DRAFT',
      trialId,
      assistant: 'letter',
      guardDecision: 'masked',
      provider: 'openai-compatible',
      model: 'fake-llama',
      draftMarker: DRAFT_MARKER,
      disclosureLabel: t.deps.policies.get('borgerbreve-maskering')!.policy.disclosureLabel,
    });
    expect(DRAFT_MARKER).toBe('UDKAST – genereret med AI');
    expect(run.output).toContain(CPR);
    expect(run.output).toContain(NAME);
    expect(run.output).toContain(PHONE);
    expect(run.output).toContain(ADDRESS);
    expect(run.output).not.toMatch(/\[(CPR|NAVN|TELEFON)_\d+\]/);
    expect(run.counts).toEqual(expect.arrayContaining([{ type: 'CPR', count: 1 }, expect.objectContaining({ type: 'PERSON' })]));
    expect(run.usage?.promptTokens).toBeGreaterThan(0);
  });

  it('then the Run keeps input, draft and mapping until the retention date, and audit and logs hold no values', async () => {
    const { id: trialId } = await trial('borgerbreve-maskering');
    const res = await asEmployee.post('/api/runs', { trialId, assistant: 'letter', input: LETTER }).expect(201);
    const { run } = RunResponse.parse(res.body);

    const row = await t.deps.db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(row).toMatchObject({ status: 'DRAFT', guardDecision: 'masked', input: LETTER, output: run.output, provider: 'openai-compatible' });
    expect(row.durationMs).toBeGreaterThanOrEqual(0);
    const mapping = JSON.stringify(JSON.parse(row.pseudonymMap!));
    expect(mapping).toContain(CPR);
    expect(row.retainUntil?.toISOString()).toBe(new Date(NOW.getTime() + 30 * 86_400_000).toISOString());
    expect(run.retainUntil).toBe(row.retainUntil?.toISOString());

    const events = await t.deps.db.auditEvent.findMany({ where: { resourceType: 'run', resourceId: run.id } });
    expect(events.map((e) => e.action)).toEqual(['run.completed']);
    expect(JSON.parse(events[0]!.details)).toMatchObject({ decision: 'masked', provider: 'openai-compatible', model: 'fake-llama' });
    const surface = await leakSurface(t);
    for (const v of ORIGINALS) expect(surface).not.toContain(v);
    expect(logLines.some((l) => l.includes('"run completed"'))).toBe(true);
  });

  it('the owner and the trial’s leader can read the run again; another employee cannot', async () => {
    const { id: trialId } = await trial('borgerbreve-maskering');
    const { run } = RunResponse.parse((await asEmployee.post('/api/runs', { trialId, assistant: 'letter', input: LETTER }).expect(201)).body);

    const again = RunResponse.parse((await asEmployee.get(`/api/runs/${run.id}`).expect(200)).body).run;
    expect(again).toEqual(run);
    expect(again.requesterId).toBe(employee.id);
    const viewsBefore = await t.deps.db.auditEvent.count({ where: { action: 'run.viewed', resourceId: run.id } });
    expect(viewsBefore).toBe(0);
    const asLeader = await signedIn(t, leader);
    expect(RunResponse.parse((await asLeader.get(`/api/runs/${run.id}`).expect(200)).body).run.output).toBe(run.output);
    // The leader read someone else's letter: that is recorded, the owner's own reading is not.
    const views = await t.deps.db.auditEvent.findMany({ where: { action: 'run.viewed', resourceId: run.id } });
    expect(views.map((v) => v.actorId)).toEqual([leader.id]);
    expect(views[0]!.details).not.toContain('Jens');
    const asOutsider = await signedIn(t, outsider);
    expect(ErrorBody.parse((await asOutsider.get(`/api/runs/${run.id}`).expect(404)).body).error.code).toBe('NOT_FOUND');
    const otherUnitLeader = await createUser(t.deps, { role: 'LEADER' });
    await (await signedIn(t, otherUnitLeader)).get(`/api/runs/${run.id}`).expect(404);
  });

  it('when the policy does not allow the configured provider, then the offline engine answers and nothing is sent', async () => {
    const app = await createTestApp({
      env: { AI_PROVIDER: 'openai', OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: `${fake.url}/v1`, AI_MODEL: 'gpt-4o-mini' },
      now: () => NOW,
    });
    try {
      const u = await createUser(app.deps, { role: 'EMPLOYEE' });
      const l = await createUser(app.deps, { role: 'LEADER', unitId: u.unitId });
      // borgerbreve-maskering allows offline, Azure OpenAI and OpenAI-compatible servers, not OpenAI itself.
      const tr = await createTrial(app.deps, { unitId: u.unitId, createdById: l.id, policyId: 'borgerbreve-maskering', participants: [u.id] });
      const c = await signedIn(app, u);
      const { run } = RunResponse.parse((await c.post('/api/runs', { trialId: tr.id, assistant: 'letter', input: LETTER }).expect(201)).body);
      expect(run).toMatchObject({ provider: 'offline', model: 'regelmotor-1', guardDecision: 'masked' });
      // The letter assistant's rule engine keeps the draft clean and says what it is in the details.
      expect(run.details).toMatchObject({ engine: 'Offline regelmotor – ikke en sprogmodel' });
      expect(run.output).toContain(NAME);
      expect(fake.received).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('who may run, and when', () => {
  it('when the person does not take part in the trial, then 404 and nothing is sent', async () => {
    const { id: trialId } = await trial('offentlig-information');
    const c = await signedIn(t, outsider);
    const res = await c.post('/api/runs', { trialId, assistant: 'letter', input: 'Et helt almindeligt brev.' }).expect(404);
    expect(ErrorBody.parse(res.body).error.code).toBe('NOT_FOUND');
    expect(fake.received).toEqual([]);
  });

  it('when the trial’s own leader is not a participant, then 403 and nothing is sent', async () => {
    const { id: trialId } = await trial('offentlig-information');
    const c = await signedIn(t, leader);
    const res = await c.post('/api/runs', { trialId, assistant: 'letter', input: 'Et helt almindeligt brev.' }).expect(403);
    expect(ErrorBody.parse(res.body).error.code).toBe('FORBIDDEN');
    expect(fake.received).toEqual([]);
  });

  it('when signed out, then 401', async () => {
    const c = new Client(t);
    await c.fetchCsrf();
    const res = await c.post('/api/runs', { trialId: 'x', assistant: 'letter', input: 'x' }).expect(401);
    expect(ErrorBody.parse(res.body).error.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['CLOSED', {}, /afsluttet/],
    ['PAUSED', {}, /pause/],
    ['DRAFT', {}, /ikke startet/],
    ['ACTIVE', { endsAt: new Date('2026-11-26T00:00:00Z') }, /sluttede 26\. november 2026/],
    ['ACTIVE', { startsAt: new Date('2026-11-28T00:00:00Z') }, /begynder først 28\. november 2026/],
  ] as const)('when the trial is %s %o, then 409 TRIAL_NOT_ACTIVE in Danish and nothing is sent', async (status, dates, message) => {
    const { id: trialId } = await trial('offentlig-information', { status, ...dates });
    const res = await asEmployee.post('/api/runs', { trialId, assistant: 'letter', input: 'Et helt almindeligt brev.' }).expect(409);
    const err = ErrorBody.parse(res.body).error;
    expect(err.code).toBe('TRIAL_NOT_ACTIVE');
    expect(err.message).toMatch(message);
    expect(fake.received).toEqual([]);
  });

  it('a trial is open all of its last day, in Danish time', async () => {
    const { id: trialId } = await trial('offentlig-information', { endsAt: new Date('2026-11-27T00:00:00Z') });
    await asEmployee.post('/api/runs', { trialId, assistant: 'letter', input: 'Et helt almindeligt brev.' }).expect(201);
  });

  it('when the trial does not use the assistant, then 409 ASSISTANT_NOT_ENABLED', async () => {
    const { id: trialId } = await trial('offentlig-information', { assistants: ['minutes'] });
    const res = await asEmployee.post('/api/runs', { trialId, assistant: 'letter', input: 'Et helt almindeligt brev.' }).expect(409);
    expect(ErrorBody.parse(res.body).error.code).toBe('ASSISTANT_NOT_ENABLED');
    expect(fake.received).toEqual([]);
  });

  it('when the policy does not allow the assistant, then 409 ASSISTANT_NOT_ENABLED', async () => {
    const { id: trialId } = await trial('borgerbreve-maskering', { assistants: ['letter', 'minutes'] });
    const res = await asEmployee.post('/api/runs', { trialId, assistant: 'minutes', input: 'Referat af mødet.' }).expect(409);
    expect(ErrorBody.parse(res.body).error.code).toBe('ASSISTANT_NOT_ENABLED');
    expect(fake.received).toEqual([]);
  });

  it('when the policy still lacks an approval, then an active trial cannot use it: 409 POLICY_NOT_APPROVED', async () => {
    const { id: trialId } = await trial('foelsom-sagsbehandling-lokal');
    const res = await asEmployee.post('/api/runs', { trialId, assistant: 'letter', input: 'Et helt almindeligt brev.' }).expect(409);
    const err = ErrorBody.parse(res.body).error;
    expect(err.code).toBe('POLICY_NOT_APPROVED');
    expect(err.details).toMatchObject({ missingApprovals: ['DPO'] });
    expect(fake.received).toEqual([]);
  });

  it('when the person has used the policy’s runs for the day, then 429 RUN_LIMIT_REACHED and nothing is sent', async () => {
    const loaded = t.deps.policies.get('offentlig-information')!;
    t.deps.policies.set('en-om-dagen', { ...loaded, policy: { ...loaded.policy, limits: { ...loaded.policy.limits, runsPerPersonPerDay: 1 } } });
    const { id: trialId } = await trial('en-om-dagen');
    await asEmployee.post('/api/runs', { trialId, assistant: 'letter', input: 'Første brev.' }).expect(201);
    fake.reset();
    const res = await asEmployee.post('/api/runs', { trialId, assistant: 'letter', input: 'Andet brev.' }).expect(429);
    expect(ErrorBody.parse(res.body).error.code).toBe('RUN_LIMIT_REACHED');
    expect(fake.received).toEqual([]);
  });

  it('when the body is incomplete, then 400 VALIDATION_FAILED', async () => {
    const res = await asEmployee.post('/api/runs', { trialId: 'x', assistant: 'poet', input: '  ' }).expect(400);
    const paths = (ErrorBody.parse(res.body).error.details as { path: string[] }[]).map((d) => d.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['assistant', 'input']));
  });
});

describe('when the provider fails, the run fails clearly and the server keeps serving', () => {
  const input = 'Vi skal hermed meddele, at ansøgningen er modtaget.';

  it('when the provider answers 429 twice, then the third try succeeds', async () => {
    const { id: trialId } = await trial('offentlig-information');
    fake.fail(429, 2);
    const res = await asEmployee.post('/api/runs', { trialId, assistant: 'letter', input }).expect(201);
    expect(RunResponse.parse(res.body).run.status).toBe('DRAFT');
    expect(fake.chatRequests).toHaveLength(3);
  });

  it.each([
    ['answers 500 on every try', 502, 'PROVIDER_FAILED', 'server_error', (f: FakeProvider) => f.fail(500)],
    ['never answers', 504, 'PROVIDER_TIMEOUT', 'timeout', (f: FakeProvider) => f.hang()],
    ['answers with broken JSON', 502, 'PROVIDER_FAILED', 'malformed', (f: FakeProvider) => f.malformed()],
    ['answers 429 on every try', 502, 'PROVIDER_FAILED', 'rate_limited', (f: FakeProvider) => f.fail(429)],
  ] as const)('when the provider %s, then %i %s (%s), a FAILED run, and the server still answers', async (_name, status, code, kind, arrange) => {
    const { id: trialId } = await trial('offentlig-information');
    arrange(fake);

    const res = await asEmployee.post('/api/runs', { trialId, assistant: 'letter', input }).expect(status);

    const err = ErrorBody.parse(res.body).error;
    expect(err.code).toBe(code);
    expect(err.message).toMatch(/Prøv igen|Vent/);
    const { runId, kind: failedKind } = RunFailedDetails.parse(err.details);
    expect(failedKind).toBe(kind);
    const row = await t.deps.db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(row).toMatchObject({ status: 'FAILED', errorCode: kind, input: null, output: null, provider: 'openai-compatible' });
    const events = await t.deps.db.auditEvent.findMany({ where: { resourceType: 'run', resourceId: runId } });
    expect(events.map((e) => e.action)).toEqual(['run.failed']);
    expect(RunResponse.parse((await asEmployee.get(`/api/runs/${runId}`).expect(200)).body).run).toMatchObject({ status: 'FAILED', errorCode: kind, output: null });

    // The server keeps serving, and the provider is used again as soon as it recovers.
    fake.reset();
    await t.request.get('/api/health').expect(200);
    await asEmployee.post('/api/runs', { trialId, assistant: 'letter', input }).expect(201);
  });
});
