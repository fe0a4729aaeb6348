/**
 * The compliance drafts of a seeded trial over the API: each holds the trial's facts (purpose, policy and its
 * classes, provider, retention, approvals, who acknowledged the briefing), a charter change makes a sign-off
 * outdated and names what changed, only the data protection adviser signs off, and the Word file parses back.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComplianceDocumentResponse, ComplianceList, type ComplianceDocument } from '../../contracts/compliance.js';
import { ErrorBody } from '../../contracts/errors.js';
import { TrialResponse } from '../../contracts/trials.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTrial, createUnit, createUser, signedIn, type Client } from '../../../../test/support/factories.js';

const POLICY = 'borgerbreve-maskering';
const PURPOSE = 'Gøre afgørelsesbreve om hjælpemidler lettere at læse for borgerne.';

let t: TestApp;
let trialId: string;
let leader: Client;
let adviser: Client;
let outsider: Client;
let participantName: string;

beforeAll(async () => {
  t = await createTestApp();
  const unitId = (await createUnit(t.deps, 'Borgerservice')).id;
  const leaderUser = await createUser(t.deps, { role: 'LEADER', unitId });
  const adviserUser = await createUser(t.deps, { role: 'EMPLOYEE', unitId: (await createUnit(t.deps, 'Jura')).id });
  await t.deps.db.user.update({ where: { id: adviserUser.id }, data: { dataProtectionAdviser: true, name: 'Dina Databeskyttelse' } });
  const briefedOne = await createUser(t.deps, { unitId });
  const notBriefed = await createUser(t.deps, { unitId });
  participantName = (await t.deps.db.user.findUniqueOrThrow({ where: { id: notBriefed.id } })).name;
  const trial = await createTrial(t.deps, { unitId, createdById: leaderUser.id, policyId: POLICY, participants: [briefedOne.id, notBriefed.id] });
  trialId = trial.id;
  await t.deps.db.trial.update({ where: { id: trialId }, data: { title: 'Klarsprog i hjælpemiddelbreve', purpose: PURPOSE } });
  await t.deps.db.trialParticipant.update({ where: { trialId_userId: { trialId, userId: notBriefed.id } }, data: { briefedAt: null, briefingVersion: null } });
  leader = await signedIn(t, leaderUser);
  adviser = await signedIn(t, adviserUser);
  outsider = await signedIn(t, await createUser(t.deps, { role: 'LEADER' }));
});
afterAll(() => t.close());

async function list(client: Client = leader) {
  return ComplianceList.parse((await client.get(`/api/trials/${trialId}/compliance`).expect(200)).body);
}
const doc = (l: ComplianceList, kind: ComplianceDocument['kind']) => l.documents.find((d) => d.kind === kind)!;
const text = (d: ComplianceDocument) => d.sections.map((s) => [s.heading, ...s.paragraphs, ...s.items].join('\n')).join('\n');
const section = (d: ComplianceDocument, heading: string) => d.sections.find((s) => s.heading === heading)!;

describe('the drafts of a trial', () => {
  it('when the leader opens them, then each holds the facts of the trial, its policy, its provider and retention', async () => {
    const l = await list();
    expect(l.documents.map((d) => d.kind)).toEqual(['ropa', 'dpia', 'disclosure', 'literacy']);
    expect(l.canApprove).toBe(false);
    const ropa = doc(l, 'ropa');
    expect(section(ropa, 'Behandlingens formål').paragraphs[0]).toBe(PURPOSE);
    // The policy's title and its approvals (policies/borgerbreve-maskering.yaml).
    const policy = t.deps.policies.get(POLICY)!;
    expect(text(ropa)).toContain(`»${policy.policy.title.da}«`);
    for (const a of policy.policy.approvals) expect(text(ropa)).toContain(`${a.by} (${a.date})`);
    // The test app runs on the offline engine: nothing leaves the server, so nothing is masked for it.
    expect(section(ropa, 'Modtagere').paragraphs[0]).toMatch(/^Offline regelmotor.*Teksten forlader ikke kommunens egne servere\.$/);
    expect(section(ropa, 'Overførsel til tredjelande').paragraphs[0]).toBe('Ingen: teksten forlader ikke kommunens egne servere.');
    expect(section(ropa, 'Kategorier af personoplysninger').items.join(' ')).toContain('Erstattes med pladsholdere, før teksten sendes, og sættes tilbage i udkastet: CPR-numre');
    expect(section(ropa, 'Opbevaring og sletning').paragraphs[0]).toContain(`slettes ${policy.policy.retentionDays} dage efter kørslen`);
    expect(section(ropa, 'Tekniske og organisatoriske sikkerhedsforanstaltninger').items.join(' ')).toContain('Fire øjne');
    // What the system cannot know is left for a person, and says what to write.
    expect(section(ropa, 'Behandlingsgrundlag').source).toBe('person');
    expect(section(ropa, 'Modtagere').source).toBe('system');

    const dpia = doc(l, 'dpia');
    // The policy lets the local engine read health information as it is: the draft says so.
    expect(section(dpia, 'Risici, der følger af datapolitikken').items).toContain('Helbredsoplysninger kan indgå og læses af modtageren, som de står.');
    expect(section(dpia, 'Databeskyttelsesrådgiverens udtalelse').source).toBe('person');

    expect(text(doc(l, 'disclosure'))).toContain(`»${policy.policy.disclosureLabel.da}«`);
    const literacy = doc(l, 'literacy');
    expect(text(literacy)).toContain('1 af 2 inviterede har bekræftet den gældende version.');
    expect(text(literacy)).toContain(`${participantName}: ikke bekræftet`);
    expect(l.documents.every((d) => d.approval === null && !d.outdated && /^[0-9a-f]{64}$/.test(d.factsHash))).toBe(true);
  });

  it('when someone who neither administers the trial nor advises on data protection asks, then the trial does not exist for them', async () => {
    const res = await outsider.get(`/api/trials/${trialId}/compliance`).expect(404);
    expect(ErrorBody.parse(res.body).error.code).toBe('NOT_FOUND');
  });

  it('when the leader marks the trial possibly high-risk, then a fundamental-rights assessment with the six elements of Art. 27 is drafted', async () => {
    const before = TrialResponse.parse((await leader.get(`/api/trials/${trialId}`).expect(200)).body).trial;
    await leader.patch(`/api/trials/${trialId}`, { possiblyHighRisk: true, expectedVersion: before.version }).expect(200);
    const fria = doc(await list(), 'fria');
    const letters = new Set(fria.sections.map((s) => s.heading.slice(0, 2)));
    expect([...letters]).toEqual(['a)', 'b)', 'c)', 'd)', 'e)', 'f)']);
    expect(text(fria)).toContain('Fire øjne');
    expect(section(fria, 'f) Klageadgang og intern styring').source).toBe('person');
  });
});

describe('the sign-off by the data protection adviser', () => {
  it('when a leader signs off, then 403; when the adviser signs off another version, then 409; the current one is audited', async () => {
    const ropa = doc(await list(), 'ropa');
    const refused = await leader.post(`/api/trials/${trialId}/compliance/ropa/approval`, { factsHash: ropa.factsHash }).expect(403);
    expect(ErrorBody.parse(refused.body).error.code).toBe('NOT_DATA_PROTECTION_ADVISER');
    const stale = await adviser.post(`/api/trials/${trialId}/compliance/ropa/approval`, { factsHash: '0'.repeat(64) }).expect(409);
    expect(ErrorBody.parse(stale.body).error.code).toBe('COMPLIANCE_DRAFT_CHANGED');

    const adviserView = await list(adviser);
    expect(adviserView.canApprove).toBe(true);
    const signed = ComplianceDocumentResponse.parse(
      (await adviser.post(`/api/trials/${trialId}/compliance/ropa/approval`, { factsHash: ropa.factsHash }).expect(201)).body,
    ).document;
    expect(signed.approval).toMatchObject({ approvedBy: { name: 'Dina Databeskyttelse' }, current: true });
    expect(signed.outdated).toBe(false);
    await adviser.post(`/api/trials/${trialId}/compliance/literacy/approval`, { factsHash: doc(adviserView, 'literacy').factsHash }).expect(201);
    const events = await t.deps.db.auditEvent.findMany({ where: { resourceId: trialId, action: 'compliance.approved' }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => JSON.parse(e.details) as { kind: string })).toEqual([
      { kind: 'ropa', factsHash: ropa.factsHash },
      { kind: 'literacy', factsHash: doc(adviserView, 'literacy').factsHash },
    ]);
  });

  it('when the charter changes after the sign-off, then the draft is outdated and says what changed; a draft the change does not touch stays signed off', async () => {
    const before = TrialResponse.parse((await leader.get(`/api/trials/${trialId}`).expect(200)).body).trial;
    await leader.patch(`/api/trials/${trialId}`, { purpose: 'Gøre alle afgørelsesbreve lettere at læse.', expectedVersion: before.version }).expect(200);
    const l = await list();
    expect(doc(l, 'ropa')).toMatchObject({ outdated: true, changes: ['Formål'], approval: { current: false } });
    expect(section(doc(l, 'ropa'), 'Behandlingens formål').paragraphs[0]).toBe('Gøre alle afgørelsesbreve lettere at læse.');
    expect(doc(l, 'literacy')).toMatchObject({ outdated: false, changes: [], approval: { current: true } });
    expect(doc(l, 'dpia').approval).toBeNull();
  });
});

describe('the Word file of a draft', () => {
  it('when the leader downloads the record of processing, then the .docx opens with its sections, the marks and the sign-off status, and it is audited', async () => {
    const res = await leader
      .post(`/api/trials/${trialId}/compliance/ropa/export.docx`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ropa-\d{4}-\d{2}-\d{2}\.docx"$/);
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const body = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(body).toContain('Fortegnelse over behandlingsaktiviteter (GDPR art. 30)');
    expect(body).toContain('Gøre alle afgørelsesbreve lettere at læse.');
    expect(body).toContain('Fra arbejdsbænken');
    expect(body).toContain('Skrives af en person');
    expect(body).toContain('Udkast: ændret siden databeskyttelsesrådgiverens godkendelse');
    const exported = await t.deps.db.auditEvent.findMany({ where: { resourceId: trialId, action: 'compliance.exported' } });
    expect(exported.map((e) => (JSON.parse(e.details) as { kind: string; format: string }).kind)).toEqual(['ropa']);
  });
});
