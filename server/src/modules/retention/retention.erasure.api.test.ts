import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { type Client, createTrial, createUnit, createUser, signedIn } from '../../../../test/support/factories.js';
import { CSRF_HEADER } from '../../contracts/auth.js';
import { DocumentUploadResponse } from '../../contracts/documents.js';
import { RetentionSweepResponse } from '../../contracts/retention.js';
import { RunResponse } from '../../contracts/runs.js';
import { runNextJob } from '../jobs/jobs.service.js';

/**
 * Erasure on disk: after a sweep the erased values are gone from the database's own files, not only from what
 * the API and Prisma show. SQLite: the .db, -wal and -shm files, byte for byte. PostgreSQL: the tables that
 * held content have been vacuumed (it cannot promise more, see docs/decisions/0011-erasure-on-disk.md).
 */
const KB = path.resolve(import.meta.dirname, '../../../../test/fixtures/documents/kb');
const DAY = 86_400_000;
const START = new Date('2026-11-27T10:00:00Z');
// borgerbreve-maskering keeps content 30 days, interne-referater 60: on day 61 both are due.
const AFTER_RETENTION = new Date(START.getTime() + 61 * DAY);

// Values that occur nowhere else in the database: each names where it was stored.
const NAME = 'Søren Østergaard Kjeldsen';
const CPR = '070761-1006';
const ACCOUNT = '5301 0004711815';
const LETTER = [
  `Kære ${NAME}`,
  '',
  `Vi har modtaget din ansøgning om boligstøtte. Sagen vedrører CPR-nr. ${CPR}.`,
  `Beløbet udbetales til kontonummer ${ACCOUNT}.`,
  '',
  'Med venlig hilsen',
  'Ydelseskontoret',
].join('\n');
const EDIT = 'Rettelse fra sagsbehandleren: ring til Bjørnekær-Lindahl om kvitteringen';
const REASON = 'Afvist fordi Vibeke Gyldenstjerne-Rask ikke er nævnt';
const REFLECTION = 'Brevet til Hjortholm-familien sparede mig en halv time';
const JOB_TEXT = 'Udskrift: Torbjørn Vindelev sagde at mødet var godt';
const DOC_PARAGRAPH = `## Personalesag\n\nMedarbejderen Asbjørn Frydenlund-Haxthausen (CPR ${CPR}) har fået bevilget orlov.`;
const ERASED = [NAME, CPR, ACCOUNT, EDIT, REASON, REFLECTION, JOB_TEXT, 'Asbjørn Frydenlund-Haxthausen', 'bevilget orlov'];

let clock = START;
let t: TestApp;
let people: Record<'digital' | 'leader' | 'employee', { email: string; id: string }>;
let as: Record<'digital' | 'leader' | 'employee', Client>;

async function signInAll() {
  as = {
    digital: await signedIn(t, people.digital),
    leader: await signedIn(t, people.leader),
    employee: await signedIn(t, people.employee),
  };
}

async function newRun(trialId: string): Promise<string> {
  const res = await as.employee.post('/api/runs', { trialId, assistant: 'letter', input: LETTER }).expect(201);
  return RunResponse.parse(res.body).run.id;
}

/** Every form in which a value could sit in a file: UTF-8 (SQLite's encoding), inside JSON, UTF-16, digits only. */
function forms(value: string): Buffer[] {
  const texts = new Set([value, JSON.stringify(value).slice(1, -1)]);
  if (/^[\d\s-]+$/.test(value)) texts.add(value.replace(/\D/g, ''));
  return [...texts].flatMap((s) => [Buffer.from(s, 'utf8'), Buffer.from(s, 'utf16le')]);
}

function databaseFiles(): { name: string; bytes: Buffer }[] {
  const file = t.deps.config.databaseUrl.slice('file:'.length);
  return [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]
    .filter((f) => fs.existsSync(f))
    .map((f) => ({ name: path.basename(f), bytes: fs.readFileSync(f) }));
}

