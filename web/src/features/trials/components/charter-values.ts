import type { AssistantId } from '@contracts/policies.js';
import type { TrialDetail, TrialQuestion, UpdateTrialRequest } from '@contracts/trials.js';
import { criterionOf, draftOf, type CriterionDraft } from './criteria-fieldset';

/** The charter as the form holds it, its fields' ids and errors, and what an edit sends. */

export const ASSISTANT_IDS: readonly AssistantId[] = ['letter', 'minutes', 'documents'];
export const MAX_QUESTIONS = 10;

export const FIELDS = [
  'title',
  'purpose',
  'hypothesis',
  'successCriteria',
  'policyId',
  'assistants',
  'unitId',
  'startsAt',
  'endsAt',
  'briefing',
  'questions',
  'criteria',
  'possiblyHighRisk',
] as const;
export type Field = (typeof FIELDS)[number];
export const isField = (k: unknown): k is Field => (FIELDS as readonly unknown[]).includes(k);
export const charterFieldId = (f: Field) => (f === 'assistants' ? 'charter-assistants-letter' : `charter-${f}`);
export const questionFieldId = (i: number) => `charter-question-${i}`;

export interface Values {
  title: string;
  purpose: string;
  hypothesis: string;
  successCriteria: string;
  assistants: AssistantId[];
  policyId: string;
  unitId: string;
  startsAt: string;
  endsAt: string;
  briefing: string;
  questions: TrialQuestion[];
  criteria: CriterionDraft[];
  possiblyHighRisk: boolean;
}

export const EMPTY: Values = {
  title: '',
  purpose: '',
  hypothesis: '',
  successCriteria: '',
  assistants: [],
  policyId: '',
  unitId: '',
  startsAt: '',
  endsAt: '',
  briefing: '',
  questions: [],
  criteria: [],
  possiblyHighRisk: false,
};

/** The date part of an ISO date-time, for a date field. */
const dateOnly = (iso: string) => iso.slice(0, 10);

export function valuesOf(trial: TrialDetail): Values {
  return {
    title: trial.title,
    purpose: trial.purpose,
    hypothesis: trial.hypothesis,
    successCriteria: trial.successCriteria,
    assistants: [...trial.assistants],
    policyId: trial.policy.id,
    unitId: trial.unit.id,
    startsAt: dateOnly(trial.startsAt),
    endsAt: dateOnly(trial.endsAt),
    briefing: trial.briefing,
    questions: trial.questions.map((q) => ({ ...q })),
    criteria: trial.criteria.map(draftOf),
    possiblyHighRisk: trial.possiblyHighRisk,
  };
}

let questionSeq = 0;
export const newQuestionId = () => `q-${Date.now().toString(36)}-${(questionSeq++).toString(36)}`;

/** Each field's error, and for the lists (questions, criteria) one per item by position. */
export type CharterErrors = Record<Field, string> & { questionTexts: Record<number, string>; criterionThresholds: Record<number, string> };
export type FieldErrors = Partial<CharterErrors>;

/** Sets one field of the charter (and takes away the errors that edit makes stale). */
export type SetValue = <K extends keyof Values>(key: K, value: Values[K]) => void;

/** An edit sends only what changed, with the version the editor started from. */
export function changedFields(values: Values, initial: Values, version: number | undefined): UpdateTrialRequest {
  const body: Record<string, unknown> = { expectedVersion: version ?? 1 };
  for (const key of Object.keys(values) as (keyof Values)[]) {
    if (key === 'unitId') continue;
    if (JSON.stringify(values[key]) !== JSON.stringify(initial[key])) body[key] = key === 'criteria' ? values.criteria.map(criterionOf) : values[key];
  }
  return body as UpdateTrialRequest;
}
