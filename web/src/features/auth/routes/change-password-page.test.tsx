// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorBody, fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';

setupWebTests();

function fill(label: string, value: string) {
  fireEvent.change(within(screen.getByTestId('change-password-form')).getByLabelText(label), { target: { value } });
}

describe('changing one’s own password', () => {
  it('when a person follows "Skift adgangskode" in the header and changes it, then the change is sent and confirmed', async () => {
    const leader = makeUser('LEADER');
    const api = fakeApi(leader, { 'POST /api/auth/password': { status: 200, body: { user: leader } } });
    const { router } = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Min afdelings prøvehandlinger' });

    fireEvent.click(screen.getAllByTestId('change-password-link')[0]!);

    const h1 = await screen.findByRole('heading', { level: 1, name: 'Skift adgangskode' });
    expect(router.state.location.pathname).toBe('/skift-adgangskode');
    await waitFor(() => expect(document.activeElement).toBe(h1));
    await waitFor(() => expect(document.title).toBe('Skift adgangskode – AI-prøvehandlinger – Rødovre Kommune'));
    fill('Nuværende adgangskode', 'den-gamle-adgangskode');
    fill('Ny adgangskode', 'en helt ny lang sætning');
    fill('Gentag den nye adgangskode', 'en helt ny lang sætning');
    fireEvent.click(screen.getByRole('button', { name: 'Skift adgangskode' }));

    expect(await screen.findByText('Din adgangskode er skiftet. Du er logget ud alle andre steder.')).toBeTruthy();
    expect(api.calls('POST', '/api/auth/password').map((r) => r.body)).toEqual([
      { currentPassword: 'den-gamle-adgangskode', newPassword: 'en helt ny lang sætning' },
    ]);
    expect((screen.getByLabelText('Ny adgangskode') as HTMLInputElement).value).toBe('');
    expect(screen.getByLabelText('Ny adgangskode').getAttribute('autocomplete')).toBe('new-password');
  });

  it('when the current password is wrong, then the server’s Danish message is shown at that field and the summary takes focus', async () => {
    const message = 'Den nuværende adgangskode er forkert. Skriv den adgangskode, du loggede ind med.';
    fakeApi(makeUser('EMPLOYEE'), {
      'POST /api/auth/password': {
        status: 400,
        body: errorBody('WRONG_CURRENT_PASSWORD', message, [{ path: ['currentPassword'], message }]),
      },
    });
    renderApp('/skift-adgangskode');
    await screen.findByTestId('change-password-form');

    fill('Nuværende adgangskode', 'forkert-forkert');
    fill('Ny adgangskode', 'en helt ny lang sætning');
    fill('Gentag den nye adgangskode', 'en helt ny lang sætning');
    fireEvent.click(screen.getByRole('button', { name: 'Skift adgangskode' }));

    const summary = await screen.findByTestId('change-password-errors');
    expect(within(summary).getByRole('link', { name: message }).getAttribute('href')).toBe('#change-password-currentPassword');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const current = screen.getByLabelText('Nuværende adgangskode') as HTMLInputElement;
    expect(current.getAttribute('aria-invalid')).toBe('true');
    expect(current.value).toBe('');
  });

  it('when the new passwords differ or the new one is short, then the form says so and sends nothing', async () => {
    const api = fakeApi(makeUser('EMPLOYEE'));
    renderApp('/skift-adgangskode');
    await screen.findByTestId('change-password-form');

    fill('Nuværende adgangskode', 'den-gamle-adgangskode');
    fill('Ny adgangskode', 'en helt ny lang sætning');
    fill('Gentag den nye adgangskode', 'en anden lang sætning');
    fireEvent.click(screen.getByRole('button', { name: 'Skift adgangskode' }));
    expect(await screen.findByRole('link', { name: 'De to nye adgangskoder er ikke ens. Skriv den samme i begge felter.' })).toBeTruthy();

    fill('Ny adgangskode', 'kort');
    fireEvent.click(screen.getByRole('button', { name: 'Skift adgangskode' }));
    expect(await screen.findByRole('link', { name: 'Den nye adgangskode skal være mindst 12 tegn.' })).toBeTruthy();
    expect(api.calls('POST', '/api/auth/password')).toHaveLength(0);
  });
});

describe('a password reset by the digital unit', () => {
  it('when a person signs in with a temporary password, then they are held on "Vælg en ny adgangskode" and continue where they were going', async () => {
    const flagged = makeUser('EMPLOYEE', { mustChangePassword: true });
    const api = fakeApi(null, {
      'POST /api/auth/login': { status: 200, body: { user: flagged } },
      'POST /api/auth/password': () => {
        const user = { ...flagged, mustChangePassword: false };
        api.setUser(user);
        return { status: 200, body: { user } };
      },
    });
    const { router } = renderApp('/proevehandlinger');
    await screen.findByRole('heading', { level: 1, name: 'Log ind på arbejdsbænken' });
    fireEvent.change(screen.getByLabelText('E-mailadresse'), { target: { value: flagged.email } });
    fireEvent.change(screen.getByLabelText('Adgangskode'), { target: { value: 'k7mq-3xfa-9rtw-pe2h' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log ind' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Vælg en ny adgangskode' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/skift-adgangskode');
    expect(screen.getByText(/nulstillet af Digital Udvikling/)).toBeTruthy();
    // Nowhere else to go: the main menu is not offered, and other addresses lead back here.
    expect(screen.queryByRole('navigation', { name: 'Hovedmenu' })).toBeNull();
    expect(api.calls('GET', '/api/trials')).toHaveLength(0);

    fill('Midlertidig adgangskode', 'k7mq-3xfa-9rtw-pe2h');
    fill('Ny adgangskode', 'min egen lange sætning');
    fill('Gentag den nye adgangskode', 'min egen lange sætning');
    fireEvent.click(screen.getByRole('button', { name: 'Skift adgangskode' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Prøvehandlinger' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/proevehandlinger');
    expect(screen.getByRole('navigation', { name: 'Hovedmenu' })).toBeTruthy();
    expect(api.calls('POST', '/api/auth/password').map((r) => r.body)).toEqual([
      { currentPassword: 'k7mq-3xfa-9rtw-pe2h', newPassword: 'min egen lange sætning' },
    ]);
  });

  it('when the person switches to English on the forced page, then it speaks English', async () => {
    fakeApi(makeUser('LEADER', { mustChangePassword: true }));
    renderApp('/koersler');
    expect(await screen.findByRole('heading', { level: 1, name: 'Vælg en ny adgangskode' })).toBeTruthy();

    fireEvent.click(screen.getAllByRole('button', { name: 'Change language to English' })[0]!);

    expect(await screen.findByRole('heading', { level: 1, name: 'Choose a new password' })).toBeTruthy();
    expect(screen.getByLabelText('Temporary password')).toBeTruthy();
  });
});
