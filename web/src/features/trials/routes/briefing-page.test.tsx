// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, makeUser, renderApp, setupWebTests, TRIALS } from '../../../test/harness';
import { makeTrialDetail } from '../../../test/fixtures';
import { makeBriefing } from '../test-fixtures';

setupWebTests();

describe('the briefing', () => {
  it('shows the briefing, the assistant’s failure modes and the policy in plain Danish; acknowledging leads to the trial page', async () => {
    let acknowledged = false;
    const api = fakeApi(makeUser('EMPLOYEE'), {
      'GET /api/trials/t1/briefing': () => ({ status: 200, body: { briefing: makeBriefing({ acknowledged }) } }),
      'POST /api/trials/t1/briefing/acknowledge': () => {
        acknowledged = true;
        return { status: 200, body: { briefing: makeBriefing({ acknowledged: true, briefedAt: '2026-01-06T09:30:00.000Z' }) } };
      },
      'GET /api/trials/t1': () => ({
        status: 200,
        body: {
          trial: makeTrialDetail({
            status: 'ACTIVE',
            isParticipant: true,
            myBriefing: { acknowledged, briefedAt: acknowledged ? '2026-01-06T09:30:00.000Z' : null },
          }),
        },
      }),
      'GET /api/trials/t1/reflections': { status: 200, body: { reflections: [] } },
    });
    renderApp('/proevehandlinger/t1/introduktion');

    expect(await screen.findByRole('heading', { level: 1, name: 'Introduktion til Klarsprog i breve' })).toBeTruthy();
    expect(screen.getByTestId('briefing-text').textContent).toBe('Læs altid udkastet grundigt, før du sender det.');
    const letter = screen.getByTestId('briefing-assistant-letter');
    expect(within(letter).getByText('Den kan opfinde paragraffer.')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Det må du ikke' })).getByText('Du må ikke bruge helbredsoplysninger.')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Det skal du' })).getByText('Du skal læse hvert udkast.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Bekræft' }));
    const summary = await screen.findByTestId('briefing-errors');
    expect(summary.textContent).toContain('Sæt kryds for at bekræfte');
    expect(api.calls('POST', '/api/trials/t1/briefing/acknowledge')).toHaveLength(0);

    fireEvent.click(screen.getByLabelText('Jeg har læst og forstået introduktionen'));
    fireEvent.click(screen.getByRole('button', { name: 'Bekræft' }));

    expect(await screen.findByText('Tak. Du har bekræftet introduktionen og kan nu bruge assistenterne.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Klarsprog i breve' })).toBeTruthy();
    expect(api.calls('POST', '/api/trials/t1/briefing/acknowledge')[0]?.body).toEqual({ briefingRevision: 2 });
    expect(screen.getByRole('link', { name: 'Brug Brev til borger' })).toBeTruthy();
  });

  it('when the box is ticked after the error, then the error goes from the summary and the box; the box is drawn with its label (form-group-checkbox)', async () => {
    fakeApi(makeUser('EMPLOYEE'), {
      'GET /api/trials/t1/briefing': { status: 200, body: { briefing: makeBriefing({ acknowledged: false }) } },
    });
    renderApp('/proevehandlinger/t1/introduktion');
    fireEvent.click(await screen.findByRole('button', { name: 'Bekræft' }));
    expect((await screen.findByTestId('briefing-errors')).textContent).toContain('Sæt kryds for at bekræfte');

    const box = screen.getByLabelText('Jeg har læst og forstået introduktionen');
    expect(box.closest('.form-group-checkbox')).not.toBeNull();
    fireEvent.click(box);

    expect(screen.queryByTestId('briefing-errors')).toBeNull();
    expect(screen.queryByText(/Sæt kryds for at bekræfte/)).toBeNull();
    expect(box.getAttribute('aria-invalid')).toBeNull();
  });

  it('when the participant must read the briefing, then the list and the assistant page point to it instead of the assistant', async () => {
    const trials = {
      trials: [{ ...TRIALS.trials[0], isParticipant: true, briefingRequired: true }],
    };
    fakeApi(makeUser('EMPLOYEE'), { 'GET /api/trials': { status: 200, body: trials } });
    const { router } = renderApp('/proevehandlinger');

    const link = await screen.findByTestId('briefing-required');
    expect(link.getAttribute('href')).toBe('/proevehandlinger/t1/introduktion');
    expect(screen.queryByTestId('use-assistant')).toBeNull();
    expect(screen.getByRole('link', { name: 'Klarsprog i breve' }).getAttribute('href')).toBe('/proevehandlinger/t1');
    expect(screen.queryByRole('link', { name: 'Opret prøvehandling' })).toBeNull();

    await router.navigate('/proevehandlinger/t1/assistent/letter');
    const gate = await screen.findByTestId('briefing-gate');
    expect(within(gate).getByRole('link', { name: 'Læs introduktionen' }).getAttribute('href')).toBe('/proevehandlinger/t1/introduktion');
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('shows leaders the button to create a trial', async () => {
    fakeApi(makeUser('LEADER'));
    renderApp('/proevehandlinger');
    expect((await screen.findByRole('link', { name: 'Opret prøvehandling' })).getAttribute('href')).toBe('/proevehandlinger/ny');
  });
});
