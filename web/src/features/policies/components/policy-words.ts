import type { ApprovalFunction, AssistantId, DataAction, DataClass, PolicySummary, ProviderKind } from '@contracts/policies.js';
import { useTranslation } from 'react-i18next';
import { useListFormat } from '../../../lib/localized';

/** Danish (or English) words for the policy's codes, in one place so every screen names things the same way. */
export function usePolicyWords() {
  const { t } = useTranslation();
  const list = useListFormat();
  /** For rules where any one of the items is enough (the four-eyes classes): "a, b eller c". */
  const anyOf = useListFormat('disjunction');
  const dataClass = (c: DataClass) => t(`policies.dataClasses.${c}`);
  const action = (a: DataAction) => t(`policies.actions.${a}`);
  const approvalFunction = (f: ApprovalFunction) => t(`policies.functions.${f}`);
  const assistant = (a: AssistantId) => t(`policies.assistants.${a}`);
  const provider = (p: ProviderKind) => t(`policies.providers.${p}`);
  const providerWithModels = ({ provider: p, models }: PolicySummary['providers'][number]) =>
    models.length === 0 || models.includes('*')
      ? provider(p)
      : t('policies.providerModels', { provider: provider(p), models: list(models) });
  return { t, list, anyOf, dataClass, action, approvalFunction, assistant, provider, providerWithModels };
}

/** "Kontonummer" reads "kontonummer" inside a sentence; "CPR-nummer" keeps its capitals. */
export const lowerFirst = (s: string): string => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase() + s.slice(1) : s);

/** Badge colour per action. The word carries the meaning; colour only supports it. */
export const ACTION_BADGE: Record<DataAction, string> = {
  block: 'badge badge-error',
  mask: 'badge badge-info',
  warn: 'badge badge-warning',
  allow: 'badge badge-success',
};
