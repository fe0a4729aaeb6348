import { FAILURE_TYPE_LABELS } from '../../contracts/experiences.js';
import { CRITERION_VERDICT_LABELS, DECISION_OUTCOME_LABELS, type Measure } from '../../contracts/insights.js';
import { criterionText, criterionValueText, type DecisionCriterion } from '../../contracts/trials.js';
import { ASSISTANT_NAMES, CLASS_WORDS, PROVIDER_NAMES } from '../policies/policy-rules.service.js';
import type { ReportData } from './insights.service.js';

/** Every text in the report passes through here: titles, reflections and rationales are typed by people. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
const e = escapeHtml;
// Numbers and dates as the app writes them (web/src/lib/format.ts, insights/components/format.ts): Danish
// grouping and decimal comma, one decimal at most, shares in whole per cent, dates as "5. jan. 2026" in
// Copenhagen time. A printed report that reads "2026-01-05" and "1234.5" looks like another system's.
const NUMBER = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat('da-DK', { style: 'percent', maximumFractionDigits: 0 });
const DAY = new Intl.DateTimeFormat('da-DK', { dateStyle: 'medium', timeZone: 'Europe/Copenhagen' });
const num = (n: number) => e(NUMBER.format(n));
const pct = (x: number) => e(PERCENT.format(x));
const date = (d: Date | string) => e(DAY.format(new Date(d)));
/** The board's sentence for a figure withheld below three persons. */
const SUPPRESSED = 'Færre end 3 personer – vises ikke, så ingen kan genkendes.';

function text(s: string): string {
  return s.trim() ? e(s).replace(/\n/g, '<br>') : '<em>Ikke udfyldt.</em>';
}

/** A measure that is not shown says why, in the words the board uses. */
function withMeasure<T>(m: Measure<T>, render: (v: T) => string): string {
  if (m.status === 'ok') return render(m.value);
  return `<p class="note">${e(m.reason)}</p>`;
}

