// @vitest-environment jsdom
import type { TranscriptRef } from '@contracts/minutes.js';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupWebTests } from '../../../test/harness';
import { DraftText } from './draft-text';
import { minutesToPlainText } from './minutes-text';

setupWebTests();

// What the server's renderer (minutes.render.ts) writes for a MED-udvalg meeting, with references.
const DRAFT = [
  '> Offline-motor: referatet er lavet med faste regler.',
  '',
  '# Referat af MED-udvalgsmøde',
  '',
  '## Deltagere',
  '',
  '- Anna Holm',
  '- Bo Lind',
  '',
  '## Beslutninger',
  '',
  '- Vi søger puljen. [1, 2]',
  '',
  '## Opfølgning',
  '',
  '| Ansvarlig | Opgave | Frist |',
  '| --- | --- | --- |',
  '| Bo Lind | Skrive ansøgningen [2] | inden fredag |',
  '',
  '## Henvisninger til udskriften',
  '',
  '1. Anna Holm (linje 1): ”Kan vi ikke søge puljen?”',
].join('\n');
const SOURCES: TranscriptRef[] = [
  { id: 1, line: 1, speaker: 'Anna Holm', text: 'Kan vi ikke søge puljen?' },
  { id: 2, line: 2, speaker: 'Bo Lind', text: 'Jo, det gør vi. Jeg skriver ansøgningen inden fredag.' },
];
const details = { summary: '', attendees: [], decisions: [], actionItems: [], references: { sources: SOURCES, decisions: [[1, 2]], actionItems: [[2]] } };
const show = (assistant: 'minutes' | 'letter', text: string, d: Record<string, unknown> | null) =>
  // setupWebTests loads the app's Danish texts; the component reads them like any page does.
  render(
    <div data-testid="draft">
      <DraftText assistant={assistant} text={text} details={d} />
    </div>,
  );

describe('minutes shown as minutes, not as Markdown', () => {
  it('shows headings, lists and the task table, and no Markdown signs', () => {
    show('minutes', DRAFT, details);
    const draft = screen.getByTestId('draft');
    expect(within(draft).getByRole('heading', { name: 'Referat af MED-udvalgsmøde' })).toBeTruthy();
    expect(within(draft).getByRole('heading', { name: 'Beslutninger' })).toBeTruthy();
    expect(within(draft).getAllByRole('listitem').map((li) => li.textContent)).toContain('Anna Holm');
    const table = within(draft).getByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Ansvarlig' })).toBeTruthy();
    expect(within(table).getByRole('cell', { name: 'Bo Lind' })).toBeTruthy();
    const text = draft.textContent ?? '';
    expect(text).not.toMatch(/#|\| ---|^- |\n- /);
    expect(text).not.toContain('| Bo Lind |');
  });

  it('a reference opens the words of the transcript it rests on', () => {
    show('minutes', DRAFT, details);
    expect(screen.queryByTestId('minutes-ref-text')).toBeNull();
    const [decisionRef] = screen.getAllByTestId('minutes-ref');
    expect(decisionRef!.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(decisionRef!);
    expect(decisionRef!.getAttribute('aria-expanded')).toBe('true');
    const quote = screen.getByTestId('minutes-ref-text').textContent ?? '';
    expect(quote).toContain('Kan vi ikke søge puljen?');
    expect(quote).toContain('Bo Lind');
    expect(quote).toContain('Linje 2');
    // The draft's own list of references is replaced by the buttons.
    expect(screen.queryByRole('heading', { name: 'Henvisninger til udskriften' })).toBeNull();
  });

  it('a letter stays the plain text it is; minutes copy as text without Markdown', () => {
    show('letter', '# Ikke en overskrift', null);
    expect(screen.queryByRole('heading')).toBeNull();
    expect(screen.getByTestId('draft').textContent).toBe('# Ikke en overskrift');
    const plain = minutesToPlainText(DRAFT);
    expect(plain).toContain('Referat af MED-udvalgsmøde');
    expect(plain).toContain('• Anna Holm');
    expect(plain).not.toMatch(/^#|\| ---/m);
  });
});
