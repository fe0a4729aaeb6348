// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorBody, fakeApi, makeUser, renderApp, setupWebTests, TRIALS } from '../../test/harness';

setupWebTests();

describe('route guards', () => {
  it('when the session expires on the server, then the next request sends the person to sign in and back again', async () => {
    const leader = makeUser('LEADER');
    let expired = true;
    const api = fakeApi(leader, {
      'GET /api/trials': () => {
        if (!expired) return { status: 200, body: TRIALS };
        api.setUser(null);
        return {
          status: 401,
          body: errorBody('SESSION_EXPIRED', 'Din session er udløbet. Log ind igen for at fortsætte.'),
        };
      },
      'POST /api/auth/login': () => {
        expired = false;
        return { status: 200, body: { user: leader } };
      },
    });
    const { router } = renderApp('/proevehandlinger');

    expect(await screen.findByRole('heading', { level: 1, name: 'Log ind på arbejdsbænken' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/log-ind');
    expect(screen.getByText('Din session er udløbet. Log ind igen for at fortsætte.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('E-mailadresse'), { target: { value: leader.email } });
    fireEvent.change(screen.getByLabelText('Adgangskode'), { target: { value: 'Demo-Workbench-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log ind' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Prøvehandlinger' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/proevehandlinger');
    expect(await screen.findByText('Klarsprog i breve')).toBeTruthy();
  });

  it('an unknown address shows "Siden findes ikke" to a signed-in person', async () => {
    fakeApi(makeUser('EMPLOYEE'));
    renderApp('/findes-ikke');
    expect(await screen.findByRole('heading', { level: 1, name: 'Siden findes ikke' })).toBeTruthy();
    // The title is set in an effect, which can run a moment after the heading is in the page.
    await waitFor(() => expect(document.title).toBe('Siden findes ikke – AI-prøvehandlinger – Rødovre Kommune'));
  });

  it('when the server cannot be reached, then the page says so in Danish and offers to try again', async () => {
    fakeApi(null, { 'GET /api/auth/me': { status: 503, body: errorBody('NOT_READY', 'Arbejdsbænken starter. Prøv igen om lidt.') } });
    renderApp('/');
    expect(await screen.findByText('Arbejdsbænken starter. Prøv igen om lidt.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Prøv igen' })).toBeTruthy();
  });
});