function table(head: string[], rows: (string | number)[][]): string {
  const th = head.map((h) => `<th scope="col">${e(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${typeof c === 'number' ? num(c) : c}</th>` : `<td>${typeof c === 'number' ? num(c) : c}</td>`)).join('')}</tr>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.8rem;margin-bottom:.25rem}h2{font-size:1.3rem;border-bottom:2px solid #1a1a1a;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin-top:1.25rem}
.meta{color:#444}.note{font-style:italic;color:#444}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#eee}td{font-variant-numeric:tabular-nums}
blockquote{border-left:4px solid #999;margin:.5rem 0;padding:.25rem .75rem;background:#f6f6f6}
dl{display:grid;grid-template-columns:12rem 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
.decision{border:2px solid #1a1a1a;padding:.75rem 1rem;margin:.75rem 0;break-inside:avoid}
@page{size:A4;margin:18mm 16mm}
@media print{body{margin:0;max-width:none;font-size:10.5pt}h2{break-after:avoid}table,blockquote,.decision{break-inside:avoid}
.page-break{break-before:page}thead{display:table-header-group}}
`;

type Insights = ReportData['insights'];

/** The report's sections, each rendered to HTML, in the order the page shows them. */
interface ReportSections {
  participation: string;
  outcomes: string;
  edits: string;
  minutes: string;
  usefulness: string;
  again: string;
  failures: string;
  guard: string;
  providers: string;
  reflections: string;
  criteria: string;
  decisions: string;
}

/** The learning report of a trial: one standalone HTML page (no scripts, no external assets) that prints to PDF. */
export function renderReport(d: ReportData): string {
  const i = d.insights;
  // Every heading and label below is the one the board uses for the same figure (web/src/app/i18n/da.ts,
  // `insights`); a test holds the two together.
  return reportPage(d, {
    participation: participationTable(i.participation),
    ...reviewTables(i),
    ...experienceTables(i),
    ...guardTables(i),
    reflections: reflectionsSection(i, d.selected),
    criteria: criteriaSection(i.criteria),
    decisions: decisionsSection(i.decisions),
  });
}

function participationTable(p: Insights['participation']): string {
  return table(
    ['', 'Personer'],
    [
      ['Inviterede', p.invited],
      ['Har bekræftet introduktionen', p.briefed],
      ['Har brugt en assistent i perioden', p.shareActive === null ? num(p.active) : `${num(p.active)} (${pct(p.shareActive)})`],
      [
        'Kørsler pr. person',
        p.runsPerPerson.status === 'ok'
          ? `Median ${num(p.runsPerPerson.value.median)}, færrest ${num(p.runsPerPerson.value.min)}, flest ${num(p.runsPerPerson.value.max)}.`
          : e(p.runsPerPerson.reason),
      ],
    ],
  );
}

/** What the drafts became after human review, and how much the edited ones were changed. */
function reviewTables(i: Insights): Pick<ReportSections, 'outcomes' | 'edits'> {
  const outcomes = withMeasure(i.outcomes, (o) =>
    table(
      ['Udfald', 'Kørsler'],
      [
        ['Godkendt uændret', o.approvedAsIs],
        ['Rettet og godkendt', o.edited],
        ['Afvist', o.rejected],
        ['Venter på vurdering', o.awaitingReview],
        ['I alt', o.total],
      ],
    ),
  );
  const edits = withMeasure(i.editSize, (s) => table(['Ændrede tegn i rettede udkast', 'Tegn'], [['Median', s.median], ['Gennemsnit', s.mean], ['Højst', s.max]]));
  return { outcomes, edits };
}

/** The participants' experience logs: minutes saved, usefulness, would use again, failure types. */
function experienceTables(i: Insights): Pick<ReportSections, 'minutes' | 'usefulness' | 'again' | 'failures'> {
  const minutes = withMeasure(i.minutesSaved, (m) =>
    table(
      ['Assistent', 'Minutter i alt', 'Median (minutter)', 'Kørsler med erfaringslog'],
      [
        ['Alle assistenter', m.total, m.median, '–'],
        ...m.perAssistant.map((a): (string | number)[] => [e(ASSISTANT_NAMES[a.assistant].da), a.total, a.median, a.runs]),
      ],
    ) + (m.suppressedAssistants.length ? `<p class="note">${e(m.suppressedAssistants.map((a) => ASSISTANT_NAMES[a].da).join(', '))}: ${e(SUPPRESSED.charAt(0).toLowerCase() + SUPPRESSED.slice(1))}</p>` : ''),
  );
  const usefulness = withMeasure(i.usefulness, (u) =>
    table(['Svar', 'Antal svar'], [...u.distribution.map((n, k): (string | number)[] => [String(k + 1), n]), ['Gennemsnit', u.mean]]),
  );
  const again = withMeasure(i.wouldUseAgain, (w) => table(['Svar', 'Antal svar'], [['Ja', w.yes], ['Nej', w.no], ['Andel ja', pct(w.shareYes)]]));
  const failures = withMeasure(i.failureTypes, (fs) => table(['Fejltype', 'Antal'], fs.map((f) => [e(FAILURE_TYPE_LABELS[f.type].da), f.count])));
  return { minutes, usefulness, again, failures };
}

/** What the guard refused or masked, and which providers and models the runs went to. */
function guardTables(i: Insights): Pick<ReportSections, 'guard' | 'providers'> {
  const guard = withMeasure(i.guard, (g) =>
    table(
      ['Oplysning', 'Antal fund'],
      [
        ['Afviste forespørgsler', g.blockedRuns],
        ['Forespørgsler, hvor oplysninger blev erstattet med pladsholdere', g.maskedRuns],
        ...g.blocked.map((b): (string | number)[] => [`Afvist: ${e(CLASS_WORDS[b.dataClass].da[1])}`, b.count]),
        ...g.masked.map((b): (string | number)[] => [`Maskeret: ${e(CLASS_WORDS[b.dataClass].da[1])}`, b.count]),
      ],
    ),
  );
  const providers = withMeasure(i.providers, (ps) =>
    table(
      ['Leverandør', 'Model', 'Kørsler', 'Tokens ind', 'Tokens ud'],
      ps.map((x) => [e(PROVIDER_NAMES[x.provider as keyof typeof PROVIDER_NAMES]?.da ?? x.provider), e(x.model), x.runs, x.promptTokens, x.completionTokens]),
    ),
  );
  return { guard, providers };
}

/** The reflections the leader chose for the report, or why there are none. */
function reflectionsSection(i: Insights, selected: ReportData['selected']): string {
  return i.reflections.status !== 'ok'
    ? `<p class="note">${e(i.reflections.reason)}</p>`
    : selected.length
      ? selected.map((r) => `<blockquote><p>${text(r.text)}</p><p class="meta">${date(r.createdAt)}</p></blockquote>`).join('')
      : '<p class="note">Der er ikke valgt refleksioner til rapporten.</p>';
}

/** The charter's success criteria as the board computes them now. */
function criteriaSection(criteria: Insights['criteria']): string {
  return criteria.length
    ? table(
        ['Kriterium', 'Skøn', '95 %-konfidensinterval', 'Vurdering'],
        criteria.map((x): string[] =>
          x.result.status === 'ok'
            ? [
                e(criterionText(x.criterion)),
                `${e(criterionValueText(x.criterion.measure, x.result.value.estimate))} (${num(x.result.value.n)} ${x.result.value.method === 'wilson' ? 'svar' : 'værdier'}, ${num(x.result.people)} personer)`,
                `${e(criterionValueText(x.criterion.measure, x.result.value.low))} – ${e(criterionValueText(x.criterion.measure, x.result.value.high))}`,
                `<strong>${e(CRITERION_VERDICT_LABELS[x.result.value.verdict].da)}</strong>`,
              ]
            : [e(criterionText(x.criterion)), e(x.result.reason), '–', x.result.status === 'empty' ? e(CRITERION_VERDICT_LABELS.undecided.da) : '–'],
        ),
      ) +
      '<p class="note">Opfyldt: hele intervallet ligger på den rigtige side af grænsen. Ikke opfyldt: hele intervallet ligger på den forkerte side. Ellers kan det ikke afgøres endnu. Andele: Wilson-interval; medianer og gennemsnit: bootstrap over personer.</p>'
    : '<p class="note">Rammen har ingen målbare succeskriterier.</p>';
}

/** The success criteria as they stood when a decision was made, recorded with it. */
function decisionCriteria(cs: DecisionCriterion[]): string {
  return cs.length
    ? `<h4>Succeskriterier ved beslutningen</h4><ul>${cs
        .map(
          (c) =>
            `<li>${e(criterionText(c.criterion))}: ${
              c.verdict && c.estimate !== null && c.low !== null && c.high !== null
                ? `${e(criterionValueText(c.criterion.measure, c.estimate))} (${e(criterionValueText(c.criterion.measure, c.low))} – ${e(criterionValueText(c.criterion.measure, c.high))}), <strong>${e(CRITERION_VERDICT_LABELS[c.verdict].da)}</strong>`
                : e(c.reason ?? '')
            }</li>`,
        )
        .join('')}</ul>`
    : '';
}

/** Every adopt / adjust / stop decision with its rationale, evidence and criteria. */
function decisionsSection(decisions: Insights['decisions']): string {
  return decisions.length
    ? decisions
        .map(
          (x) => `<div class="decision"><h3>Beslutning: ${e(DECISION_OUTCOME_LABELS[x.outcome].da)}</h3>
<p class="meta">${date(x.createdAt)} · ${e(x.decidedBy.name)}</p>
<h4>Begrundelse</h4><p>${text(x.rationale)}</p><h4>Grundlag</h4><p>${text(x.evidence)}</p>${decisionCriteria(x.criteria)}</div>`,
        )
        .join('')
    : '<p class="note">Der er endnu ikke truffet en beslutning.</p>';
}

/** The charter the trial was run under, as the report's first section. */
function charterSection(c: ReportData['charter']): string {
  return `<section>
<h2>Rammen</h2>
<dl>
<dt>Formål</dt><dd>${text(c.purpose)}</dd>
<dt>Hypotese</dt><dd>${text(c.hypothesis)}</dd>
<dt>Succeskriterier</dt><dd>${text(c.successCriteria)}</dd>
<dt>Afdeling</dt><dd>${e(c.unit)}</dd>
<dt>Periode</dt><dd>${date(c.startsAt)} – ${date(c.endsAt)}</dd>
<dt>Assistenter</dt><dd>${e(c.assistants.join(', '))}</dd>
<dt>Datapolitik</dt><dd>${e(c.policy)}</dd>
</dl>
</section>`;
}

/** The standalone page around the sections: head, styles, header, the sections in order and the footer. */
function reportPage(d: ReportData, s: ReportSections): string {
  const c = d.charter;
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Læringsrapport – ${e(c.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<p class="meta">Læringsrapport · ${e(d.trial.unit.name)} · udskrevet ${date(d.generatedAt)}</p>
<h1>${e(c.title)}</h1>
${d.insights.emptyReason ? `<p class="note">${e(d.insights.emptyReason)}</p>` : ''}
</header>
${charterSection(c)}
<section>
<h2>Kommer alle med?</h2>
${s.participation}
<h2>Hvad blev udkastene til?</h2>
${s.outcomes}
<h3>Hvor meget blev rettet?</h3>
${s.edits}
</section>
<section class="page-break">
<h2>Sparet tid</h2>
<p class="note">Deltagernes eget skøn i erfaringsloggen. Et negativt tal betyder, at det tog længere tid.</p>
${s.minutes}
<h2>Hvor brugbare var udkastene?</h2>
<p class="note">1 = ikke brugbart, 5 = meget brugbart.</p>
${s.usefulness}
<h2>Vil deltagerne bruge assistenten igen?</h2>
${s.again}
<h2>Fejltyper</h2>
${s.failures}
<h2>Afviste og maskerede forespørgsler</h2>
${s.guard}
<h2>Sprogmodeller og forbrug</h2>
${s.providers}
</section>
<section class="page-break">
<h2>Refleksioner</h2>
<p class="note">Udvalgt til rapporten af prøvehandlingens leder.</p>
${s.reflections}
<h2>Succeskriterier</h2>
${s.criteria}
<h2>Beslutning</h2>
${s.decisions}
</section>
<footer><p class="meta">Tal, der bygger på færre end 3 personer, vises ikke, så ingen kan genkendes. Der vises aldrig tekster fra kørslerne her.</p></footer>
</body>
</html>
`;
}
