// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';

setupWebTests();

const event = (seq: number) => ({
  seq,
  at: '2026-01-10T09:30:00.000Z',
  actorId: 'u-dig',
  actorRole: 'DIGITAL_UNIT',
  action: 'auth.login',
  resourceType: 'session',
  resourceId: null,
  unitId: null,
  details: {},
  hash: `h${seq}`,
});

describe('audit trail page', () => {
  it('shows the latest events, loads older ones, and reports an intact chain', async () => {
    const dig = makeUser('DIGITAL_UNIT');
    const api = fakeApi(dig, {
      'GET /api/users': { status: 200, body: { users: [] } },
      'GET /api/audit': (req) =>
        req.path === '/api/audit' && api.calls('GET', '/api/audit').length === 1
          ? { status: 200, body: { events: [event(3), event(2)], nextBefore: 2 } }
          : { status: 200, body: { events: [event(1)], nextBefore: null } },
      'GET /api/audit/verify': { status: 200, body: { ok: true, checked: 3, firstBroken: null } },
    });
    renderApp('/revisionsspor');

    const table = await screen.findByTestId('audit-table');
    expect(within(table).getAllByRole('row')).toHaveLength(3); // header + 2
    expect(within(table).getAllByText('Loggede ind')).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Indlæs flere' }));
    expect(await screen.findByText('Der er ikke flere hændelser.')).toBeTruthy();
    expect(within(screen.getByTestId('audit-table')).getAllByRole('row')).toHaveLength(4);

    fireEvent.click(screen.getByRole('button', { name: 'Kontrollér kæden' }));
    expect(await screen.findByText('Revisionssporet er intakt (3 hændelser kontrolleret)')).toBeTruthy();
  });

  it('names the first broken link when the chain does not hold', async () => {
    fakeApi(makeUser('DIGITAL_UNIT'), {
      'GET /api/users': { status: 200, body: { users: [] } },
      'GET /api/audit': { status: 200, body: { events: [event(1)], nextBefore: null } },
      'GET /api/audit/verify': {
        status: 200,
        body: { ok: false, checked: 7, firstBroken: { seq: 5, reason: 'hash_mismatch' } },
      },
    });
    renderApp('/revisionsspor');
    await screen.findByTestId('audit-table');

    fireEvent.click(screen.getByRole('button', { name: 'Kontrollér kæden' }));

    expect(
      await screen.findByText(
        'Revisionssporet er brudt ved hændelse nr. 5: hændelsens indhold passer ikke med dens kontrolsum.',
      ),
    ).toBeTruthy();
  });
});
