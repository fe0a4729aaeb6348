import { AUDIT_ACTIONS } from '@contracts/audit.js';
import { describe, expect, it } from 'vitest';
import { da } from './da';
import { en } from './en';

/**
 * The audit trail is read by people in the digital unit: every action the server can record (AUDIT_ACTIONS, the
 * only actions recordAudit accepts) has a label in Danish and in English.
 */
describe('audit labels', () => {
  it.each([
    ['Danish', da],
    ['English', en],
  ])('every action the server records has a %s label', (_language, texts) => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(40);
    const labels = texts.audit.actions as Record<string, Record<string, string>>;
    const missing = AUDIT_ACTIONS.filter((a) => {
      const [group, name] = a.split('.') as [string, string];
      return !labels[group]?.[name];
    });
    expect(missing).toEqual([]);
  });
});
