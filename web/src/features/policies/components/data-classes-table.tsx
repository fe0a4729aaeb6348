import { DataClass, type DataAction, type DataRule, SPECIAL_CATEGORIES } from '@contracts/policies.js';
import { ACTION_BADGE, usePolicyWords } from './policy-words';

const ACTIONS: readonly DataAction[] = ['block', 'mask', 'warn', 'allow'];

/**
 * Every data class the guard recognises and what this policy does with it, in the contract's order (direct
 * identifiers first, then the special categories, which are marked as sensitive), and below it what each
 * action used here means.
 */
export function DataClassesTable({ dataClasses }: { dataClasses: Partial<Record<DataClass, DataRule>> }) {
  const { t, dataClass, action } = usePolicyWords();
  const rows = DataClass.options.flatMap((c) => {
    const a = dataClasses[c];
    return a ? [{ c, a }] : [];
  });
  const actionsOf = (a: DataRule): DataAction[] => (typeof a === 'string' ? [a] : [a.local, a.external]);
  const used = ACTIONS.filter((a) => rows.some((r) => actionsOf(r.a).includes(a)));
  const byDestination = rows.some((r) => typeof r.a !== 'string');
  return (
    <>
      <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={t('policies.detail.dataCaption')}>
        <table className="table table--compact data-classes-table" data-testid="data-classes-table">
          <caption className="sr-only">{t('policies.detail.dataCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('policies.detail.dataColumns.dataClass')}</th>
              <th scope="col">{t('policies.detail.dataColumns.action')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ c, a }) => (
              <tr key={c} data-class={c} data-action={typeof a === 'string' ? a : `local:${a.local} external:${a.external}`}>
                <th scope="row">
                  {dataClass(c)}
                  {SPECIAL_CATEGORIES.includes(c) ? (
                    <span className="d-block small-text weight-normal">{t('policies.detail.special')}</span>
                  ) : null}
                </th>
                <td>
                  {typeof a === 'string' ? (
                    <span className={ACTION_BADGE[a]} data-testid="action">
                      {action(a)}
                    </span>
                  ) : (
                    // The rule depends on where the text goes: the municipality's own servers or an external model.
                    <ul className="nobullet-list compact-list">
                      {(['local', 'external'] as const).map((d) => (
                        <li key={d} data-testid={`action-${d}`}>
                          {t(`policies.detail.destination.${d}`)}{' '}
                          <span className={ACTION_BADGE[a[d]]}>{action(a[d])}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="action-legend" data-testid="action-legend">
        {used.map((a) => (
          <div key={a}>
            <dt>
              <span className={ACTION_BADGE[a]}>{action(a)}</span>
            </dt>
            <dd>{t(`policies.detail.actionHelp.${a}`)}</dd>
          </div>
        ))}
        {byDestination ? (
          <div>
            <dt>{t('policies.detail.destination.heading')}</dt>
            <dd>{t('policies.detail.destination.help')}</dd>
          </div>
        ) : null}
      </dl>
    </>
  );
}
