import { z } from 'zod';
import { AssistantId } from './policies.js';

export const FailureType = z.enum([
  'FACTUAL_ERROR',
  'INVENTED_CONTENT',
  'WRONG_TONE',
  'MISSING_INFORMATION',
  'BIAS',
  'LANGUAGE_ERRORS',
  'PERSONAL_DATA_IN_OUTPUT',
  'OTHER',
]);
export type FailureType = z.infer<typeof FailureType>;

export const FAILURE_TYPE_LABELS: Record<FailureType, { da: string; en: string }> = {
  FACTUAL_ERROR: { da: 'Faktuel fejl', en: 'Factual error' },
  INVENTED_CONTENT: { da: 'Opdigtet indhold', en: 'Invented content' },
  WRONG_TONE: { da: 'Forkert tone', en: 'Wrong tone' },
  MISSING_INFORMATION: { da: 'Manglende information', en: 'Missing information' },
  BIAS: { da: 'Bias/skævhed', en: 'Bias' },
  LANGUAGE_ERRORS: { da: 'Sproglige fejl', en: 'Language errors' },
  PERSONAL_DATA_IN_OUTPUT: { da: 'Personoplysninger i resultatet', en: 'Personal data in the output' },
  OTHER: { da: 'Andet', en: 'Other' },
};

/** The questions every experience log asks; a trial's leader may add their own (Trial.questions). */
export const DEFAULT_EXPERIENCE_QUESTIONS = {
  usefulness: { da: 'Hvor brugbart var udkastet?', en: 'How useful was the draft?' },
  minutesSaved: {
    da: 'Hvor mange minutter sparede du (negativt tal, hvis det tog længere tid)?',
    en: 'How many minutes did you save (a negative number if it took longer)?',
  },
  failureTypes: { da: 'Hvilke fejl så du i udkastet?', en: 'Which errors did you see in the draft?' },
  wouldUseAgain: { da: 'Vil du bruge assistenten igen til en lignende opgave?', en: 'Would you use the assistant again for a similar task?' },
  reflection: { da: 'Andre refleksioner (valgfrit)', en: 'Other reflections (optional)' },
} as const;

export const ExperienceLogRequest = z.object({
  usefulness: z.number().int().min(1, { message: 'Vælg et tal fra 1 til 5.' }).max(5, { message: 'Vælg et tal fra 1 til 5.' }),
  minutesSaved: z
    .number()
    .int({ message: 'Skriv et helt antal minutter.' })
    .min(-480, { message: 'Skriv et tal mellem -480 og 480 minutter.' })
    .max(480, { message: 'Skriv et tal mellem -480 og 480 minutter.' }),
  failureTypes: z
    .array(FailureType)
    .max(8)
    .refine((a) => new Set(a).size === a.length, { message: 'Vælg hver fejltype højst én gang.' }),
  wouldUseAgain: z.boolean(),
  reflection: z.string().trim().max(4000, { message: 'Refleksionen må højst være 4.000 tegn.' }).optional(),
  /** Answers to the trial's own questions, by question id. */
  answers: z.record(z.string().min(1).max(100), z.string().max(2000, { message: 'Et svar må højst være 2.000 tegn.' })).default({}),
});
export type ExperienceLogRequest = z.infer<typeof ExperienceLogRequest>;

export const ExperienceLogView = z.object({
  id: z.string(),
  runId: z.string(),
  userId: z.string(),
  usefulness: z.number().int(),
  minutesSaved: z.number().int(),
  failureTypes: z.array(FailureType),
  wouldUseAgain: z.boolean(),
  reflection: z.string().nullable(),
  answers: z.record(z.string(), z.string()),
  createdAt: z.string(),
});
export type ExperienceLogView = z.infer<typeof ExperienceLogView>;

export const ExperienceLogResponse = z.object({ experience: ExperienceLogView });
export type ExperienceLogResponse = z.infer<typeof ExperienceLogResponse>;

/** GET /api/runs/:id/experience: the log if written, and the trial's own questions to ask. */
export const ExperienceState = z.object({
  experience: ExperienceLogView.nullable(),
  questions: z.array(z.object({ id: z.string(), text: z.string() })),
});
export type ExperienceState = z.infer<typeof ExperienceState>;

export const ReflectionRequest = z.object({
  text: z
    .string()
    .trim()
    .min(3, { message: 'Skriv mindst 3 tegn.' })
    .max(4000, { message: 'Refleksionen må højst være 4.000 tegn.' }),
});
export type ReflectionRequest = z.infer<typeof ReflectionRequest>;

export const ReflectionView = z.object({
  id: z.string(),
  trialId: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  text: z.string(),
  createdAt: z.string(),
});
export type ReflectionView = z.infer<typeof ReflectionView>;

export const ReflectionResponse = z.object({ reflection: ReflectionView });
export type ReflectionResponse = z.infer<typeof ReflectionResponse>;

export const ReflectionList = z.object({ reflections: z.array(ReflectionView) });
export type ReflectionList = z.infer<typeof ReflectionList>;

/** A participant's no-AI baseline: how many minutes one task of the assistant takes them without it. */
export const BaselineRequest = z
  .object({
    assistant: AssistantId,
    minutes: z
      .number({ message: 'Angiv minutter som et helt tal.' })
      .int({ message: 'Angiv minutter som et helt tal.' })
      .min(1, { message: 'Angiv mindst 1 minut.' })
      .max(1440, { message: 'Angiv højst 1.440 minutter (et døgn).' }),
  })
  .strict();
export type BaselineRequest = z.infer<typeof BaselineRequest>;
export const BaselineView = z.object({ assistant: AssistantId, minutes: z.number().int(), updatedAt: z.string() });
export type BaselineView = z.infer<typeof BaselineView>;
export const BaselineList = z.object({ baselines: z.array(BaselineView) });
export const BaselineResponse = z.object({ baseline: BaselineView });
