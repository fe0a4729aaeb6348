import type { Role } from '@contracts/auth.js';

export interface NavItem {
  to: string;
  labelKey: 'nav.home' | 'nav.trials' | 'nav.runs' | 'nav.policies' | 'nav.users' | 'nav.audit' | 'nav.retention' | 'nav.jobs' | 'nav.insights';
  /** roles that see the item; the same list guards the route, so the menu never offers a page that says no */
  roles: readonly Role[];
}

const ALL: readonly Role[] = ['EMPLOYEE', 'LEADER', 'DIGITAL_UNIT'];
const DIGITAL_UNIT_ONLY: readonly Role[] = ['DIGITAL_UNIT'];

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.home', roles: ALL },
  { to: '/proevehandlinger', labelKey: 'nav.trials', roles: ALL },
  { to: '/koersler', labelKey: 'nav.runs', roles: ALL },
  { to: '/datapolitikker', labelKey: 'nav.policies', roles: ALL },
  { to: '/indsigt', labelKey: 'nav.insights', roles: DIGITAL_UNIT_ONLY },
  { to: '/brugere', labelKey: 'nav.users', roles: DIGITAL_UNIT_ONLY },
  { to: '/revisionsspor', labelKey: 'nav.audit', roles: DIGITAL_UNIT_ONLY },
  { to: '/opbevaring', labelKey: 'nav.retention', roles: DIGITAL_UNIT_ONLY },
  { to: '/baggrundsjob', labelKey: 'nav.jobs', roles: DIGITAL_UNIT_ONLY },
];

export const ROUTE_ROLES = {
  users: DIGITAL_UNIT_ONLY,
  audit: DIGITAL_UNIT_ONLY,
  retention: DIGITAL_UNIT_ONLY,
  jobs: DIGITAL_UNIT_ONLY,
  insights: DIGITAL_UNIT_ONLY,
} as const;

export const navItemsFor = (role: Role): NavItem[] => NAV_ITEMS.filter((item) => item.roles.includes(role));

/** "/" is current only on the front page; other items also for pages below them. */
export const isCurrent = (item: NavItem, pathname: string): boolean =>
  item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
