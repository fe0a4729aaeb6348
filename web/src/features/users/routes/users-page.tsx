import type { UnitList, UserSummary } from '@contracts/users.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncErrorRegion, StatusRegion } from '../../../components/alert';
import { Loading, Page } from '../../../components/page';
import { useCurrentUser } from '../../../lib/session';
import { useResetPassword, useUnits, useUpdateUser, useUsers } from '../api/users';
import { CreateUserForm } from '../components/create-user-form';
import { TemporaryPassword } from '../components/reset-password';
import { type UserChange, UsersTable } from '../components/users-table';

/** The form for a new user, under the list, with the message that the last one was created. */
function CreateUserSection({
  units,
  created,
  onCreated,
}: {
  units: UnitList['units'];
  created: string | null;
  onCreated: (user: UserSummary) => void;
}) {
  return (
    <div className="row mt-8">
      <div className="col-12 col-md-8 col-lg-6">
        <StatusRegion message={created} testId="create-user-status" />
        <CreateUserForm units={units} onCreated={onCreated} />
      </div>
    </div>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useUsers();
  const units = useUnits();
  const update = useUpdateUser();
  const reset = useResetPassword();
  // Held in this component's state only: gone when the panel is closed or the page is left.
  const [temporary, setTemporary] = useState<{ name: string; password: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [pendingUserId, setPendingUserId] = useState<string | null>(null);

  const onReset = (user: UserSummary, done: () => void) => {
    setStatus(null);
    setCreated(null);
    setTemporary(null);
    update.reset();
    setPendingUserId(user.id);
    reset.mutate(user.id, {
      onSuccess: ({ user: saved, temporaryPassword }) => {
        setTemporary({ name: saved.name, password: temporaryPassword });
        done();
      },
      onSettled: () => setPendingUserId(null),
    });
  };

  const onChange = ({ user, changes, kind }: UserChange, done: () => void) => {
    setStatus(null);
    setCreated(null);
    setTemporary(null);
    reset.reset();
    setPendingUserId(user.id);
    update.mutate(
      { id: user.id, changes },
      {
        onSuccess: ({ user: saved }) => {
          setStatus(t(`users.${kind}`, { name: saved.name }));
          done();
        },
        onSettled: () => setPendingUserId(null),
      },
    );
  };

  return (
    <Page title={t('users.pageTitle')} heading={t('users.heading')} lead={t('users.intro')} testId="users-page">
      <StatusRegion message={status} testId="users-status" />
      <AsyncErrorRegion error={users.error ?? units.error ?? update.error ?? reset.error} testId="users-error" />
      {temporary ? (
        <TemporaryPassword name={temporary.name} password={temporary.password} onClose={() => setTemporary(null)} />
      ) : null}
      {users.isPending || units.isPending ? <Loading /> : null}
      {users.data && units.data ? (
        <>
          <h2>{t('users.listHeading')}</h2>
          {users.data.users.length ? (
            <UsersTable
              users={users.data.users}
              units={units.data.units}
              currentUserId={me.id}
              pendingUserId={pendingUserId}
              onChange={onChange}
              onReset={onReset}
            />
          ) : (
            <p>{t('users.empty')}</p>
          )}
          <CreateUserSection
            units={units.data.units}
            created={created}
            onCreated={(user) => {
              update.reset();
              setStatus(null);
              setCreated(t('users.created', { name: user.name }));
            }}
          />
        </>
      ) : null}
    </Page>
  );
}
