import type { TrialInsights } from '@contracts/insights.js';
import { CriteriaSection } from '../components/criteria-section';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, AsyncErrorRegion } from '../../../components/alert';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { Loading, Page } from '../../../components/page';
import { formatDate } from '../../../lib/format';
import { reportPath, useTrialForInsights, useTrialInsights } from '../api/insights';
import { DecisionForm, DecisionList, PublicationToggle } from '../components/decisions';
import { ExportButtons } from '../components/export-buttons';
import { useReasonText } from '../components/measure-view';
import { PeriodFilter } from '../components/period-filter';
import {
  BaselineSection,
  ExperienceSection,
  GuardSection,
  MinutesSavedSection,
  OutcomesSection,
  ParticipationSection,
  ProvidersSection,
  ReflectionsSection,
  RunsOverTimeSection,
} from '../components/trial-measures';
import { buttonClass } from '../../../components/button';

/** When the trial's measures cannot be had (not found, not allowed, or the request failed): why, and the way back. */
function TrialInsightsUnavailable({ trialId, error }: { trialId: string; error: Error | null }) {
  const { t } = useTranslation();
  return (
    <Page title={t('insights.trial.unavailable')}>
      <AsyncErrorRegion error={error} />
      <p>
        <Link to={`/proevehandlinger/${encodeURIComponent(trialId)}`}>{t('insights.trial.backToTrial')}</Link>
      </p>
    </Page>
  );
}

/** The exports for the chosen period, and the printable learning report with the reflections picked above. */
function ExportsSection({
  insights,
  period,
  selected,
}: {
  insights: TrialInsights;
  period: { from: string; to: string };
  selected: string[];
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="exports-heading" className="mt-6" data-testid="exports">
      <h2 id="exports-heading">{t('insights.exports.heading')}</h2>
      <p>{t('insights.exports.intro')}</p>
      <ExportButtons trialId={insights.trial.id} period={{ from: period.from || undefined, to: period.to || undefined }} />
      <h3 className="h4">{t('insights.report.heading')}</h3>
      <p>
        {insights.reflections.status === 'ok' && insights.reflections.value.length > 0
          ? t('insights.report.pickHint', { count: selected.length })
          : t('insights.report.noReflections')}
      </p>
      <a
        href={reportPath(insights.trial.id, selected)}
        target="_blank"
        rel="noopener noreferrer"
        className={buttonClass('primary')}
        data-testid="report-link"
      >
        {t('insights.report.print')}
        <span className="sr-only"> {t('insights.report.newTab')}</span>
      </a>
    </section>
  );
}

/** The decisions taken so far and the form for the next (not before the trial has started). */
function DecisionsSection({ insights, published }: { insights: TrialInsights; published: boolean | undefined }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="decisions-heading" className="mt-6" data-testid="decisions">
      <h2 id="decisions-heading">{t('insights.decision.heading')}</h2>
      <DecisionList decisions={insights.decisions} />
      <DecisionForm
        trialId={insights.trial.id}
        disabledReason={insights.trial.status === 'DRAFT' ? t('insights.decision.notStarted') : null}
        published={published}
      />
    </section>
  );
}

/**
 * A trial's overview for its administrators (the leader of its unit and the digital unit): the measures, each in
 * its state (shown, suppressed for fewer than 3 people, or empty), the exports, the learning report and the decision.
 */
export function TrialInsightsPage() {
  const { trialId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const reasonText = useReasonText();
  const [search, setSearch] = useSearchParams();
  const period = { from: search.get('from') ?? '', to: search.get('to') ?? '' };
  const insights = useTrialInsights(trialId, { from: period.from || undefined, to: period.to || undefined });
  const trial = useTrialForInsights(trialId);
  const [selected, setSelected] = useState<string[]>([]);

  if (insights.isPending) return <Loading />;
  if (insights.error || !insights.data) {
    return <TrialInsightsUnavailable trialId={trialId} error={insights.error} />;
  }
  const data = insights.data.insights;
  const trialPage = `/proevehandlinger/${encodeURIComponent(data.trial.id)}`;
  const onToggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('trials.heading'), to: '/proevehandlinger' },
          { label: data.trial.title, to: trialPage },
          { label: t('insights.trial.crumb') },
        ]}
        label={t('trials.breadcrumbsLabel')}
      />
      <Page
        title={t('insights.trial.title', { title: data.trial.title })}
        lead={t('insights.trial.lead', {
          unit: data.trial.unit.name,
          start: formatDate(data.trial.period.startsAt, i18n.language),
          end: formatDate(data.trial.period.endsAt, i18n.language),
          status: t(`trials.status.${data.trial.status}`),
        })}
        testId="trial-insights-page"
      >
        <p className="form-hint">{t('insights.trial.privacy')}</p>
        <PeriodFilter
          key={`${period.from}|${period.to}`}
          applied={period}
          onApply={(v) => {
            const next = new URLSearchParams();
            if (v.from) next.set('from', v.from);
            if (v.to) next.set('to', v.to);
            setSearch(next);
          }}
        />
        {data.emptyReason ? (
          <div className="mt-5" data-testid="insights-empty">
            <Alert variant="info">
              <p className="m-0">{reasonText(data.emptyReason)}</p>
            </Alert>
          </div>
        ) : null}

        <ParticipationSection insights={data} />
        <RunsOverTimeSection insights={data} />
        <OutcomesSection insights={data} />
        <MinutesSavedSection insights={data} />
        <BaselineSection insights={data} />
        <ExperienceSection insights={data} />
        <GuardSection insights={data} />
        <ProvidersSection insights={data} />
        <CriteriaSection insights={data} />
        <ReflectionsSection insights={data} selected={selected} onToggle={onToggle} />

        <ExportsSection insights={data} period={period} selected={selected} />

        <DecisionsSection insights={data} published={trial.data?.trial.published} />

        {trial.data ? <PublicationToggle trial={trial.data.trial} /> : null}
        <p className="mt-6">
          <Link to={trialPage}>{t('insights.trial.backToTrial')}</Link>
        </p>
      </Page>
    </>
  );
}
