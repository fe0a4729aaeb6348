// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';
import { makeRegister } from '../test-fixtures';

setupWebTests();

describe('the public AI register', () => {
  it('when a signed-out visitor follows the footer link, then the published trials are shown with policy, oversight and decision', async () => {
    const api = fakeApi(null, { 'GET /api/public/register': { status: 200, body: makeRegister() } });
    const { router } = renderApp('/log-ind');
    fireEvent.click(await screen.findByRole('link', { name: 'AI-registret: offentliggjorte prøvehandlinger' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'AI-registret' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/ai-register');
    const entry = await screen.findByTestId('register-entry');
    expect(within(entry).getByRole('heading', { level: 2, name: 'Klarsprog i breve' })).toBeTruthy();
    expect(entry.textContent).toContain('Borgerbreve i klarsprog');
    expect(entry.textContent).toContain('Breve til borgere');
    expect(entry.textContent).toContain('Afsluttet');
    expect(within(entry).getByRole('heading', { name: 'Regler for data: Breve til borgere med pseudonymisering' })).toBeTruthy();
    expect(within(entry).getByRole('heading', { name: 'Det må medarbejderne ikke' })).toBeTruthy();
    expect(entry.textContent).toContain('Medarbejderne må ikke bruge tekster med helbredsoplysninger.');
    expect(screen.getByTestId('register-oversight').textContent).toBe('En medarbejder læser og godkender hvert udkast, før det bruges.');
    expect(screen.getByTestId('register-decision').textContent).toContain('Indfør');
    expect(screen.getByTestId('register-decision').textContent).toContain('Brevene blev lettere at læse.');
    const standards = within(screen.getByTestId('register-standards'));
    expect(standards.getByRole('link', { name: /Algoritmeregister/ }).getAttribute('href')).toBe('/api/public/register/algoritmeregister.json');
    expect(standards.getByRole('link', { name: /ATRS v3\.0/ }).getAttribute('href')).toBe('/api/public/register/atrs.json');
    // Not sent to the sign-in page, and no menu for signed-in people.
    expect(screen.queryByRole('navigation', { name: 'Hovedmenu' })).toBeNull();
    expect(api.calls('GET', '/api/public/register')).toHaveLength(1);
  });

  it('when nothing is published, then the register says so', async () => {
    fakeApi(makeUser('EMPLOYEE'), { 'GET /api/public/register': { status: 200, body: makeRegister({ trials: [] }) } });
    renderApp('/ai-register');
    expect((await screen.findByTestId('register-empty')).textContent).toBe('Der er ingen offentliggjorte prøvehandlinger lige nu.');
  });
});
