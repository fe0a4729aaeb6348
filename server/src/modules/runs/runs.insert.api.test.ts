import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../../lib/db.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTrial, createUnit, createUser } from '../../../../test/support/factories.js';
import { insertRun } from './runs.insert.js';

let t: TestApp;
let trialId: string;
let userId: string;

beforeAll(async () => {
  t = await createTestApp();
  const unitId = (await createUnit(t.deps)).id;
  userId = (await createUser(t.deps, { unitId })).id;
  trialId = (await createTrial(t.deps, { unitId, createdById: userId, policyId: 'borgerbreve-maskering', participants: [userId] })).id;
});
afterAll(() => t.close());

function row(overrides: Partial<Run> = {}): Run {
  return {
    id: randomUUID(),
    trialId,
    userId,
    assistant: 'letter',
    status: 'DRAFT',
    policyId: 'borgerbreve-maskering',
    policyVersion: 'abc123',
    guardDecision: 'masked',
    guardFindings: '{"CPR":1,"PERSON":2}',
    provider: 'openai-compatible',
    model: 'fake-llama',
    promptTokens: 120,
    completionTokens: 80,
    durationMs: 412,
    errorCode: null,
    inputChars: 300,
    fourEyes: true,
    input: 'Kære Jens Hansen – æøå “citat” \\ \'enkelt\'',
    output: 'Kære Jens Hansen',
    finalText: null,
    details: '{"lixBefore":52.8}',
    pseudonymMap: '{"[NAVN_1]":"Jens Hansen"}',
    contentPurgedAt: null,
    retainUntil: new Date('2026-12-27T10:00:00.123Z'),
    createdAt: new Date('2026-11-27T10:00:00.456Z'),
    completedAt: new Date('2026-11-27T10:00:01.789Z'),
    ...overrides,
  };
}

describe('storing a finished run with one plain INSERT', () => {
  it('when read back through Prisma, then every field is exactly what was written (values and nulls)', async () => {
    const written = row();
    await t.deps.db.$transaction((tx) => insertRun(tx, t.deps.provider, written));
    expect(await t.deps.db.run.findUniqueOrThrow({ where: { id: written.id } })).toEqual(written);
  });

  it('with the other values of the booleans, statuses and nullable fields, then they read back too', async () => {
    const written = row({
      status: 'APPROVED',
      fourEyes: false,
      guardDecision: null,
      provider: null,
      model: null,
      promptTokens: null,
      completionTokens: null,
      durationMs: null,
      errorCode: 'timeout',
      input: null,
      output: null,
      finalText: 'Godkendt tekst',
      details: null,
      pseudonymMap: null,
      contentPurgedAt: new Date('2027-01-01T00:00:00.000Z'),
      retainUntil: null,
      completedAt: null,
    });
    await t.deps.db.$transaction((tx) => insertRun(tx, t.deps.provider, written));
    expect(await t.deps.db.run.findUniqueOrThrow({ where: { id: written.id } })).toEqual(written);
  });

  it('when its audit event fails in the same transaction, then the run is not stored either', async () => {
    const written = row();
    await expect(
      t.deps.db.$transaction(async (tx) => {
        await insertRun(tx, t.deps.provider, written);
        throw new Error('audit failed');
      }),
    ).rejects.toThrow('audit failed');
    expect(await t.deps.db.run.findUnique({ where: { id: written.id } })).toBeNull();
  });
});
