import { FAILURE_TYPE_LABELS } from '../../contracts/experiences.js';
import { DECISION_OUTCOME_LABELS, type Measure } from '../../contracts/insights.js';
import { ASSISTANT_NAMES, CLASS_WORDS } from '../policies/policy.words.js';
import type { ReportData } from './insights.service.js';
import { copenhagenDate } from './insights.measures.js';

/** Every text in the report passes through here: titles, reflections and rationales are typed by people. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
const e = escapeHtml;
const num = (n: number) => e(String(n).replace('.', ','));
const pct = (x: number) => `${num(Math.round(x * 100))} %`;
const date = (d: Date | string) => e(copenhagenDate(new Date(d)));

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

/** The learning report of a trial: one standalone HTML page (no scripts, no external assets) that prints to PDF. */
export function renderReport(d: ReportData): string {
  const i = d.insights;
  const c = d.charter;
  const p = i.participation;

  const participation = table(
    ['Mål', 'Værdi'],
    [
      ['Inviterede', p.invited],
      ['Har læst introduktionen', p.briefed],
      ['Aktive (mindst én kørsel)', p.active],
      ['Andel aktive', p.shareActive === null ? '–' : pct(p.shareActive)],
      [
        'Kørsler pr. person',
        p.runsPerPerson.status === 'ok'
          ? `median ${num(p.runsPerPerson.value.median)} (fra ${num(p.runsPerPerson.value.min)} til ${num(p.runsPerPerson.value.max)})`
          : e(p.runsPerPerson.reason),
      ],
    ],
  );

  const outcomes = withMeasure(i.outcomes, (o) =>
    table(
      ['Udfald', 'Kørsler'],
      [
        ['Godkendt uden rettelser', o.approvedAsIs],
        ['Rettet og godkendt', o.edited],
        ['Afvist', o.rejected],
        ['Afventer vurdering', o.awaitingReview],
        ['I alt', o.total],
      ],
    ),
  );
  const edits = withMeasure(i.editSize, (s) => table(['Rettelsernes størrelse (tegn)', 'Værdi'], [['Median', s.median], ['Gennemsnit', s.mean], ['Største', s.max]]));
  const minutes = withMeasure(i.minutesSaved, (m) =>
    table(
      ['Sparede minutter', 'I alt', 'Median', 'Kørsler'],
      [
        ['Alle assistenter', m.total, m.median, '–'],
        ...m.perAssistant.map((a): (string | number)[] => [e(ASSISTANT_NAMES[a.assistant].da), a.total, a.median, a.runs]),
      ],
    ) + (m.suppressedAssistants.length ? `<p class="note">${e(m.suppressedAssistants.map((a) => ASSISTANT_NAMES[a].da).join(', '))}: færre end 3 personer – vises ikke.</p>` : ''),
  );
  const usefulness = withMeasure(i.usefulness, (u) =>
    table(['Brugbarhed', 'Antal'], [...u.distribution.map((n, k): (string | number)[] => [String(k + 1), n]), ['Gennemsnit', u.mean]]),
  );
  const again = withMeasure(i.wouldUseAgain, (w) => table(['Vil bruge igen', 'Antal'], [['Ja', w.yes], ['Nej', w.no], ['Andel ja', pct(w.shareYes)]]));
  const guard = withMeasure(i.guard, (g) =>
    table(
      ['Datatjek', 'Antal'],
      [
        ['Afviste forespørgsler', g.blockedRuns],
        ['Forespørgsler med maskerede oplysninger', g.maskedRuns],
        ...g.blocked.map((b): (string | number)[] => [`Afvist: ${e(CLASS_WORDS[b.dataClass].da[1])}`, b.count]),
        ...g.masked.map((b): (string | number)[] => [`Maskeret: ${e(CLASS_WORDS[b.dataClass].da[1])}`, b.count]),
      ],
    ),
  );
  const providers = withMeasure(i.providers, (ps) =>
    table(['Udbyder og model', 'Kørsler', 'Input-tokens', 'Output-tokens'], ps.map((x) => [`${e(x.provider)} / ${e(x.model)}`, x.runs, x.promptTokens, x.completionTokens])),
  );
  const failures = withMeasure(i.failureTypes, (fs) => table(['Fejltype', 'Antal'], fs.map((f) => [e(FAILURE_TYPE_LABELS[f.type].da), f.count])));

  const reflections =
    i.reflections.status !== 'ok'
      ? `<p class="note">${e(i.reflections.reason)}</p>`
      : d.selected.length
        ? d.selected.map((r) => `<blockquote><p>${text(r.text)}</p><p class="meta">${date(r.createdAt)}</p></blockquote>`).join('')
        : '<p class="note">Der er ikke valgt refleksioner til rapporten.</p>';

  const decisions = i.decisions.length
    ? i.decisions
        .map(
          (x) => `<div class="decision"><h3>Beslutning: ${e(DECISION_OUTCOME_LABELS[x.outcome].da)}</h3>
<p class="meta">${date(x.createdAt)} · ${e(x.decidedBy.name)}</p>
<h4>Begrundelse</h4><p>${text(x.rationale)}</p><h4>Grundlag</h4><p>${text(x.evidence)}</p></div>`,
        )
        .join('')
    : '<p class="note">Der er endnu ikke truffet en beslutning.</p>';

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
${i.emptyReason ? `<p class="note">${e(i.emptyReason)}</p>` : ''}
</header>
<section>
<h2>Kommissorium</h2>
<dl>
<dt>Formål</dt><dd>${text(c.purpose)}</dd>
<dt>Hypotese</dt><dd>${text(c.hypothesis)}</dd>
<dt>Succeskriterier</dt><dd>${text(c.successCriteria)}</dd>
<dt>Enhed</dt><dd>${e(c.unit)}</dd>
<dt>Periode</dt><dd>${date(c.startsAt)} – ${date(c.endsAt)}</dd>
<dt>Assistenter</dt><dd>${e(c.assistants.join(', '))}</dd>
<dt>Datapolitik</dt><dd>${e(c.policy)}</dd>
</dl>
</section>
<section>
<h2>Deltagelse</h2>
${participation}
<h2>Udkastenes udfald</h2>
${outcomes}
<h3>Rettelser</h3>
${edits}
</section>
<section class="page-break">
<h2>Tidsbesparelse og brugbarhed</h2>
${minutes}
<h3>Brugbarhed (1 = ikke brugbart, 5 = meget brugbart)</h3>
${usefulness}
<h3>Vil bruge assistenten igen</h3>
${again}
<h2>Fejltyper</h2>
${failures}
<h2>Datatjek og forbrug</h2>
${guard}
${providers}
</section>
<section class="page-break">
<h2>Udvalgte refleksioner</h2>
${reflections}
<h2>Beslutning</h2>
${decisions}
</section>
<footer><p class="meta">Tal, der bygger på færre end 3 personer, vises ikke, så ingen kan genkendes. Rapporten indeholder ingen tekster fra kørslerne.</p></footer>
</body>
</html>
`;
}
