import { MinutesDetails } from '@contracts/minutes.js';
import type { AssistantId } from '@contracts/policies.js';
import { MinutesText } from './minutes-text';

/**
 * A draft as the person reads it: minutes formatted (headings, lists, the table of tasks, references to the
 * transcript), other assistants' drafts as the plain text they are.
 */
export function DraftText({ assistant, text, details }: { assistant: AssistantId; text: string; details: Record<string, unknown> | null }) {
  if (assistant !== 'minutes') return <>{text}</>;
  const parsed = MinutesDetails.safeParse(details ?? {});
  return <MinutesText text={text} sources={parsed.success ? (parsed.data.references?.sources ?? []) : []} />;
}
