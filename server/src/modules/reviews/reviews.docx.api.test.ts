import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { purgeRun } from '../../../../test/support/erasure.js';
import { type Client, createTrial, createUnit, createUser, signedIn } from '../../../../test/support/factories.js';
import { CSRF_HEADER } from '../../contracts/auth.js';
import { ErrorBody } from '../../contracts/errors.js';
import { DOCX_MEDIA_TYPE } from '../../contracts/reviews.js';
import { RunResponse, type RunView } from '../../contracts/runs.js';
import { ORGANISATION } from '../insights/insights.service.js';

const NOW = new Date('2026-11-27T10:00:00Z');
const MEETING_01 = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../test/fixtures/minutes/shared/meeting-01.vtt'), 'utf8');
const LETTER = [
  'Kære borger',
  '',
  'Vi har modtaget din ansøgning om boligstøtte den 3. november 2026.',
  'Vi vender tilbage inden 14 dage.',
  '',
  'Med venlig hilsen',
  'Ydelseskontoret',
].join('\n');
const EDIT = 'Rettet af sagsbehandleren: ring på 36 37 88 00, hvis du har spørgsmål.';
const LETTER_LABEL = 'Brevet er omskrevet med hjælp fra AI og godkendt af en sagsbehandler';
const MINUTES_LABEL = 'Referatet er udarbejdet med hjælp fra AI og godkendt af mødets referent';

let t: TestApp;
let letterTrialId: string;
let minutesTrialId: string;
let employee: { id: string; email: string };
let asEmployee: Client;
let asColleague: Client;
let asLeader: Client;

/** The body of a binary answer, as bytes (supertest only buffers text and JSON by itself). */
function docxOf(client: Client, runId: string) {
  return client.agent
    .post(`/api/runs/${runId}/final/export.docx`)
    .set(CSRF_HEADER, client.csrf)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

/** The document read back: its text as Word shows it, its page header and footer, and its properties. */
async function readBack(res: Response) {
  const buffer = res.body as Buffer;
  const zip = await JSZip.loadAsync(buffer);
  const part = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return {
    text: (await mammoth.extractRawText({ buffer })).value,
    html: (await mammoth.convertToHtml({ buffer })).value,
    header: await part('word/header1.xml'),
    footer: await part('word/footer1.xml'),
    core: await part('docProps/core.xml'),
  };
}

async function approvedRun(client: Client, body: { trialId: string; assistant: string; input: string }, finalText?: string): Promise<RunView> {
  const run = RunResponse.parse((await client.post('/api/runs', body).expect(201)).body).run;
  const review = finalText ? { decision: 'EDIT_AND_APPROVE', finalText } : { decision: 'APPROVE' };
  await client.post(`/api/runs/${run.id}/reviews`, review).expect(201);
  return run;
}

const exportsOf = async (runId: string) =>
  t.deps.db.auditEvent.findMany({ where: { resourceType: 'run', resourceId: runId, action: 'run.exported' }, orderBy: { seq: 'asc' } });

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  const unitId = (await createUnit(t.deps)).id;
  employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  const colleague = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  const leader = await createUser(t.deps, { role: 'LEADER', unitId });
  const participants = [employee.id, colleague.id];
  letterTrialId = (await createTrial(t.deps, { unitId, createdById: leader.id, policyId: 'borgerbreve-maskering', participants })).id;
  minutesTrialId = (await createTrial(t.deps, { unitId, createdById: leader.id, policyId: 'interne-referater', assistants: ['minutes'], participants })).id;
  asEmployee = await signedIn(t, employee);
  asColleague = await signedIn(t, colleague);
  asLeader = await signedIn(t, leader);
});
afterAll(async () => {
  await t.close();
});