/** Which erased values are still in which file, e.g. ["test.db-wal: 070761-1006"]. */
function leftovers(values: readonly string[]): string[] {
  const files = databaseFiles();
  return values.flatMap((v) => files.filter((f) => forms(v).some((b) => f.bytes.includes(b))).map((f) => `${f.name}: ${v}`));
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  const unitId = (await createUnit(t.deps)).id;
  const leader = await createUser(t.deps, { role: 'LEADER', unitId });
  const employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  const digital = await createUser(t.deps, { role: 'DIGITAL_UNIT' });
  people = { digital, leader, employee };
  await signInAll();

  const base = { unitId, createdById: leader.id, participants: [employee.id] };
  const letters = (await createTrial(t.deps, { ...base, policyId: 'borgerbreve-maskering' })).id;
  const kb = (await createTrial(t.deps, { ...base, policyId: 'interne-referater', assistants: ['documents'] })).id;

  // Edited and approved by two people (the CPR number asks for four eyes), with an experience log.
  const approved = await newRun(letters);
  await as.employee.post(`/api/runs/${approved}/reviews`, { decision: 'EDIT_AND_APPROVE', finalText: `${LETTER}\n${EDIT}` }).expect(201);
  await as.leader.post(`/api/runs/${approved}/reviews`, { decision: 'APPROVE' }).expect(201);
  await as.employee
    .post(`/api/runs/${approved}/experience`, { usefulness: 4, minutesSaved: 30, failureTypes: [], wouldUseAgain: true, reflection: REFLECTION, answers: {} })
    .expect(201);
  // Rejected with a reason.
  const rejected = await newRun(letters);
  await as.employee.post(`/api/runs/${rejected}/reviews`, { decision: 'REJECT', reason: REASON }).expect(201);
  // A draft nobody reviewed, and a job that carried its text.
  const draft = await newRun(letters);
  await t.deps.db.job.create({
    data: { type: 'MINUTES', status: 'SUCCEEDED', runId: draft, payload: JSON.stringify({ transcript: JOB_TEXT }), result: JSON.stringify({ text: JOB_TEXT }) },
  });

  // A knowledge-base document large enough to need overflow pages, split into passages.
  const text = `${fs.readFileSync(path.join(KB, 'ferie-og-fridage.md'), 'utf8')}\n\n${DOC_PARAGRAPH}\n`;
  await as.leader.agent
    .post(`/api/trials/${kb}/documents`)
    .set(CSRF_HEADER, as.leader.csrf)
    .attach('file', Buffer.from(text), { filename: 'personalehaandbog.md' })
    .expect(202)
    .then((res) => DocumentUploadResponse.parse(res.body));
  while (await runNextJob(t.deps));
});
afterAll(async () => {
  await t.close();
});

describe.runIf(inject('testDatabase') === 'sqlite')('erasure on disk (SQLite)', () => {
  it('before the sweep, then the raw database files hold every value (the search finds what is there)', () => {
    const files = databaseFiles();
    const missing = ERASED.filter((v) => !files.some((f) => f.bytes.includes(Buffer.from(v, 'utf8'))));
    expect(missing).toEqual([]);
  });

  it('when a sweep has erased the content, then no erased value is left in the .db, -wal or -shm file', async () => {
    clock = AFTER_RETENTION;
    await signInAll();
    const { sweep } = RetentionSweepResponse.parse((await as.digital.post('/api/retention/sweeps').expect(201)).body);
    expect(sweep).toMatchObject({ runsPurged: 3, documentsPurged: 1, errorCode: null });

    expect(leftovers(ERASED)).toEqual([]);
    // The write-ahead log has been folded into the database and emptied.
    expect(databaseFiles().find((f) => f.name.endsWith('-wal'))?.bytes.length ?? 0).toBe(0);
  });

  it('then the database stays in secure-delete and incremental auto-vacuum mode', async () => {
    const [secure] = await t.deps.db.$queryRawUnsafe<{ secure_delete: bigint | number }[]>('PRAGMA secure_delete');
    const [vacuum] = await t.deps.db.$queryRawUnsafe<{ auto_vacuum: bigint | number }[]>('PRAGMA auto_vacuum');
    expect(Number(secure!.secure_delete)).toBe(1);
    // 2 = INCREMENTAL
    expect(Number(vacuum!.auto_vacuum)).toBe(2);
  });
});

describe.runIf(inject('testDatabase') === 'postgres')('erasure on disk (PostgreSQL)', () => {
  it('when a sweep has erased the content, then every table that held content has been vacuumed, without error', async () => {
    const tables = ['Run', 'Review', 'Job', 'ExperienceLog', 'Document', 'Chunk'];
    const vacuumed = () =>
      t.deps.db.$queryRawUnsafe<{ relname: string; last_vacuum: Date | null }[]>(
        `SELECT relname, last_vacuum FROM pg_stat_user_tables WHERE relname IN (${tables.map((n) => `'${n}'`).join(', ')})`,
      );
    expect((await vacuumed()).filter((r) => r.last_vacuum !== null)).toEqual([]);

    clock = AFTER_RETENTION;
    await signInAll();
    const { sweep } = RetentionSweepResponse.parse((await as.digital.post('/api/retention/sweeps').expect(201)).body);
    expect(sweep).toMatchObject({ runsPurged: 3, documentsPurged: 1, errorCode: null });

    const rows = await vacuumed();
    expect(rows.filter((r) => r.last_vacuum !== null).map((r) => r.relname).sort()).toEqual([...tables].sort());
  });
});
