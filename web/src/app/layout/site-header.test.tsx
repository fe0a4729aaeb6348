// @vitest-environment jsdom
import type { Role } from '@contracts/auth.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, makeUser, renderApp, setupWebTests } from '../../test/harness';

setupWebTests();

const HOME_HEADINGS: Record<Role, string> = {
  EMPLOYEE: 'Mine prøvehandlinger',
  LEADER: 'Min afdelings prøvehandlinger',
  DIGITAL_UNIT: 'Overblik på tværs af afdelinger',
};

describe('header and role-aware navigation', () => {
  it.each([
    ['EMPLOYEE', ['Forside', 'Prøvehandlinger', 'Kørsler', 'Datapolitikker']],
    ['LEADER', ['Forside', 'Prøvehandlinger', 'Kørsler', 'Datapolitikker']],
    ['DIGITAL_UNIT', ['Forside', 'Prøvehandlinger', 'Kørsler', 'Datapolitikker', 'Indsigt', 'Brugere', 'Revisionsspor', 'Opbevaring og sletning', 'Baggrundsjob']],
  ] as const)('when %s is signed in, then the main menu offers exactly %j', async (role, expected) => {
    fakeApi(makeUser(role), {
      'GET /api/users': { status: 200, body: { users: [] } },
    });
    renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: HOME_HEADINGS[role] })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Hovedmenu' });
    const links = within(nav).getAllByRole('link').map((a) => a.textContent);
    expect(links).toEqual(expected);
    expect(within(nav).getByRole('link', { name: 'Forside' }).getAttribute('aria-current')).toBe('page');
  });

  it('shows the role in Danish and the unit next to the name, and landmarks around the page', async () => {
    fakeApi(makeUser('DIGITAL_UNIT'));
    renderApp('/');
    await screen.findByRole('heading', { level: 1 });

    expect(screen.getByTestId('header-user-info').textContent).toBe('Digital Udvikling');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main').id).toBe('main-content');
    expect(screen.getByRole('contentinfo')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Gå til sidens indhold' }).getAttribute('href')).toBe('#main-content');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it.each(['EMPLOYEE', 'LEADER'] as const)(
    'when %s opens /brugere directly, then the page says there is no access and no user list is requested',
    async (role) => {
      const api = fakeApi(makeUser(role));
      renderApp('/brugere');

      expect(
        await screen.findByRole('heading', { level: 1, name: 'Du har ikke adgang til denne side' }),
      ).toBeTruthy();
      expect(api.calls('GET', '/api/users')).toHaveLength(0);
    },
  );

  it('when the digital unit follows "Brugere", then the users page opens with the heading focused', async () => {
    fakeApi(makeUser('DIGITAL_UNIT'), {
      'GET /api/users': { status: 200, body: { users: [] } },
      'GET /api/units': { status: 200, body: { units: [] } },
    });
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Hovedmenu' });

    fireEvent.click(within(nav).getByRole('link', { name: 'Brugere' }));

    const h1 = await screen.findByRole('heading', { level: 1, name: 'Brugere' });
    await waitFor(() => expect(document.activeElement).toBe(h1));
    // The title is set in an effect, which can run a moment after the heading is in the page.
    await waitFor(() => expect(document.title).toBe('Brugere – AI-prøvehandlinger – Rødovre Kommune'));
  });

  it('when the person signs out, then they see the sign-in page with a confirmation', async () => {
    const api = fakeApi(makeUser('EMPLOYEE'));
    const { router } = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Mine prøvehandlinger' });

    fireEvent.click(screen.getByTestId('logout'));

    expect(await screen.findByText('Du er nu logget ud.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/log-ind');
    expect(api.calls('POST', '/api/auth/logout')).toHaveLength(1);
    expect(screen.queryByRole('navigation', { name: 'Hovedmenu' })).toBeNull();
  });
});

describe('the mobile menu', () => {
  it('when it is open, then Tab from its last control goes to its first, Shift+Tab back, and Escape closes it', async () => {
    fakeApi(makeUser('EMPLOYEE'));
    renderApp('/');
    await screen.findByRole('heading', { level: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Menu' }));

    const drawer = await screen.findByRole('dialog');
    const controls = [...drawer.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')];
    const first = controls[0]!;
    const last = controls[controls.length - 1]!;
    expect(controls.length).toBeGreaterThan(2);
    await waitFor(() => expect(document.activeElement).toBe(first));

    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
    // Between the ends, Tab is the browser's own: nothing is moved.
    controls[1]!.focus();
    fireEvent.keyDown(controls[1]!, { key: 'Tab' });
    expect(document.activeElement).toBe(controls[1]);

    fireEvent.keyDown(controls[1]!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
