import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataClass, actionFor } from '../../contracts/policies.js';
import { ROOT_DIR } from '../../config/env.js';
import { loadPolicies, parsePolicy, PolicyLoadError } from './policies.loader.js';

const example = fs.readFileSync(path.join(ROOT_DIR, 'policies', 'borgerbreve-maskering.yaml'), 'utf8');
const file = '/policies/borgerbreve-maskering.yaml';

function problemsOf(content: string, name = file): string[] {
  try {
    parsePolicy(name, content);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyLoadError);
    return (e as PolicyLoadError).problems;
  }
  throw new Error('expected the policy to be refused');
}

describe('policy files', () => {
  it('the shipped policies are valid, cover every data class and carry a content-hash version', () => {
    const policies = loadPolicies(path.join(ROOT_DIR, 'policies'));
    expect([...policies.keys()].sort()).toEqual(['borgerbreve-maskering', 'foelsom-sagsbehandling-lokal', 'interne-referater', 'offentlig-information']);
    for (const p of policies.values()) {
      expect(Object.keys(p.policy.dataClasses).sort()).toEqual([...DataClass.options].sort());
      expect(p.version).toMatch(/^[0-9a-f]{12}$/);
    }
    expect(policies.get('foelsom-sagsbehandling-lokal')!.missingApprovals).toEqual(['DPO']);
    expect(policies.get('borgerbreve-maskering')!.missingApprovals).toEqual([]);
  });

  it('the version people see is the day of the last required approval; while one is missing there is none', () => {
    expect(parsePolicy(file, example).approvedOn).toBe('2026-10-06');
    const withoutDpo = example.replace(/ {2}- function: DPO\n {4}by: [^\n]*\n {4}date: [^\n]*\n/, '');
    expect(withoutDpo).not.toBe(example);
    const awaiting = parsePolicy(file, withoutDpo);
    expect(awaiting.missingApprovals).toEqual(['DPO']);
    expect(awaiting.approvedOn).toBeNull();
  });

  it('when a data class is unknown, then the error names the file, the field and the value', () => {
    const problems = problemsOf(example.replace('  CVR: allow', '  CVR: allow\n  SHOE_SIZE: block'));
    expect(problems.join('\n')).toMatch(/dataClasses/);
    expect(problems.join('\n')).toMatch(/SHOE_SIZE/);
  });

  it('when a data class has no action, then the error lists what is missing', () => {
    expect(problemsOf(example.replace(/^ {2}HEALTH: .*\n/m, '')).join('\n')).toMatch(/missing: HEALTH/);
  });

  it('a data class rule may differ by destination, and the plain form still means the same for every destination', () => {
    const split = parsePolicy(file, example).policy;
    expect(split.dataClasses.HEALTH).toEqual({ local: 'allow', external: 'mask' });
    expect(split.providers.find((p) => p.provider === 'openai-compatible')!.localBaseUrls).toEqual(['http://localhost:11434/v1']);
    const plain = parsePolicy(file, example.replace(/^ {2}HEALTH: .*$/m, '  HEALTH: block')).policy;
    expect(plain.dataClasses.HEALTH).toBe('block');
    expect(actionFor(plain.dataClasses.HEALTH, 'local')).toBe('block');
    expect(actionFor(plain.dataClasses.HEALTH, 'external')).toBe('block');
  });

  it('when a destination rule names an unknown destination or action, or a local base URL is not a URL, then it is refused', () => {
    expect(problemsOf(example.replace(/^ {2}HEALTH: .*$/m, '  HEALTH: { local: allow, abroad: mask }')).join('\n')).toMatch(/dataClasses\.HEALTH/);
    expect(problemsOf(example.replace(/^ {2}HEALTH: .*$/m, '  HEALTH: { local: allow }')).join('\n')).toMatch(/dataClasses\.HEALTH/);
    expect(problemsOf(example.replace(/^ {2}HEALTH: .*$/m, '  HEALTH: { local: allow, external: hide }')).join('\n')).toMatch(/dataClasses\.HEALTH/);
    expect(problemsOf(example.replace("localBaseUrls: ['http://localhost:11434/v1']", 'localBaseUrls: [ollama]')).join('\n')).toMatch(/providers\.2\.localBaseUrls/);
  });

  it('when a field is missing or has the wrong type, then each is named with its path', () => {
    const content = example.replace(/retentionDays: 30/, 'retentionDays: thirty').replace(/disclosureLabel:[\s\S]*?approvals:/, 'approvals:');
    const problems = problemsOf(content).join('\n');
    expect(problems).toMatch(/retentionDays/);
    expect(problems).toMatch(/disclosureLabel/);
  });

  it('when an action is not one of block, mask, warn, allow, then it is refused', () => {
    expect(problemsOf(example.replace('  CPR: mask', '  CPR: hide')).join('\n')).toMatch(/dataClasses\.CPR/);
  });

  it('when a key is misspelt, then it is refused rather than ignored', () => {
    expect(problemsOf(example.replace('retentionDays:', 'retentionDayz: 3\nretentionDays:')).join('\n')).toMatch(/retentionDayz/);
  });

  it('when the YAML itself is broken or has a duplicate key, then the YAML error is reported', () => {
    expect(problemsOf('id: [unclosed\n')[0]).toMatch(/^YAML/);
    expect(problemsOf(`${example}\nid: again\n`)[0]).toMatch(/^YAML/);
  });

  it('when the id does not match the file name, then it is refused', () => {
    expect(problemsOf(example, '/policies/andet-navn.yaml').join('\n')).toMatch(/must match the file name/);
  });

  it('a changed file gets a new version', () => {
    const a = parsePolicy(file, example).version;
    const b = parsePolicy(file, example.replace('retentionDays: 30', 'retentionDays: 31')).version;
    expect(a).not.toBe(b);
  });

  it('when the folder has an invalid file, then loading stops with that file named', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policies-'));
    fs.writeFileSync(path.join(dir, 'borgerbreve-maskering.yaml'), example);
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'id: broken\n');
    try {
      expect(() => loadPolicies(dir)).toThrow(/broken\.yaml/);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});
