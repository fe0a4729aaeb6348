import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../config/env.js';
import { loadPolicies } from './policies.loader.js';
import { evaluatePolicy, type Span } from './policy.evaluate.js';
import { plainLanguage } from './policy.plain.js';

const policies = loadPolicies(path.join(ROOT_DIR, 'policies'));
const pub = policies.get('offentlig-information')!.policy;
const letters = policies.get('borgerbreve-maskering')!.policy;
const internal = policies.get('interne-referater')!.policy;
const sensitive = policies.get('foelsom-sagsbehandling-lokal')!.policy;

const cpr: Span = { type: 'CPR', start: 10, end: 21 };
const name: Span = { type: 'PERSON', start: 30, end: 42 };
const health: Span = { type: 'HEALTH', start: 50, end: 53 };
const phone: Span = { type: 'PHONE', start: 60, end: 71 };

describe('evaluating a request against its policy', () => {
  it('when the policy blocks CPR numbers, then the decision is blocked with a Danish reason a person understands', () => {
    const e = evaluatePolicy(pub, [cpr], { inputChars: 100 });
    expect(e.decision).toBe('blocked');
    expect(e.reasons[0]!.da).toBe('Teksten indeholder et CPR-nummer, og denne prøvehandling tillader ikke CPR-numre. Fjern det, og prøv igen.');
    expect(e.toMask).toEqual([]);
  });

  it('counts several findings of a class and speaks of them in the plural', () => {
    const e = evaluatePolicy(pub, [cpr, { ...cpr, start: 80, end: 91 }], { inputChars: 100 });
    expect(e.counts).toEqual([{ type: 'CPR', count: 2, action: 'block' }]);
    expect(e.reasons[0]!.da).toContain('Teksten indeholder CPR-numre');
  });

  it('when the policy masks CPR numbers and names, then the decision is masked and exactly those spans are to be masked', () => {
    const e = evaluatePolicy(letters, [cpr, name], { inputChars: 100, assistant: 'letter' });
    expect(e.decision).toBe('masked');
    expect(e.toMask).toEqual([cpr, name]);
    expect(e.reasons.map((r) => r.code)).toEqual(['DATA_CLASS_MASKED', 'DATA_CLASS_MASKED']);
  });

  it('one blocked class blocks the whole request, even when others would only be masked', () => {
    const e = evaluatePolicy(letters, [cpr, health], { inputChars: 100 });
    expect(e.decision).toBe('blocked');
    expect(e.reasons[0]).toMatchObject({ code: 'DATA_CLASS_BLOCKED', dataClass: 'HEALTH' });
  });

  it('allowed and warned classes leave the request allowed, with a warning where the policy asks for one', () => {
    expect(evaluatePolicy(internal, [name, phone], { inputChars: 100 })).toMatchObject({ decision: 'allowed', reasons: [] });
    const warned = evaluatePolicy(pub, [phone], { inputChars: 100 });
    expect(warned.decision).toBe('allowed');
    expect(warned.reasons[0]!.code).toBe('DATA_CLASS_WARNING');
  });

  it('refuses an assistant, a provider or a model the policy does not allow, and text over the size limit', () => {
    expect(evaluatePolicy(letters, [], { inputChars: 10, assistant: 'minutes' }).reasons[0]!.code).toBe('ASSISTANT_NOT_ALLOWED');
    expect(evaluatePolicy(letters, [], { inputChars: 10, provider: 'openai' }).reasons[0]!.code).toBe('PROVIDER_NOT_ALLOWED');
    expect(evaluatePolicy(sensitive, [], { inputChars: 10, provider: 'openai-compatible', model: 'gpt-4o' }).decision).toBe('blocked');
    expect(evaluatePolicy(sensitive, [], { inputChars: 10, provider: 'openai-compatible', model: 'llama3.1:8b' }).decision).toBe('allowed');
    const big = evaluatePolicy(letters, [], { inputChars: 20_001 });
    expect(big).toMatchObject({ decision: 'blocked', reasons: [{ code: 'INPUT_TOO_LARGE' }] });
  });

  it('requires a second approver when the policy says so for what was found', () => {
    expect(evaluatePolicy(letters, [name], { inputChars: 10 }).fourEyes).toBe(false);
    expect(evaluatePolicy(letters, [cpr], { inputChars: 10 }).fourEyes).toBe(true);
    expect(evaluatePolicy(sensitive, [], { inputChars: 10 }).fourEyes).toBe(true);
  });
});

describe('the policy in plain language', () => {
  it('says in Danish what one may, may not and must do', () => {
    const plain = plainLanguage(letters);
    const all = (rules: { da: string }[]) => rules.map((r) => r.da).join(' ');
    expect(all(plain.may)).toContain('Brevassistenten');
    expect(all(plain.may)).toMatch(/CPR-numre.*erstattes med pladsholdere/);
    expect(all(plain.mayNot)).toMatch(/Du må ikke bruge tekster med helbredsoplysninger/);
    expect(all(plain.must)).toContain('godkende hvert udkast');
    expect(all(plain.must)).toContain('30 dage');
    expect(all(plain.must)).toContain(letters.disclosureLabel.da);
  });

  it('every rule has an English version too', () => {
    for (const p of policies.values()) {
      const { may, mayNot, must } = plainLanguage(p.policy);
      for (const r of [...may, ...mayNot, ...must]) expect(r.en.length).toBeGreaterThan(10);
    }
  });
});

it('the shipped policy files are the ones in policies/', () => {
  expect(fs.readdirSync(path.join(ROOT_DIR, 'policies')).length).toBe(policies.size);
});
