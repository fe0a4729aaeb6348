// @vitest-environment jsdom
import { EMPTY_REASONS } from '@contracts/insights.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type FakeRoute, fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';
import { makeBoard } from '../test-fixtures';

setupWebTests();

const UNITS: FakeRoute = {
  status: 200,
  body: {
    units: [
      { id: 'unit-bs', name: 'Borgerservice', code: 'BORGERSERVICE', parentId: null },
      { id: 'unit-dig', name: 'Digital Udvikling', code: 'DIGITAL', parentId: null },
    ],
  },
};

const boardCalls = () =>
  (globalThis.fetch as unknown as { mock: { calls: [string][] } }).mock.calls
    .map((c) => c[0])
    .filter((u) => u.startsWith('/api/insights'));

describe('the cross-trial board (indsigt)', () => {
  it('shows the digital unit every trial side by side, hides small groups in words, and links each trial to its overview', async () => {
    fakeApi(makeUser('DIGITAL_UNIT'), { 'GET /api/insights': { status: 200, body: { board: makeBoard() } }, 'GET /api/units': UNITS });
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Hovedmenu' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Indsigt' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Indsigt på tværs af prøvehandlinger' })).toBeTruthy();
    const table = await screen.findByTestId('board-trials');
    const first = table.querySelector('tr[data-trial="t1"]') as HTMLElement;
    expect(within(first).getByRole('link', { name: 'Klarsprog i breve' }).getAttribute('href')).toBe('/proevehandlinger/t1/indsigt');
    expect(first.textContent).toContain('4 / 3 / 1');
    expect(first.textContent).toContain('75 / 10');
    expect(first.textContent).toContain('3,6');
    expect(first.textContent).toContain('Justér');
    const second = table.querySelector('tr[data-trial="t2"]') as HTMLElement;
    expect(within(second).getAllByText('Vises ikke (under 3 personer)')).toHaveLength(4);
    expect(second.textContent).toContain('Ingen endnu');

    // Per assistant: a chart with a text alternative and a table.
    expect(within(screen.getByTestId('chart-assistants')).getByRole('img').getAttribute('aria-label')).toBe('Brev til borger: 9 kørsler.');
    expect(within(screen.getByTestId('board-assistants')).getByRole('rowheader', { name: 'Brev til borger' })).toBeTruthy();
    expect(screen.getByTestId('board-csv').getAttribute('href')).toBe('/api/insights/export.csv');

    // Sorting by runs, most first, puts the busiest trial on top and says so to screen readers.
    fireEvent.click(within(table).getByRole('button', { name: 'Kørsler' }));
    expect(within(table).getByRole('columnheader', { name: /Kørsler/ }).getAttribute('aria-sort')).toBe('descending');
    expect(table.querySelector('tbody tr')?.getAttribute('data-trial')).toBe('t1');
    fireEvent.click(within(table).getByRole('button', { name: /Kørsler/ }));
    expect(table.querySelector('tbody tr')?.getAttribute('data-trial')).toBe('t2');
  });

  it('when the filters match nothing, then the board says so plainly, offers to widen them, and the CSV link carries the filters', async () => {
    const api = fakeApi(makeUser('DIGITAL_UNIT'), {
      'GET /api/insights': () =>
        boardCalls().at(-1)?.includes('assistant=minutes')
          ? { status: 200, body: { board: makeBoard({ trials: [], assistants: [], emptyReason: EMPTY_REASONS.noTrials }) } }
          : { status: 200, body: { board: makeBoard() } },
      'GET /api/units': UNITS,
    });
    renderApp('/indsigt');
    await screen.findByTestId('board-trials');
    await screen.findByRole('option', { name: 'Digital Udvikling' });

    fireEvent.change(screen.getByLabelText('Afdeling'), { target: { value: 'unit-dig' } });
    fireEvent.change(screen.getByLabelText('Assistent'), { target: { value: 'minutes' } });
    fireEvent.change(screen.getByLabelText('Fra og med'), { target: { value: '2026-01-01' } });
    fireEvent.change(screen.getByLabelText('Til og med'), { target: { value: '2026-01-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vis' }));

    const emptyState = await screen.findByTestId('board-empty');
    expect(emptyState.textContent).toContain('Ingen prøvehandlinger matcher filtrene.');
    expect(emptyState.textContent).toContain('Prøv at fjerne et filter eller vælge en længere periode.');
    expect(boardCalls().at(-1)).toBe('/api/insights?unitId=unit-dig&assistant=minutes&from=2026-01-01&to=2026-01-31');
    expect(screen.queryByTestId('board-trials')).toBeNull();
    expect(within(screen.getByRole('main')).queryByText(/^0$/)).toBeNull();
    expect(screen.getByTestId('board-csv').getAttribute('href')).toBe(
      '/api/insights/export.csv?unitId=unit-dig&assistant=minutes&from=2026-01-01&to=2026-01-31',
    );
    expect(api.calls('GET', '/api/insights').length).toBeGreaterThanOrEqual(2);

    fireEvent.click(screen.getByRole('button', { name: 'Nulstil filtre' }));
    await screen.findByTestId('board-trials');
    expect(boardCalls().at(-1)).toBe('/api/insights');
  });

  it('when "Fra og med" is after "Til og med", then the board says what to correct and asks the server nothing', async () => {
    fakeApi(makeUser('DIGITAL_UNIT'), { 'GET /api/insights': { status: 200, body: { board: makeBoard() } }, 'GET /api/units': UNITS });
    renderApp('/indsigt');
    await screen.findByTestId('board-trials');
    const before = boardCalls().length;
    fireEvent.change(screen.getByLabelText('Fra og med'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('Til og med'), { target: { value: '2026-02-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vis' }));
    expect((await screen.findByRole('alert')).textContent).toBe('"Fra og med" skal ligge før "Til og med". Ret datoerne, og prøv igen.');
    await waitFor(() => expect(boardCalls().length).toBe(before));
  });

  it.each(['EMPLOYEE', 'LEADER'] as const)('when %s opens /indsigt, then there is no access and no board is requested', async (role) => {
    const api = fakeApi(makeUser(role));
    renderApp('/indsigt');
    expect(await screen.findByRole('heading', { level: 1, name: 'Du har ikke adgang til denne side' })).toBeTruthy();
    expect(api.calls('GET', '/api/insights')).toHaveLength(0);
  });
});
