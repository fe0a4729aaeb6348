import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../contracts/errors.js';
import { PolicyList, PolicyResponse, PreviewResponse } from '../../contracts/policies.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createUser, signedIn, type Client } from '../../../../test/support/factories.js';

let t: TestApp;
let employee: Client;

beforeAll(async () => {
  t = await createTestApp();
  employee = await signedIn(t, await createUser(t.deps, { role: 'EMPLOYEE' }));
});
afterAll(() => t.close());

const LETTER = [
  'Kære Hanne Bjerregaard',
  '',
  'Vi har modtaget din ansøgning om boligstøtte. Dit CPR-nummer 150372-1234 er registreret,',
  'og du kan ringe til os på 36 37 38 39 eller skrive til hanne.b@example.dk.',
  '',
  'Med venlig hilsen',
  'Rødovre Kommune',
].join('\n');

describe('reading policies', () => {
  it('everyone signed in can list the policies with their status', async () => {
    const { policies } = PolicyList.parse((await employee.get('/api/policies').expect(200)).body);
    expect(policies.map((p) => p.id)).toContain('borgerbreve-maskering');
    expect(policies.find((p) => p.id === 'foelsom-sagsbehandling-lokal')!.status).toBe('AWAITING_APPROVAL');
    expect(policies.find((p) => p.id === 'offentlig-information')!.status).toBe('APPROVED');
  });

  it('a policy reads in plain Danish: what you may, may not and must do', async () => {
    const { policy } = PolicyResponse.parse((await employee.get('/api/policies/borgerbreve-maskering').expect(200)).body);
    // Was: "Du må ikke bruge tekster med helbredsoplysninger"; the letter policy now masks them for external models.
    expect(policy.plain.may.map((r) => r.da).join(' ')).toContain('Sendes teksten til en ekstern sprogmodel, erstattes de med pladsholdere');
    expect(policy.plain.must.find((r) => r.code === 'FOUR_EYES')!.da).toMatch(/^Når teksten indeholder mindst én af disse: CPR-numre, kontonumre, .* eller oplysninger om strafbare forhold, skal en kollega/);
    expect(policy.dataClasses.CPR).toBe('mask');
    expect(policy.dataClasses.HEALTH).toEqual({ local: 'allow', external: 'mask' });
    expect(policy.approvals.map((a) => a.function).sort()).toEqual(['DPO', 'IT_SECURITY', 'LEGAL']);
  });

  it('an unknown policy is 404, and signed out the list is 401', async () => {
    expect(ErrorBody.parse((await employee.get('/api/policies/findes-ikke').expect(404)).body).error.code).toBe('NOT_FOUND');
    await t.request.get('/api/policies').expect(401);
  });
});

describe('previewing what would be sent', () => {
  it('under a masking policy, shows the findings in the person’s text and sends only placeholders', async () => {
    const res = await employee.post('/api/policies/borgerbreve-maskering/preview', { text: LETTER }).expect(200);
    const p = PreviewResponse.parse(res.body);
    expect(p.decision).toBe('masked');
    const found = Object.fromEntries(p.findings.map((f) => [LETTER.slice(f.start, f.end), f.type]));
    expect(found).toMatchObject({ '150372-1234': 'CPR', '36 37 38 39': 'PHONE', 'hanne.b@example.dk': 'EMAIL' });
    expect(Object.entries(found).some(([v, type]) => type === 'PERSON' && v.includes('Hanne'))).toBe(true);
    for (const original of ['150372-1234', '36 37 38 39', 'hanne.b@example.dk', 'Bjerregaard']) {
      expect(p.maskedText).not.toContain(original);
    }
    expect(p.maskedText).toContain('[CPR_1]');
    expect(p.maskedText).toContain('Vi har modtaget din ansøgning om boligstøtte.');
  });

  it('placeholders are in Danish, and the preview judges for where a run would send the text (here the offline engine)', async () => {
    const text = `${LETTER}\n\nBorgeren har diabetes.`;
    const p = PreviewResponse.parse((await employee.post('/api/policies/borgerbreve-maskering/preview', { text }).expect(200)).body);
    for (const placeholder of ['[NAVN_1]', '[CPR_1]', '[TELEFON_1]', '[EMAIL_1]']) expect(p.maskedText).toContain(placeholder);
    // The test server's provider is the offline engine: local, so the health phrase may stay.
    expect(p.findings.find((f) => f.type === 'HEALTH')).toMatchObject({ action: 'allow' });
    expect(p.maskedText).toContain('diabetes');
  });

  it('under a policy that blocks CPR numbers, says so in Danish and shows nothing as sent', async () => {
    const p = PreviewResponse.parse((await employee.post('/api/policies/offentlig-information/preview', { text: LETTER }).expect(200)).body);
    expect(p.decision).toBe('blocked');
    expect(p.maskedText).toBeNull();
    expect(p.reasons.map((r) => r.da).join(' ')).toContain('Teksten indeholder et CPR-nummer, og denne prøvehandling tillader ikke CPR-numre');
  });

  it('a text without personal data is allowed as it is', async () => {
    const text = 'Genbrugspladsen har åbent alle dage fra kl. 7 til 20. Husk at sortere pap og plast.';
    const p = PreviewResponse.parse((await employee.post('/api/policies/offentlig-information/preview', { text }).expect(200)).body);
    expect(p).toMatchObject({ decision: 'allowed', findings: [], maskedText: text });
  });

  it('nothing from the preview is stored: no run and no audit event carries the text', async () => {
    await employee.post('/api/policies/borgerbreve-maskering/preview', { text: LETTER }).expect(200);
    expect(await t.deps.db.run.count()).toBe(0);
    const events = await t.deps.db.auditEvent.findMany();
    expect(JSON.stringify(events)).not.toContain('150372');
  });

  it('bad input gets a clear error: a missing text is 400, an unknown policy 404', async () => {
    expect(ErrorBody.parse((await employee.post('/api/policies/borgerbreve-maskering/preview', {}).expect(400)).body).error.code).toBe('VALIDATION_FAILED');
    await employee.post('/api/policies/findes-ikke/preview', { text: 'hej' }).expect(404);
  });
});
