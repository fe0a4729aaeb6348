import type { AssistantId } from '@contracts/policies.js';
import { useTranslation } from 'react-i18next';

/** The assistants' names as one phrase in the reader's language: »Referater« og »Spørg dokumenterne«. */
export function useAssistantList(): (ids: readonly AssistantId[]) => string {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (ids) =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
      ids.map((a) => {
        const name = t(`trials.form.assistantOptions.${a}`);
        return english ? `“${name}”` : `»${name}«`;
      }),
    );
}
