// @vitest-environment jsdom
import type { UserSummary } from '@contracts/users.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
});