describe('downloading the approved text as a Word document', () => {
  it('when an approved letter is downloaded, then the .docx opens with the approved text, the organisation and the label, and is one run.exported without content', async () => {
    const run = await approvedRun(asEmployee, { trialId: letterTrialId, assistant: 'letter', input: LETTER }, `${LETTER}\n\n${EDIT}`);

    const res = await docxOf(asEmployee, run.id).expect(200);

    expect(res.headers['content-type']).toContain(DOCX_MEDIA_TYPE);
    // Kind and day only: no name, no case, no run id in the file name.
    expect(res.headers['content-disposition']).toBe('attachment; filename="brev-2026-11-27.docx"');
    const doc = await readBack(res);
    for (const line of ['Kære borger', 'Vi har modtaget din ansøgning om boligstøtte den 3. november 2026.', 'Med venlig hilsen', EDIT]) {
      expect(doc.text).toContain(line);
    }
    // The label closes the text (it stays with the body when that is copied on) and is in every page's footer.
    expect(doc.text.trim().endsWith(LETTER_LABEL)).toBe(true);
    expect(doc.footer).toContain(LETTER_LABEL);
    expect(doc.header).toContain(ORGANISATION);
    expect(doc.header).toContain('Brev · godkendt 27. november 2026');
    expect(doc.core).toContain(`<dc:creator>${ORGANISATION}</dc:creator>`);
    expect(doc.core).toContain(`<cp:lastModifiedBy>${ORGANISATION}</cp:lastModifiedBy>`);
    expect(doc.core).toContain(`<dc:title>Brev (${ORGANISATION})</dc:title>`);

    const exported = await exportsOf(run.id);
    expect(exported.map((e) => e.actorId)).toEqual([employee.id]);
    const final = `${LETTER}\n\n${EDIT}`;
    expect(JSON.parse(exported[0]!.details)).toEqual({ policyId: 'borgerbreve-maskering', policyVersion: run.policyVersion, chars: final.length, format: 'docx' });
    expect(exported[0]!.details).not.toContain('boligstøtte');
  });

  it('when approved minutes are downloaded, then the headings, lists and the table of action items are Word headings, lists and a table', async () => {
    const run = await approvedRun(asEmployee, { trialId: minutesTrialId, assistant: 'minutes', input: MEETING_01 });
    const final = (await t.deps.db.run.findUniqueOrThrow({ where: { id: run.id } })).finalText!;
    expect(final).toContain('| Casper Feddersen |');

    const res = await docxOf(asEmployee, run.id).expect(200);

    expect(res.headers['content-disposition']).toBe('attachment; filename="referat-2026-11-27.docx"');
    const doc = await readBack(res);
    // Read from the approved Markdown itself, so the check follows whatever the minutes hold.
    const headings = [...final.matchAll(/^(#{1,3}) ([^&<>*_`\\\n]+)$/gm)].map((m) => `<h${m[1]!.length}>${m[2]}</h${m[1]!.length}>`);
    expect(headings.length).toBeGreaterThanOrEqual(3);
    for (const h of headings) expect(doc.html).toContain(h);
    expect(doc.html).toContain('<h2>Opgaver</h2>');
    const bullet = /^- ([^*_`\\[&<>\n]+)$/m.exec(final)![1]!;
    expect(doc.html).toContain(`<li>${bullet}</li>`);
    expect(doc.html).toMatch(/<table>.*<th><p><strong>Ansvarlig<\/strong><\/p><\/th>.*<td><p>Casper Feddersen<\/p><\/td><td><p>Opdatere telefontiderne/);
    // No Markdown syntax is left in the document: it is formatted, not raw.
    expect(doc.text).not.toMatch(/^#+ |\| --- \||^- /m);
    expect(doc.text).toContain('Lærke Hovmand');
    expect(doc.text.trim().endsWith(MINUTES_LABEL)).toBe(true);
    expect(doc.header).toContain(ORGANISATION);
    expect(doc.header).toContain('Referat · godkendt');
    expect(JSON.parse((await exportsOf(run.id))[0]!.details)).toMatchObject({ format: 'docx', policyId: 'interne-referater' });
  });

  it('when the trial leader downloads an employee’s approved letter, then it is their export', async () => {
    const run = await approvedRun(asEmployee, { trialId: letterTrialId, assistant: 'letter', input: LETTER });
    await docxOf(asLeader, run.id).expect(200);
    const exported = await exportsOf(run.id);
    expect(exported).toHaveLength(1);
    expect(exported[0]!.actorId).not.toBe(employee.id);
  });

  it('when the run is a draft, erased or someone else’s, then the download is refused as the copy is and nothing is recorded', async () => {
    const draft = RunResponse.parse((await asEmployee.post('/api/runs', { trialId: letterTrialId, assistant: 'letter', input: LETTER }).expect(201)).body).run;
    expect(ErrorBody.parse((await asEmployee.post(`/api/runs/${draft.id}/final/export.docx`).expect(409)).body).error.code).toBe('RUN_NOT_APPROVED');

    const approved = await approvedRun(asEmployee, { trialId: letterTrialId, assistant: 'letter', input: LETTER });
    // A colleague in the same trial may not see another person's run: it does not exist for them.
    expect(ErrorBody.parse((await asColleague.post(`/api/runs/${approved.id}/final/export.docx`).expect(404)).body).error.code).toBe('NOT_FOUND');

    const erased = await approvedRun(asEmployee, { trialId: letterTrialId, assistant: 'letter', input: LETTER });
    await purgeRun(t, erased.id);
    expect(ErrorBody.parse((await asEmployee.post(`/api/runs/${erased.id}/final/export.docx`).expect(409)).body).error.code).toBe('CONTENT_PURGED');

    for (const id of [draft.id, approved.id, erased.id]) expect(await exportsOf(id)).toEqual([]);
  });

  it('when the download has no CSRF token, then it is refused', async () => {
    const run = await approvedRun(asEmployee, { trialId: letterTrialId, assistant: 'letter', input: LETTER });
    expect(ErrorBody.parse((await asEmployee.agent.post(`/api/runs/${run.id}/final/export.docx`).expect(403)).body).error.code).toBe('CSRF_FAILED');
    expect(await exportsOf(run.id)).toEqual([]);
  });
});
