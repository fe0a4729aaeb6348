import { FAILURE_TYPE_LABELS } from '@contracts/experiences.js';
import type { TrialInsights } from '@contracts/insights.js';
import type { AssistantId } from '@contracts/policies.js';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import { ChartFigure, DataTable } from './chart-figure';
import { Bars } from './charts';
import { round1, useNumbers } from './format';
import { MeasureView } from './measure-view';

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-6" data-testid={`section-${id}`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {children}
    </section>
  );
}

/** "Kommer alle med?": counts of people are always shown; the spread of runs per person needs 3 people. */
export function ParticipationSection({ insights }: { insights: TrialInsights }) {
  const { t } = useTranslation();
  const { n, share } = useNumbers();
  const p = insights.participation;
  return (
    <Section id="participation" heading={t('insights.participation.heading')}>
      <dl data-testid="participation">
        <dt>{t('insights.participation.invited')}</dt>
        <dd data-testid="participation-invited">{n(p.invited)}</dd>
        <dt>{t('insights.participation.briefed')}</dt>
        <dd data-testid="participation-briefed">{n(p.briefed)}</dd>
        <dt>{t('insights.participation.active')}</dt>
        <dd data-testid="participation-active">
          {n(p.active)}
          {p.shareActive === null ? null : ` (${share(p.shareActive)})`}
        </dd>
      </dl>
      <h3 className="h4">{t('insights.participation.runsPerPerson')}</h3>
      <MeasureView measure={p.runsPerPerson} testId="measure-runs-per-person">
        {(v) => <p>{t('insights.participation.spread', { median: n(v.median), min: n(v.min), max: n(v.max) })}</p>}
      </MeasureView>
    </Section>
  );
}

export function RunsOverTimeSection({ insights }: { insights: TrialInsights }) {
  const { t, i18n } = useTranslation();
  const assistants = insights.trial.assistants;
  const buckets = insights.runsOverTime;
  const name = (a: AssistantId) => t(`trials.assistants.${a}`);
  const rows = buckets.map((b) => {
    const row: Record<string, string | number> = { week: b.week.replace(/^\d{4}-W/, t('insights.runsOverTime.weekPrefix')) };
    for (const a of assistants) row[a] = b.counts.find((c) => c.assistant === a)?.runs ?? 0;
    return row;
  });
  const total = buckets.reduce((s, b) => s + b.counts.reduce((x, c) => x + c.runs, 0), 0);
  return (
    <Section id="runs-over-time" heading={t('insights.runsOverTime.heading')}>
      {total === 0 ? (
        <p data-testid="runs-over-time-empty">{t('insights.empty.noRuns')}</p>
      ) : (
        <ChartFigure
          heading={t('insights.runsOverTime.chartHeading')}
          summary={t('insights.runsOverTime.summary', {
            total: t('count.runs', { count: total }),
            weeks: t('count.weeks', { count: buckets.length }),
            from: formatDate(buckets[0]?.weekStart ?? '', i18n.language),
            assistants: assistants.map(name).join(', '),
          })}
          columns={[
            { key: 'week', label: t('insights.runsOverTime.week') },
            ...assistants.map((a) => ({ key: a, label: name(a), numeric: true })),
          ]}
          rows={rows}
          testId="chart-runs-over-time"
        >
          <Bars data={rows} categoryKey="week" series={assistants.map((a) => ({ key: a, name: name(a) }))} stacked />
        </ChartFigure>
      )}
    </Section>
  );
}

export function OutcomesSection({ insights }: { insights: TrialInsights }) {
  const { t } = useTranslation();
  const { n, share } = useNumbers();
  return (
    <Section id="outcomes" heading={t('insights.outcomes.heading')}>
      <MeasureView measure={insights.outcomes} testId="measure-outcomes">
        {(o) => (
          <DataTable
            caption={t('insights.outcomes.heading')}
            testId="outcomes-table"
            columns={[
              { key: 'label', label: t('insights.outcomes.outcome') },
              { key: 'count', label: t('insights.outcomes.runs'), numeric: true },
              { key: 'share', label: t('insights.outcomes.share'), numeric: true },
            ]}
            rows={(['approvedAsIs', 'edited', 'rejected', 'awaitingReview'] as const).map((k) => ({
              label: t(`insights.outcomes.${k}`),
              count: n(o[k]),
              share: o.total ? share(o[k] / o.total) : '–',
            }))}
          />
        )}
      </MeasureView>
      <h3 className="h4">{t('insights.editSize.heading')}</h3>
      <p className="form-hint">{t('insights.editSize.hint')}</p>
      <MeasureView measure={insights.editSize} testId="measure-edit-size">
        {(e) => <p>{t('insights.editSize.value', { median: n(e.median), mean: n(e.mean), max: n(e.max) })}</p>}
      </MeasureView>
    </Section>
  );
}

