import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { Alert, StatusRegion } from '../../../components/alert';
import { Page } from '../../../components/page';
import { useCurrentUser } from '../../../lib/session';
import { ChangePasswordForm } from '../components/change-password-form';

export const CHANGE_PASSWORD_PATH = '/skift-adgangskode';

export interface ChangePasswordLocationState {
  /** Where a person sent here after a reset was going; they continue there once the password is changed. */
  from?: string;
}

/** Only same-app paths are followed, so a crafted link cannot send the person elsewhere. */
function safeReturnPath(from: unknown): string {
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== CHANGE_PASSWORD_PATH ? from : '/';
}

/**
 * "Skift adgangskode" from the user menu, and the page a person is held on after the digital unit has reset
 * their password (the server answers nothing else until the new one is chosen).
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const [done, setDone] = useState<string | null>(null);
  // Read once: after the change the session no longer says "must change", but the page keeps its words.
  const [forced] = useState(user.mustChangePassword);
  const from = ((location.state ?? {}) as ChangePasswordLocationState).from;

  return (
    <Page
      title={forced ? t('auth.changePassword.forcedPageTitle') : t('auth.changePassword.pageTitle')}
      heading={forced ? t('auth.changePassword.forcedHeading') : t('auth.changePassword.heading')}
      testId="change-password-page"
    >
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          {forced ? (
            <Alert variant="info">
              <p className="m-0">{t('auth.changePassword.forcedIntro')}</p>
            </Alert>
          ) : (
            <p>{t('auth.changePassword.intro')}</p>
          )}
          <StatusRegion message={done} testId="change-password-status" />
          <ChangePasswordForm
            forced={forced}
            onChanged={() => {
              if (forced) navigate(safeReturnPath(from), { replace: true });
              else setDone(t('auth.changePassword.done'));
            }}
          />
        </div>
      </div>
    </Page>
  );
}
