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

  it('when one address or one health mention is blocked, then "Fjern" names it with the right pronoun', () => {
    const address: Span = { type: 'ADDRESS', start: 10, end: 25 };
    expect(evaluatePolicy(pub, [address], { inputChars: 100 }).reasons[0]!.da).toMatch(/^Teksten indeholder en adresse, .* Fjern den, og prøv igen\.$/);
    expect(evaluatePolicy(pub, [health], { inputChars: 100 }).reasons[0]!.da).toMatch(/Fjern dem, og prøv igen\.$/);
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

  // Was: the letter policy blocked HEALTH. It now masks it for external models, so a policy that still blocks
  // (internal minutes: CPR) shows the rule.
  it('one blocked class blocks the whole request, even when others would only be masked', () => {
    const address: Span = { type: 'ADDRESS', start: 80, end: 95 };
    const e = evaluatePolicy(internal, [cpr, address], { inputChars: 100 });
    expect(e.decision).toBe('blocked');
    expect(e.reasons[0]).toMatchObject({ code: 'DATA_CLASS_BLOCKED', dataClass: 'CPR' });
    expect(e.toMask).toEqual([]);
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
    // Numbers as Danes write them ("20.001", not "20001").
    expect(big.reasons[0]!.da).toMatch(/^Teksten er på 20\.001 tegn; denne prøvehandling tillader højst \d{1,3}(\.\d{3})+\. /);
  });

  it('requires a second approver when the policy says so for what was found: any one of the listed classes is enough', () => {
    expect(evaluatePolicy(letters, [name], { inputChars: 10 }).fourEyes).toBe(false);
    expect(evaluatePolicy(letters, [cpr], { inputChars: 10 }).fourEyes).toBe(true);
    expect(evaluatePolicy(letters, [health], { inputChars: 10 }).fourEyes).toBe(true);
    expect(evaluatePolicy(sensitive, [], { inputChars: 10 }).fourEyes).toBe(true);
  });
});

describe('a rule that depends on where the text goes', () => {
  it('under the letter policy, health information is masked for an external model and restored, and read as it is locally', () => {
    const external = evaluatePolicy(letters, [name, health], { inputChars: 100, provider: 'azure-openai', model: 'gpt-4o' });
    expect(external).toMatchObject({ decision: 'masked', destination: 'external' });
    expect(external.toMask).toEqual([name, health]);
    expect(external.reasons.find((r) => r.dataClass === 'HEALTH')).toMatchObject({ code: 'DATA_CLASS_MASKED' });

    const offline = evaluatePolicy(letters, [name, health], { inputChars: 100, provider: 'offline', model: 'offline-rules' });
    expect(offline).toMatchObject({ decision: 'masked', destination: 'local' });
    expect(offline.toMask).toEqual([name]);
    expect(offline.counts.find((c) => c.type === 'HEALTH')!.action).toBe('allow');
  });

  it('an OpenAI-compatible server is local only at a base URL the policy lists; at any other address it is external', () => {
    const at = (baseUrl: string) => evaluatePolicy(letters, [health], { inputChars: 100, provider: 'openai-compatible', model: 'llama3.1:8b', baseUrl });
    expect(at('http://localhost:11434/v1/')).toMatchObject({ decision: 'allowed', destination: 'local', toMask: [] });
    expect(at('https://llm.example.com/v1')).toMatchObject({ decision: 'masked', destination: 'external', toMask: [health] });
  });

  it('when no provider is named, each class gets the stricter of its two actions', () => {
    expect(evaluatePolicy(letters, [health], { inputChars: 100 })).toMatchObject({ decision: 'masked', destination: null, toMask: [health] });
    expect(evaluatePolicy(letters, [health], { inputChars: 100, destination: 'local' })).toMatchObject({ decision: 'allowed', toMask: [] });
  });

  it('internal minutes mask a mention of health for every model instead of refusing the meeting', () => {
    for (const provider of ['offline', 'azure-openai'] as const) {
      const e = evaluatePolicy(internal, [name, health], { inputChars: 100, provider, model: provider === 'offline' ? 'offline-rules' : 'gpt-4o' });
      expect(e.decision).toBe('masked');
      expect(e.toMask).toEqual([health]);
    }
  });
});

describe('the policy in plain language', () => {
  it('says in Danish what one may, may not and must do', () => {
    const plain = plainLanguage(letters);
    const all = (rules: { da: string }[]) => rules.map((r) => r.da).join(' ');
    expect(all(plain.may)).toContain('Brevassistenten');
    expect(all(plain.may)).toMatch(/CPR-numre.*erstattes med pladsholdere/);
    // Was: "Du må ikke bruge tekster med helbredsoplysninger"; the letter policy now masks them for external models.
    expect(all(plain.may)).toContain(
      'Helbredsoplysninger, oplysninger om etnisk oprindelse, oplysninger om religion, oplysninger om fagforeningsmedlemskab, oplysninger om seksuel orientering og oplysninger om strafbare forhold må gerne stå i teksten, når den behandles af den offline regelmotor eller kommunens egen sprogmodel. Sendes teksten til en ekstern sprogmodel, erstattes de med pladsholdere, før noget sendes, og sættes tilbage i dit udkast.',
    );
    expect(all(plain.mayNot)).not.toContain('helbred');
    expect(all(plain.must)).toContain('godkende hvert udkast');
    expect(all(plain.must)).toContain('30 dage');
    expect(all(plain.must)).toContain(letters.disclosureLabel.da);
  });

  it('the four-eyes rule reads as "any of" the classes it lists, as it is evaluated', () => {
    const fourEyes = (p: typeof letters) => plainLanguage(p).must.find((r) => r.code === 'FOUR_EYES')!;
    expect(fourEyes(letters).da).toBe(
      'Når teksten indeholder mindst én af disse: CPR-numre, kontonumre, helbredsoplysninger, oplysninger om etnisk oprindelse, oplysninger om religion, oplysninger om fagforeningsmedlemskab, oplysninger om seksuel orientering eller oplysninger om strafbare forhold, skal en kollega også godkende udkastet (fire øjne).',
    );
    expect(fourEyes(letters).en).toMatch(/^When the text contains at least one of these: CPR numbers, bank account numbers, .* or information on criminal offences, a colleague/);
    const one = { ...letters, humanReview: { required: true, secondApprover: { whenPresent: ['CPR' as const] } } };
    expect(fourEyes(one).da).toBe('Når teksten indeholder CPR-numre, skal en kollega også godkende udkastet (fire øjne).');
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

describe('sensitive case work on a local model only', () => {
  it('special categories are allowed with a warning on the municipality’s own model and refused at any other address', () => {
    const at = (baseUrl: string) => evaluatePolicy(sensitive, [health], { inputChars: 100, provider: 'openai-compatible', model: 'llama3.1:8b', baseUrl });
    expect(at('http://localhost:11434/v1')).toMatchObject({ decision: 'allowed', reasons: [{ code: 'DATA_CLASS_WARNING' }] });
    expect(at('https://llm.example.com/v1')).toMatchObject({ decision: 'blocked', reasons: [{ code: 'DATA_CLASS_BLOCKED', dataClass: 'HEALTH' }] });
  });
});
