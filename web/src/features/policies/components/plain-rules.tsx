import type { PolicyDetail } from '@contracts/policies.js';
import { Icon } from '../../../components/icon';
import { useLocalized } from '../../../lib/localized';
import { usePolicyWords } from './policy-words';

const SECTIONS = [
  { key: 'may', icon: 'check' },
  { key: 'mayNot', icon: 'close' },
  { key: 'must', icon: 'list-check' },
] as const;

/** "Det må du", "Det må du ikke", "Det skal du": the policy in plain language, in the chosen language. */
export function PlainRules({ plain }: { plain: PolicyDetail['plain'] }) {
  const { t } = usePolicyWords();
  const pick = useLocalized();
  return (
    <div className="plain-rules" data-testid="plain-rules">
      {SECTIONS.map(({ key, icon }) => (
        <section key={key} className={`plain-rule plain-rule--${key}`} aria-labelledby={`plain-${key}`} data-testid={`plain-${key}`}>
          <h2 id={`plain-${key}`} className="h3 plain-rule-heading">
            <Icon name={icon} className="plain-rule-icon" />
            {t(`policies.detail.${key}`)}
          </h2>
          {plain[key].length ? (
            <ul className="plain-rule-list">
              {plain[key].map((rule) => (
                <li key={rule.code} data-code={rule.code}>
                  {pick(rule)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="m-0">{t('policies.detail.noRules')}</p>
          )}
        </section>
      ))}
    </div>
  );
}
