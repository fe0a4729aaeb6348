import type { Minutes } from './minutes.types.js';

/** A table cell: a pipe or a line break inside would break the Markdown table. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/**
 * The draft: Danish minutes in Markdown, written by code from the structured (validated) minutes, so a language
 * model cannot add headings, links or anything the structure does not hold.
 */
export function renderMinutes(m: Minutes, notice?: string): string {
  const lines: string[] = [];
  if (notice) lines.push(`> ${notice}`, '');
  lines.push('# Referat', '');
  lines.push('## Deltagere', '');
  lines.push(m.attendees.length ? m.attendees.map((a) => `- ${a}`).join('\n') : '_Deltagerne fremgår ikke af teksten._', '');
  lines.push('## Beslutninger', '');
  lines.push(m.decisions.length ? m.decisions.map((d) => `- ${d}`).join('\n') : '_Teksten nævner ingen beslutninger._', '');
  lines.push('## Opgaver', '');
  if (m.actionItems.length) {
    lines.push('| Ansvarlig | Opgave | Frist |', '| --- | --- | --- |');
    for (const a of m.actionItems) lines.push(`| ${cell(a.owner ?? 'Ikke aftalt')} | ${cell(a.task)} | ${cell(a.due ?? 'Ingen frist')} |`);
  } else {
    lines.push('_Teksten nævner ingen opgaver._');
  }
  lines.push('', '## Resumé', '', m.summary || '_Intet resumé._');
  return lines.join('\n');
}
