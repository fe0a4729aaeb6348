import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app.js';
import { createTrial, createUnit, createUser, signedIn, type Client } from '../../../../../test/support/factories.js';
import { ErrorBody } from '../../../contracts/errors.js';
import { MinutesDetails } from '../../../contracts/minutes.js';
import { RunResponse } from '../../../contracts/runs.js';

const MEETING_01 = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../test/fixtures/minutes/shared/meeting-01.vtt'), 'utf8');

let t: TestApp;
let as: Client;
let trialId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-27T10:00:00Z') });
  const unitId = (await createUnit(t.deps)).id;
  const employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  const leaderId = (await createUser(t.deps, { role: 'LEADER', unitId })).id;
  as = await signedIn(t, employee);
  trialId = (await createTrial(t.deps, { unitId, createdById: leaderId, policyId: 'interne-referater', assistants: ['minutes'], participants: [employee.id] })).id;
});
afterAll(async () => {
  await t.close();
});

describe('meeting templates and transcript references through POST /api/runs', () => {
  it('when the person picks the MED-udvalg template, then the draft has its headings and details name the template', async () => {
    const res = await as.post('/api/runs', { trialId, assistant: 'minutes', input: MEETING_01, options: { template: 'med-udvalg' } }).expect(201);
    const { run } = RunResponse.parse(res.body);
    expect(run.output).toContain('# Referat af MED-udvalgsmøde');
    for (const h of ['## Punkter', '## Beslutninger', '## Til efterretning', '## Opfølgning']) expect(run.output).toContain(h);
    expect(MinutesDetails.parse(run.details).template).toBe('med-udvalg');
  });

  it('without options the minutes are a team meeting’s, and each decision and task points at the cues it rests on, names restored', async () => {
    const res = await as.post('/api/runs', { trialId, assistant: 'minutes', input: MEETING_01 }).expect(201);
    const details = MinutesDetails.parse(RunResponse.parse(res.body).run.details);
    expect(details.template).toBe('teammoede');
    const refs = details.references!;
    expect(refs.decisions).toHaveLength(details.decisions.length);
    expect(refs.actionItems).toHaveLength(details.actionItems.length);
    expect(refs.actionItems.every((ids) => ids.length > 0)).toBe(true);
    const jamal = details.actionItems.findIndex((a) => a.owner === 'Jamal Saadi');
    const cited = refs.actionItems[jamal]!.map((id) => refs.sources.find((s) => s.id === id)!);
    expect(cited[0]).toMatchObject({ speaker: 'Jamal Saadi', cue: expect.stringMatching(/^[0-9a-f-]+\/\d+-\d+$/) });
    expect(cited.map((c) => c.text).join(' ')).toMatch(/leverandøren/);
  });

  it('an unknown template is refused with 400 and says which field', async () => {
    const res = await as.post('/api/runs', { trialId, assistant: 'minutes', input: MEETING_01, options: { template: 'fredagsbar' } }).expect(400);
    expect(ErrorBody.parse(res.body).error.code).toBe('VALIDATION_FAILED');
  });
});
