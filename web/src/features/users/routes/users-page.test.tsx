// @vitest-environment jsdom
import type { UserSummary } from '@contracts/users.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { errorBody, fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';

setupWebTests();

const units = {
  units: [
    { id: 'unit-bs', name: 'Borgerservice', code: 'BORGERSERVICE', parentId: null },
    { id: 'unit-dig', name: 'Digital Udvikling', code: 'DIGITAL', parentId: null },
  ],
};

const summary = (u: ReturnType<typeof makeUser>, active = true): UserSummary => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  active,
  mustChangePassword: false,
  sso: false,
  dataProtectionAdviser: false,
  locale: u.locale,
  unit: u.unit,
  lastLoginAt: null,
  createdAt: '2026-01-01T08:00:00.000Z',
});

const me = makeUser('DIGITAL_UNIT');
const employee = makeUser('EMPLOYEE');

function fill(label: string, value: string) {
  fireEvent.change(within(screen.getByTestId('create-user-form')).getByLabelText(label), { target: { value } });
}

describe('users administration', () => {
  it('lists the users; the own row offers no actions, others can be deactivated', async () => {
    const api = fakeApi(me, {
      'GET /api/users': { status: 200, body: { users: [summary(me), summary(employee)] } },
      'GET /api/units': { status: 200, body: units },
      'PATCH /api/users/u-emp': (req) => ({
        status: 200,
        body: { user: { ...summary(employee), ...(req.body as object) } },
      }),
    });
    renderApp('/brugere');

    const table = await screen.findByTestId('users-table');
    const rows = within(table).getAllByTestId('user-row');
    expect(rows.map((r) => r.getAttribute('data-email'))).toEqual([me.email, employee.email]);
    expect(within(rows[0]!).queryByRole('button')).toBeNull();

    fireEvent.click(within(rows[1]!).getByRole('button', { name: 'Deaktivér Mette Medarbejder' }));

    expect(await screen.findByText('Mette Medarbejder er deaktiveret og kan ikke længere logge ind.')).toBeTruthy();
    expect(api.calls('PATCH', '/api/users/u-emp').map((r) => r.body)).toEqual([{ active: false }]);
    expect(within(rows[1]!).getByText('Deaktiveret')).toBeTruthy();
  });

  it('when the e-mail is taken, then the server’s Danish message is shown at the e-mail field', async () => {
    const message = 'Der findes allerede en bruger med den e-mailadresse.';
    const api = fakeApi(me, {
      'GET /api/users': { status: 200, body: { users: [summary(me)] } },
      'GET /api/units': { status: 200, body: units },
      'POST /api/users': { status: 409, body: errorBody('EMAIL_TAKEN', message) },
    });
    renderApp('/brugere');
    await screen.findByTestId('create-user-form');

    fill('Navn', 'Ny Person');
    fill('E-mailadresse', 'ny@demo.rodovre.dk');
    fill('Rolle', 'LEADER');
    fill('Afdeling', 'unit-bs');
    fill('Første adgangskode', 'en-lang-adgangskode');
    fireEvent.click(screen.getByRole('button', { name: 'Opret bruger' }));

    const errors = await screen.findByTestId('create-user-errors');
    expect(within(errors).getByRole('link', { name: message }).getAttribute('href')).toBe('#create-user-email');
    await waitFor(() => expect(document.activeElement).toBe(errors));
    const email = screen.getByLabelText('E-mailadresse');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(api.calls('POST', '/api/users').map((r) => r.body)).toEqual([
      { name: 'Ny Person', email: 'ny@demo.rodovre.dk', role: 'LEADER', unitId: 'unit-bs', password: 'en-lang-adgangskode' },
    ]);
  });

  it('when the password is too short, then the form says so and sends nothing', async () => {
    const api = fakeApi(me, {
      'GET /api/users': { status: 200, body: { users: [summary(me)] } },
      'GET /api/units': { status: 200, body: units },
    });
    renderApp('/brugere');
    await screen.findByTestId('create-user-form');

    fill('Navn', 'Ny Person');
    fill('E-mailadresse', 'ny@demo.rodovre.dk');
    fill('Afdeling', 'unit-bs');
    fill('Første adgangskode', 'kort');
    fireEvent.click(screen.getByRole('button', { name: 'Opret bruger' }));

    expect(await screen.findByRole('link', { name: 'Adgangskoden skal være mindst 12 tegn.' })).toBeTruthy();
    expect(api.calls('POST', '/api/users')).toHaveLength(0);
  });

  it('when the digital unit resets a password, then after confirming the temporary password is shown once with a copy button', async () => {
    const writeText = vi.fn(async () => undefined);
    // jsdom has no clipboard; the page's copy button writes to this one.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    onTestFinished(() => {
      Reflect.deleteProperty(navigator, 'clipboard');
    });
    const api = fakeApi(me, {
      'GET /api/users': { status: 200, body: { users: [summary(me), summary(employee)] } },
      'GET /api/units': { status: 200, body: units },
      'POST /api/users/u-emp/password-reset': {
        status: 200,
        body: { user: { ...summary(employee), mustChangePassword: true }, temporaryPassword: 'k7mq-3xfa-9rtw-pe2h' },
      },
    });
    renderApp('/brugere');
    const table = await screen.findByTestId('users-table');
    const row = within(table).getAllByTestId('user-row')[1]!;
    expect(within(within(table).getAllByTestId('user-row')[0]!).queryByRole('button', { name: /Nulstil/ })).toBeNull();

    fireEvent.click(within(row).getByRole('button', { name: 'Nulstil adgangskode for Mette Medarbejder' }));
    const confirm = await screen.findByTestId('reset-password-confirm');
    expect(confirm.textContent).toContain('bliver logget ud alle steder');
    expect(api.calls('POST', '/api/users/u-emp/password-reset')).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Ja, nulstil adgangskoden' }));

    const panel = await screen.findByTestId('temporary-password');
    expect(within(panel).getByTestId('temporary-password-value').textContent).toBe('k7mq-3xfa-9rtw-pe2h');
    expect(panel.textContent).toContain('vises kun denne ene gang');
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('heading', { name: 'Midlertidig adgangskode til Mette Medarbejder' })));
    expect(api.calls('POST', '/api/users/u-emp/password-reset')).toHaveLength(1);
    expect(screen.queryByTestId('reset-password-confirm')).toBeNull();
    expect(within(row).getByTestId('must-change-password').textContent).toBe('Skal vælge ny adgangskode');

    fireEvent.click(within(panel).getByRole('button', { name: 'Kopiér adgangskoden' }));
    expect(await within(panel).findByText('Adgangskoden er kopieret.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('k7mq-3xfa-9rtw-pe2h');

    fireEvent.click(within(panel).getByRole('button', { name: 'Luk og skjul adgangskoden' }));
    expect(screen.queryByTestId('temporary-password')).toBeNull();
    expect(screen.queryByText('k7mq-3xfa-9rtw-pe2h')).toBeNull();
  });

  it('when the digital unit cancels a reset, then nothing is sent', async () => {
    const api = fakeApi(me, {
      'GET /api/users': { status: 200, body: { users: [summary(me), summary(employee)] } },
      'GET /api/units': { status: 200, body: units },
    });
    renderApp('/brugere');
    const table = await screen.findByTestId('users-table');
    const row = within(table).getAllByTestId('user-row')[1]!;

    fireEvent.click(within(row).getByRole('button', { name: 'Nulstil adgangskode for Mette Medarbejder' }));
    fireEvent.click(within(await screen.findByTestId('reset-password-confirm')).getByRole('button', { name: 'Annullér' }));

    expect(screen.queryByTestId('reset-password-confirm')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(row).getByRole('button', { name: 'Nulstil adgangskode for Mette Medarbejder' })));
    expect(api.requests.filter((r) => r.path.endsWith('/password-reset'))).toHaveLength(0);
  });
});
