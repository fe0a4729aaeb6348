// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CSRF_TOKEN, errorBody, fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';

setupWebTests();

function fillAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('E-mailadresse'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Adgangskode'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Log ind' }));
}

describe('sign-in page', () => {
  it('when a person who is not signed in opens a page, then they are sent to sign in with a labelled form', async () => {
    fakeApi(null);
    const { router } = renderApp('/proevehandlinger');

    expect(await screen.findByRole('heading', { level: 1, name: 'Log ind på arbejdsbænken' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/log-ind');
    expect(screen.getByLabelText('E-mailadresse').getAttribute('type')).toBe('email');
    expect(screen.getByLabelText('Adgangskode').getAttribute('type')).toBe('password');
    // The title is set in an effect, which can run a moment after the heading is in the page.
    await waitFor(() => expect(document.title).toBe('Log ind – AI-prøvehandlinger – Rødovre Kommune'));
  });

  it('when the server refuses the password, then the error summary shows its Danish message and takes focus', async () => {
    const message = 'E-mailadressen eller adgangskoden er forkert. Prøv igen.';
    const api = fakeApi(null, {
      'POST /api/auth/login': { status: 401, body: errorBody('INVALID_CREDENTIALS', message) },
    });
    renderApp('/log-ind');
    await screen.findByLabelText('E-mailadresse');

    fillAndSubmit('  Leder@Demo.Rodovre.dk ', 'forkert-kode');

    const summary = await screen.findByTestId('login-error-summary');
    expect(within(summary).getByRole('heading', { name: 'Der er et problem' })).toBeTruthy();
    expect(summary.textContent).toContain(message);
    await waitFor(() => expect(document.activeElement).toBe(summary));
    // The rejected password is not kept in the field.
    expect((screen.getByLabelText('Adgangskode') as HTMLInputElement).value).toBe('');

    const [login] = api.calls('POST', '/api/auth/login');
    expect(login?.body).toEqual({ email: 'leder@demo.rodovre.dk', password: 'forkert-kode' });
    expect(login?.headers.get('x-csrf-token')).toBe(CSRF_TOKEN);
    expect(login?.credentials).toBe('same-origin');
  });

  it('when the fields are empty, then each field gets an error tied to it and nothing is sent', async () => {
    const api = fakeApi(null);
    renderApp('/log-ind');
    await screen.findByLabelText('E-mailadresse');

    fireEvent.click(screen.getByRole('button', { name: 'Log ind' }));

    const email = screen.getByLabelText('E-mailadresse');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const described = email.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(described)?.textContent).toContain('Skriv din e-mailadresse.');
    const password = screen.getByLabelText('Adgangskode');
    expect(document.getElementById(password.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'Skriv din adgangskode.',
    );
    const summary = screen.getByTestId('login-error-summary');
    expect(within(summary).getByRole('link', { name: 'Skriv din e-mailadresse.' }).getAttribute('href')).toBe(
      '#login-email',
    );
    expect(api.calls('POST', '/api/auth/login')).toHaveLength(0);
  });

  it('when a field with an error is filled in, then its error goes at once and only the other field keeps one', async () => {
    fakeApi(null);
    renderApp('/log-ind');
    await screen.findByLabelText('E-mailadresse');
    fireEvent.click(screen.getByRole('button', { name: 'Log ind' }));
    const summary = await screen.findByTestId('login-error-summary');
    expect(within(summary).getAllByRole('link')).toHaveLength(2);

    fireEvent.change(screen.getByLabelText('E-mailadresse'), { target: { value: 'leder@demo.rodovre.dk' } });

    const email = screen.getByLabelText('E-mailadresse');
    expect(email.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText('Skriv din e-mailadresse.')).toBeNull();
    expect(within(screen.getByTestId('login-error-summary')).getAllByRole('link').map((a) => a.textContent)).toEqual(['Skriv din adgangskode.']);

    fireEvent.change(screen.getByLabelText('Adgangskode'), { target: { value: 'noget' } });
    expect(screen.queryByTestId('login-error-summary')).toBeNull();
  });

  it('when sign-in succeeds, then the person lands on the front page for their role', async () => {
    const leader = makeUser('LEADER');
    fakeApi(null, { 'POST /api/auth/login': { status: 200, body: { user: leader } } });
    const { router } = renderApp('/log-ind');
    await screen.findByLabelText('E-mailadresse');

    fillAndSubmit('leder@demo.rodovre.dk', 'Demo-Workbench-2026');

    expect(await screen.findByRole('heading', { level: 1, name: 'Min afdelings prøvehandlinger' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
    expect(screen.getByTestId('header-user').textContent).toContain('Lars Leder');
    expect(screen.getByTestId('header-user-info').textContent).toBe('Leder, Borgerservice');
  });

  describe('with the organisation’s identity provider configured', () => {
    const oidc = { label: 'Log ind med din arbejdskonto', startUrl: '/api/auth/oidc/start', logoutUrl: '/api/auth/oidc/logout' };

    it('the work-account button comes first and leads to the provider with the page the person wanted', async () => {
      fakeApi(null, { 'GET /api/auth/config': { status: 200, body: { passwordLogin: true, oidc } } });
      renderApp('/koersler');
      const button = await screen.findByRole('link', { name: 'Log ind med din arbejdskonto' });
      expect(button.getAttribute('href')).toBe('/api/auth/oidc/start?returnTo=%2Fkoersler');
      // The password form is still there, below the button.
      const password = screen.getByLabelText('Adgangskode');
      expect(button.compareDocumentPosition(password) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(screen.getByRole('heading', { level: 2, name: 'Log ind med e-mail og adgangskode' })).toBeTruthy();
    });

    it('with password sign-in off, the form is only the folded-away emergency access', async () => {
      fakeApi(null, { 'GET /api/auth/config': { status: 200, body: { passwordLogin: false, oidc } } });
      renderApp('/log-ind');
      await screen.findByRole('link', { name: 'Log ind med din arbejdskonto' });
      const details = screen.getByTestId('break-glass');
      expect(details.tagName).toBe('DETAILS');
      expect((details as HTMLDetailsElement).open).toBe(false);
      expect(within(details).getByText('Nødadgang med adgangskode')).toBeTruthy();
      expect(screen.queryByRole('heading', { name: 'Log ind med e-mail og adgangskode' })).toBeNull();
    });
  });
});
