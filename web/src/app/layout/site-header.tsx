import type { CurrentUser } from '@contracts/auth.js';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { keepTabInside } from '../../components/focus-trap';
import { Icon } from '../../components/icon';
import { CHANGE_PASSWORD_PATH } from '../../features/auth/routes/change-password-page';
import { useLogout } from '../../lib/session';
import { LanguageSwitch } from './language-switch';
import { isCurrent, navItemsFor } from './nav-items';

/** "Leder, Borgerservice"; only once when role and unit have the same name (Digital Udvikling). */
function useUserInfo(user: CurrentUser): string {
  const { t } = useTranslation();
  const role = t(`roles.${user.role}`);
  return role === user.unit.name ? role : t('header.userInfo', { role, unit: user.unit.name });
}

function NavList({ user, onNavigate }: { user: CurrentUser; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <ul className="mainmenu">
      {navItemsFor(user.role).map((item) => {
        const current = isCurrent(item, pathname);
        return (
          <li key={item.to} className={current ? 'active current' : undefined}>
            <Link
              to={item.to}
              className="nav-link"
              aria-current={current ? 'page' : undefined}
              onClick={onNavigate}
            >
              <span>{t(item.labelKey)}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function LogoutButton({ className }: { className?: string }) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <button
      type="button"
      className={`function-link d-print-none log-off${className ? ` ${className}` : ''}`}
      disabled={logout.isPending}
      onClick={() => logout.mutate()}
      data-testid="logout"
    >
      <Icon name="lock" />
      {logout.isPending ? t('header.loggingOut') : t('header.logout')}
    </button>
  );
}

function ChangePasswordLink({ className, onNavigate }: { className?: string; onNavigate?: () => void }) {
  const { t } = useTranslation();
  return (
    <Link
      to={CHANGE_PASSWORD_PATH}
      className={`function-link d-print-none${className ? ` ${className}` : ''}`}
      onClick={onNavigate}
      data-testid="change-password-link"
    >
      {t('header.changePassword')}
    </Link>
  );
}

/** The drawer's part about the person: name, role and unit, and what they can do about their session. */
function MobileUserInfo({ user, onNavigate }: { user: CurrentUser; onNavigate: () => void }) {
  const { t } = useTranslation();
  const userInfo = useUserInfo(user);
  return (
    <div className="portal-info-mobile">
      <h3 className="sr-only">{t('header.user')}</h3>
      <p className="user">
        <span className="mb-3">{user.name}</span>
        <span>{userInfo}</span>
      </p>
      <p>
        {user.sso ? null : <ChangePasswordLink onNavigate={onNavigate} />}
      </p>
      <p>
        <LogoutButton />
      </p>
      <p>
        <LanguageSwitch />
      </p>
    </div>
  );
}

/** The drawer's part about the authority behind the service (the solution line of the wide header). */
function MobileAuthorityInfo() {
  const { t } = useTranslation();
  return (
    <div className="solution-info-mobile">
      <h3 className="sr-only">{t('header.authority')}</h3>
      <p className="mb-2">
        <strong className="authority-name">{t('app.authority')}</strong>
      </p>
      <p>{t('app.authorityUnit')}</p>
    </div>
  );
}

/**
 * The mobile menu as DKFDS draws it (a drawer sliding in from the right), driven by React instead of the
 * design system's script: focus goes to the close button, stays inside while open, Escape closes it and focus
 * returns to the menu button.
 */
function MobileDrawer({ user, onClose }: { user: CurrentUser; onClose: () => void }) {
  const { t } = useTranslation();
  const drawerRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeRef.current?.focus();
    document.body.classList.add('mobile_nav-active');
    return () => document.body.classList.remove('mobile_nav-active');
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key === 'Tab' && drawerRef.current) keepTabInside(e, drawerRef.current, { selector: 'a[href], button:not([disabled])' });
  };

  return (
    <>
      <div
        ref={drawerRef}
        className="mobile-drawer is-visible"
        role="dialog"
        aria-modal="true"
        aria-labelledby="menu-heading"
        onKeyDown={onKeyDown}
      >
        <div className="menu-top">
          <h2 id="menu-heading" className="menu-heading">
            {t('header.menu')}
          </h2>
          <button
            ref={closeRef}
            type="button"
            className="function-link button-menu-close"
            aria-label={t('header.closeMenu')}
            onClick={onClose}
          >
            <Icon name="close" />
            {t('header.close')}
          </button>
        </div>
        <MobileUserInfo user={user} onNavigate={onClose} />
        <MobileAuthorityInfo />
        {user.mustChangePassword ? null : (
          <nav className="navigation-menu-mobile" aria-label={t('header.mainNav')}>
            <NavList user={user} onNavigate={onClose} />
          </nav>
        )}
      </div>
      <div className="overlay is-visible" onClick={onClose} aria-hidden="true" />
    </>
  );
}

function PortalUser({ user }: { user: CurrentUser }) {
  const userInfo = useUserInfo(user);
  return (
    <div className="portal-user">
      <p className="user" data-testid="header-user">
        <span className="user-name">{user.name}</span>
        <span className="user-info" data-testid="header-user-info">
          {userInfo}
        </span>
      </p>
      <LanguageSwitch className="mr-5" />
      {user.sso ? null : <ChangePasswordLink className="mr-5" />}
      <LogoutButton />
    </div>
  );
}

/**
 * DKFDS header: portal line (municipality, person, sign out, language), solution line (the service and the
 * authority behind it) and the main navigation, which lists only what the person's role may open.
 */
export function SiteHeader({ user }: { user: CurrentUser | null }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButtonRef = useRef<HTMLButtonElement>(null);

  // A new page closes the drawer.
  useEffect(() => setMenuOpen(false), [pathname]);

  const closeMenu = () => {
    setMenuOpen(false);
    queueMicrotask(() => menuButtonRef.current?.focus());
  };

  return (
    <header className="header" data-testid="site-header">
      <div className="portal-info">
        <div className="portal-info-inner container">
          <Link to="/" className="logo logo-wordmark" aria-label={t('app.homeLinkLabel')}>
            <span aria-hidden="true">{t('app.authority')}</span>
          </Link>
          {user ? (
            <>
              <button
                ref={menuButtonRef}
                type="button"
                className="function-link button-menu-open js-menu-open ml-auto d-print-none"
                aria-haspopup="dialog"
                aria-expanded={menuOpen}
                onClick={() => setMenuOpen(true)}
              >
                <Icon name="menu" />
                {t('header.menu')}
              </button>
              <PortalUser user={user} />
            </>
          ) : (
            <div className="portal-language ml-auto">
              <LanguageSwitch />
            </div>
          )}
        </div>
      </div>
      <div className="solution-info">
        <div className="solution-info-inner container">
          <div className="solution-heading">
            <Link to="/">{t('app.name')}</Link>
          </div>
          <div className="additional-info">
            <p>
              <strong className="authority-name">{t('app.authority')}</strong>
            </p>
            <p>{t('app.authorityUnit')}</p>
          </div>
        </div>
      </div>
      {/* While a reset password must be replaced, there is nowhere else to go. */}
      {user && !user.mustChangePassword ? (
        <div className="navigation-menu">
          <div className="navigation-menu-inner container">
            <nav className="nav" aria-label={t('header.mainNav')} data-testid="main-nav">
              <NavList user={user} />
            </nav>
          </div>
        </div>
      ) : null}
      {user && menuOpen ? <MobileDrawer user={user} onClose={closeMenu} /> : null}
    </header>
  );
}
