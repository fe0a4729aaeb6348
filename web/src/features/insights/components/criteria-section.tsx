import { CRITERION_VERDICT_LABELS, type TrialInsights } from '@contracts/insights.js';
import { criterionText, criterionValueText } from '@contracts/trials.js';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../lib/localized';
import { useNumbers } from './format';
import { useReasonText } from './measure-view';

/**
 * "Blev succeskriterierne nået?": each criterion of the charter with its estimate, 95 % interval and verdict
 * (docs/decisions/0017), or the board's reason when it rests on too few people or on no data yet.
 */
export function CriteriaSection({ insights }: { insights: TrialInsights }) {
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
  const reasonText = useReasonText();
  const { n } = useNumbers();
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'da';
  return (
    <section aria-labelledby="criteria-heading" className="mt-6" data-testid="section-criteria">
      <h2 id="criteria-heading">{t('insights.criteria.heading')}</h2>
      {insights.criteria.length === 0 ? (
        <p data-testid="criteria-none">{t('insights.criteria.none')}</p>
      ) : (
        <>
          <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={t('insights.criteria.heading')}>
            <table className="table table--compact" data-testid="criteria-table">
              <caption className="sr-only">{t('insights.criteria.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('insights.criteria.criterion')}</th>
                  <th scope="col">{t('insights.criteria.estimate')}</th>
                  <th scope="col">{t('insights.criteria.interval')}</th>
                  <th scope="col">{t('insights.criteria.verdict')}</th>
                </tr>
              </thead>
              <tbody>
                {insights.criteria.map(({ criterion: c, result: r }) => (
                  <tr key={c.id} data-testid={`criterion-${c.id}`} data-status={r.status} data-verdict={r.status === 'ok' ? r.value.verdict : undefined}>
                    <th scope="row">{criterionText(c, lang)}</th>
                    {r.status === 'ok' ? (
                      <>
                        <td>
                          {criterionValueText(c.measure, r.value.estimate, lang)}
                          <br />
                          <span className="small-text">
                            {t(r.value.method === 'wilson' ? 'insights.criteria.answers' : 'insights.criteria.values', { count: r.value.n, n: n(r.value.n) })},{' '}
                            {t('insights.criteria.people', { count: r.people, n: n(r.people) })}
                          </span>
                        </td>
                        <td>
                          {criterionValueText(c.measure, r.value.low, lang)} – {criterionValueText(c.measure, r.value.high, lang)}
                        </td>
                        <td>
                          <strong>{pick(CRITERION_VERDICT_LABELS[r.value.verdict])}</strong>
                        </td>
                      </>
                    ) : (
                      <>
                        <td colSpan={2}>{reasonText(r.reason, r.status === 'suppressed')}</td>
                        <td>{r.status === 'empty' ? pick(CRITERION_VERDICT_LABELS.undecided) : '–'}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="form-hint">{t('insights.criteria.rule')}</p>
        </>
      )}
    </section>
  );
}