/** The optional no-AI baseline: the participants' own time for a task without the assistant, beside the time saved. */
export function BaselineSection({ insights }: { insights: TrialInsights }) {
  const { t } = useTranslation();
  const { share } = useNumbers();
  return (
    <Section id="baseline" heading={t('insights.baseline.heading')}>
      <p className="form-hint">{t('insights.baseline.hint')}</p>
      <MeasureView measure={insights.baseline} testId="measure-baseline">
        {(b) => (
          <p data-testid="baseline-value">
            {t('insights.baseline.without', { minutes: t('count.minutes', { count: round1(b.medianWithout) }) })}{' '}
            {b.medianSaved === null || b.shareSaved === null
              ? t('insights.baseline.noSaved')
              : t('insights.baseline.saved', { minutes: t('count.minutes', { count: round1(b.medianSaved) }), share: share(b.shareSaved) })}
          </p>
        )}
      </MeasureView>
    </Section>
  );
}

export function MinutesSavedSection({ insights }: { insights: TrialInsights }) {
  const { t } = useTranslation();
  const { n } = useNumbers();
  return (
    <Section id="minutes" heading={t('insights.minutes.heading')}>
      <p className="form-hint">{t('insights.minutes.hint')}</p>
      <MeasureView measure={insights.minutesSaved} testId="measure-minutes">
        {(m) => (
          <>
            <p data-testid="minutes-total">{t('insights.minutes.value', { total: t('count.minutes', { count: round1(m.total) }), median: t('count.minutes', { count: round1(m.median) }) })}</p>
            <DataTable
              caption={t('insights.minutes.perAssistant')}
              captionVisible
              testId="minutes-table"
              columns={[
                { key: 'assistant', label: t('insights.columns.assistant') },
                { key: 'runs', label: t('insights.minutes.runs'), numeric: true },
                { key: 'total', label: t('insights.minutes.total'), numeric: true },
                { key: 'median', label: t('insights.minutes.median'), numeric: true },
              ]}
              rows={[
                ...m.perAssistant.map((a) => ({
                  assistant: t(`trials.assistants.${a.assistant}`),
                  runs: n(a.runs),
                  total: n(a.total),
                  median: n(a.median),
                })),
                // An assistant used by 1-2 people keeps its row, so the table says why its figures are missing.
                ...(m.suppressedAssistants ?? []).map((a) => ({
                  assistant: t(`trials.assistants.${a}`),
                  runs: t('insights.board.suppressedCell'),
                  total: '',
                  median: '',
                })),
              ]}
            />
          </>
        )}
      </MeasureView>
    </Section>
  );
}

export function ExperienceSection({ insights }: { insights: TrialInsights }) {
  const { t } = useTranslation();
  const { n, share } = useNumbers();
  const pick = useLocalized();
  return (
    <Section id="experience" heading={t('insights.experience.heading')}>
      <MeasureView measure={insights.usefulness} testId="measure-usefulness">
        {(u) => {
          const rows = u.distribution.map((count, i) => ({ answer: String(i + 1), count }));
          return (
            <ChartFigure
              heading={t('insights.usefulness.heading')}
              summary={t('insights.usefulness.summary', {
                mean: n(u.mean),
                answers: n(u.distribution.reduce((s, c) => s + c, 0)),
              })}
              columns={[
                { key: 'answer', label: t('insights.usefulness.answer') },
                { key: 'count', label: t('insights.usefulness.count'), numeric: true },
              ]}
              rows={rows.map((r) => ({ answer: t(`experience.scale.${r.answer as '1'}`), count: n(r.count) }))}
              testId="chart-usefulness"
            >
              <Bars data={rows} categoryKey="answer" series={[{ key: 'count', name: t('insights.usefulness.count') }]} />
            </ChartFigure>
          );
        }}
      </MeasureView>

      <h3 className="h4">{t('insights.failureTypes.heading')}</h3>
      <MeasureView measure={insights.failureTypes} testId="measure-failure-types">
        {(types) => {
          const rows = types.map((f) => ({ type: pick(FAILURE_TYPE_LABELS[f.type]), count: f.count }));
          const top = types[0];
          return (
            <ChartFigure
              heading={t('insights.failureTypes.chartHeading')}
              summary={
                top && top.count > 0
                  ? t('insights.failureTypes.summary', { type: pick(FAILURE_TYPE_LABELS[top.type]), count: top.count })
                  : t('insights.failureTypes.none')
              }
              columns={[
                { key: 'type', label: t('insights.failureTypes.type') },
                { key: 'count', label: t('insights.failureTypes.count'), numeric: true },
              ]}
              rows={rows.map((r) => ({ type: r.type, count: n(r.count) }))}
              testId="chart-failure-types"
            >
              <Bars data={rows} categoryKey="type" series={[{ key: 'count', name: t('insights.failureTypes.count') }]} layout="vertical" />
            </ChartFigure>
          );
        }}
      </MeasureView>

      <h3 className="h4">{t('insights.wouldUseAgain.heading')}</h3>
      <MeasureView measure={insights.wouldUseAgain} testId="measure-would-use-again">
        {(w) => <p>{t('insights.wouldUseAgain.value', { yes: n(w.yes), no: n(w.no), share: share(w.shareYes) })}</p>}
      </MeasureView>
    </Section>
  );
}

