import { minutesTemplate, type MinutesSection, type MinutesTemplateId } from './minutes.templates.js';
import type { Minutes } from './minutes.types.js';

/** A table cell: a pipe or a line break inside would break the Markdown table. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** "[1, 3]" after a decision or task: the transcript places it rests on (details.references.sources). */
const cited = (ids: number[] | undefined) => (ids?.length ? ` [${ids.join(', ')}]` : '');

function list(items: string[] | undefined, refs: number[][] | undefined, empty: string): string {
  return items?.length ? items.map((d, i) => `- ${d}${cited(refs?.[i])}`).join('\n') : `_${empty}_`;
}

function section(m: Minutes, s: MinutesSection): string[] {
  const refs = m.references;
  switch (s.kind) {
    case 'attendees':
      return [list(m.attendees, undefined, s.empty)];
    case 'agenda':
      return [m.agenda?.length ? m.agenda.map((a, i) => `${i + 1}. ${a}`).join('\n') : `_${s.empty}_`];
    case 'decisions':
      return [list(m.decisions, refs?.decisions, s.empty)];
    case 'proposals':
      return [list(m.proposals, refs?.proposals, s.empty)];
    case 'information':
      return [list(m.information, undefined, s.empty)];
    case 'summary':
      return [m.summary || `_${s.empty}_`];
    case 'actionItems': {
      if (!m.actionItems.length) return [`_${s.empty}_`];
      const rows = m.actionItems.map((a, i) => `| ${cell(a.owner ?? 'Ikke aftalt')} | ${cell(a.task)}${cited(refs?.actionItems[i])} | ${cell(a.due ?? 'Ingen frist')} |`);
      return ['| Ansvarlig | Opgave | Frist |', '| --- | --- | --- |', ...rows];
    }
  }
}

/**
 * The draft: Danish minutes in Markdown, written by code from the structured (validated) minutes under the
 * headings of the meeting's template, so a language model cannot add headings, links or anything the structure
 * does not hold. Numbers in brackets point at the transcript places in `details.references`.
 */
export function renderMinutes(m: Minutes, notice?: string, template?: MinutesTemplateId): string {
  const t = minutesTemplate(template);
  const lines: string[] = [];
  if (notice) lines.push(`> ${notice}`, '');
  lines.push(`# ${t.title}`, '');
  for (const s of t.sections) {
    // A template's optional parts are left out when the engine gave nothing for them at all.
    if ((s.kind === 'proposals' && !m.proposals?.length) || (s.kind === 'agenda' && m.agenda === undefined)) continue;
    lines.push(`## ${s.heading}`, '', ...section(m, s), '');
  }
  if (m.references?.sources.length) {
    lines.push('## Henvisninger til udskriften', '');
    for (const r of m.references.sources) {
      const where = [r.at, `linje ${r.line}`].filter(Boolean).join(', ');
      lines.push(`${r.id}. ${r.speaker ? `${r.speaker} (${where})` : `(${where})`}: ”${r.text.replace(/\s*\n\s*/g, ' ')}”`);
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}
