import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncErrorRegion, StatusRegion } from '../../../components/alert';
import { Loading, Page } from '../../../components/page';
import { useCurrentUser } from '../../../lib/session';
import { useUnits, useUpdateUser, useUsers } from '../api/users';
import { CreateUserForm } from '../components/create-user-form';
import { type UserChange, UsersTable } from '../components/users-table';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useUsers();
  const units = useUnits();
  const update = useUpdateUser();
  const [status, setStatus] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [pendingUserId, setPendingUserId] = useState<string | null>(null);

  const onChange = ({ user, changes, kind }: UserChange, done: () => void) => {
    setStatus(null);
    setCreated(null);
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
      <AsyncErrorRegion error={users.error ?? units.error ?? update.error} testId="users-error" />
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
            />
          ) : (
            <p>{t('users.empty')}</p>
          )}
          <div className="row mt-8">
            <div className="col-12 col-md-8 col-lg-6">
              <StatusRegion message={created} testId="create-user-status" />
              <CreateUserForm
                units={units.data.units}
                onCreated={(user) => {
                  update.reset();
                  setStatus(null);
                  setCreated(t('users.created', { name: user.name }));
                }}
              />
            </div>
          </div>
        </>
      ) : null}
    </Page>
  );
}