export function GuardSection({ insights }: { insights: TrialInsights }) {
  const { t } = useTranslation();
  const { n } = useNumbers();
  const byClass = (items: { dataClass: string; count: number }[], caption: string, testId: string) =>
    items.length === 0 ? (
      <p>{t('insights.guard.none')}</p>
    ) : (
      <DataTable
        caption={caption}
        captionVisible
        testId={testId}
        columns={[
          { key: 'dataClass', label: t('insights.guard.dataClass') },
          { key: 'count', label: t('insights.guard.count'), numeric: true },
        ]}
        rows={items.map((i) => ({ dataClass: t(`policies.dataClasses.${i.dataClass as 'CPR'}`), count: n(i.count) }))}
      />
    );
  return (
    <Section id="guard" heading={t('insights.guard.heading')}>
      <MeasureView measure={insights.guard} testId="measure-guard">
        {(g) => (
          <>
            <p>{t('insights.guard.value', { blocked: t('count.runs', { count: g.blockedRuns }), masked: t('count.runs', { count: g.maskedRuns }) })}</p>
            {byClass(g.blocked, t('insights.guard.blocked'), 'guard-blocked')}
            {byClass(g.masked, t('insights.guard.masked'), 'guard-masked')}
          </>
        )}
      </MeasureView>
    </Section>
  );
}

export function ProvidersSection({ insights }: { insights: TrialInsights }) {
  const { t } = useTranslation();
  const { n } = useNumbers();
  return (
    <Section id="providers" heading={t('insights.providers.heading')}>
      <MeasureView measure={insights.providers} testId="measure-providers">
        {(list) => (
          <DataTable
            caption={t('insights.providers.heading')}
            testId="providers-table"
            columns={[
              { key: 'provider', label: t('insights.providers.provider') },
              { key: 'model', label: t('insights.providers.model') },
              { key: 'runs', label: t('insights.providers.runs'), numeric: true },
              { key: 'prompt', label: t('insights.providers.promptTokens'), numeric: true },
              { key: 'completion', label: t('insights.providers.completionTokens'), numeric: true },
            ]}
            rows={list.map((p) => ({
              provider: t(`policies.providers.${p.provider}`),
              model: p.model,
              runs: n(p.runs),
              prompt: n(p.promptTokens),
              completion: n(p.completionTokens),
            }))}
          />
        )}
      </MeasureView>
    </Section>
  );
}

/** Reflections without names; the administrator picks which go into the printable learning report. */
export function ReflectionsSection({
  insights,
  selected,
  onToggle,
}: {
  insights: TrialInsights;
  selected: string[];
  onToggle: (id: string, on: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Section id="reflections" heading={t('insights.reflections.heading')}>
      <MeasureView measure={insights.reflections} testId="measure-reflections">
        {(list) =>
          list.length === 0 ? (
            <p>{t('insights.reflections.none')}</p>
          ) : (
            <fieldset>
              <legend className="form-label">{t('insights.reflections.pick')}</legend>
              <ul className="nobullet-list" data-testid="insight-reflections">
                {list.map((r) => (
                  <li key={r.id} className="mb-4">
                    <input
                      id={`reflection-${r.id}`}
                      type="checkbox"
                      className="form-checkbox"
                      checked={selected.includes(r.id)}
                      onChange={(e) => onToggle(r.id, e.target.checked)}
                    />
                    <label htmlFor={`reflection-${r.id}`}>
                      <span style={{ whiteSpace: 'pre-wrap' }}>{r.text}</span>{' '}
                      <span className="small-text">({formatDateTime(r.createdAt, i18n.language)})</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )
        }
      </MeasureView>
    </Section>
  );
}
