import type { Role } from '@contracts/auth.js';
import type { UnitList, UpdateUserRequest, UserSummary } from '@contracts/users.js';
import { type FormEvent, Fragment, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField } from '../../../components/form-fields';
import { formatDateTime } from '../../../lib/format';
import { ResetPasswordRow } from './reset-password';
import { RoleOptions, UnitOptions } from './role-options';
import { Button } from '../../../components/button';

export interface UserChange {
  user: UserSummary;
  changes: UpdateUserRequest;
  kind: 'updated' | 'deactivated' | 'reactivated';
}

function EditRow({
  user,
  units,
  colSpan,
  pending,
  onSave,
  onCancel,
}: {
  user: UserSummary;
  units: UnitList['units'];
  colSpan: number;
  pending: boolean;
  onSave: (changes: UpdateUserRequest) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(user.role);
  const [unitId, setUnitId] = useState(user.unit.id);
  const [adviser, setAdviser] = useState(user.dataProtectionAdviser);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const changes: UpdateUserRequest = {};
    if (role !== user.role) changes.role = role;
    if (unitId !== user.unit.id) changes.unitId = unitId;
    if (adviser !== user.dataProtectionAdviser) changes.dataProtectionAdviser = adviser;
    if (Object.keys(changes).length === 0) return onCancel();
    onSave(changes);
  };

  const id = `edit-${user.id}`;
  return (
    <tr className="edit-row">
      <td colSpan={colSpan}>
        <form onSubmit={onSubmit} aria-labelledby={`${id}-heading`} data-testid="edit-user-form">
          <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="h4 mt-0">
            {t('users.editHeading', { name: user.name })}
          </h3>
          <div className="edit-fields">
            <SelectField
              id={`${id}-role`}
              label={t('users.columns.role')}
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
            >
              <RoleOptions />
            </SelectField>
            <SelectField
              id={`${id}-unit`}
              label={t('users.columns.unit')}
              value={unitId}
              onChange={(e) => setUnitId(e.target.value)}
            >
              <UnitOptions units={units} />
            </SelectField>
          </div>
          <CheckboxField
            id={`${id}-adviser`}
            label={t('users.dataProtectionAdviser')}
            hint={t('users.dataProtectionAdviserHint')}
            checked={adviser}
            onChange={(e) => setAdviser(e.target.checked)}
          />
          <div className="button-group mt-5">
            <Button variant="primary" type="submit" disabled={pending}>
              {t('users.save')}
            </Button>
            <Button variant="secondary" type="button" onClick={onCancel}>
              {t('users.cancel')}
            </Button>
          </div>
        </form>
      </td>
    </tr>
  );
}

/**
 * All users with their role, unit and status. The digital unit changes role and unit in a row form,
 * (de)activates with one button and resets a password after confirming; the person's own row offers nothing, as
 * the server refuses self-changes (one's own password is changed under "Skift adgangskode").
 */
export function UsersTable({
  users,
  units,
  currentUserId,
  pendingUserId,
  onChange,
  onReset,
}: {
  users: UserSummary[];
  units: UnitList['units'];
  currentUserId: string;
  pendingUserId: string | null;
  onChange: (change: UserChange, done: () => void) => void;
  onReset: (user: UserSummary, done: () => void) => void;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [confirmingReset, setConfirmingReset] = useState<string | null>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const resetButtons = useRef(new Map<string, HTMLButtonElement>());
  const sorted = [...users].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const COLS = 7;

  const closeEditor = (userId: string) => {
    setEditing(null);
    // Give focus back to the button that opened the editor.
    queueMicrotask(() => editButtons.current.get(userId)?.focus());
  };

  return (
    <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={t('users.caption')}>
      <table className="table table--zebra" data-testid="users-table">
        <caption className="sr-only">{t('users.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.columns.name')}</th>
            <th scope="col">{t('users.columns.email')}</th>
            <th scope="col">{t('users.columns.role')}</th>
            <th scope="col">{t('users.columns.unit')}</th>
            <th scope="col">{t('users.columns.status')}</th>
            <th scope="col">{t('users.columns.lastLogin')}</th>
            <th scope="col">{t('users.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((user) => {
            const self = user.id === currentUserId;
            const pending = pendingUserId === user.id;
            return (
              <Fragment key={user.id}>
                <tr data-testid="user-row" data-email={user.email}>
                  <th scope="row">
                    {user.name} {self ? <span className="weight-normal">{t('users.you')}</span> : null}
                  </th>
                  <td className="break-word">{user.email}</td>
                  <td>{t(`roles.${user.role}`)}</td>
                  <td>{user.unit.name}</td>
                  <td>
                    <span className={user.active ? 'badge badge-success' : 'badge'}>
                      {user.active ? t('users.active') : t('users.inactive')}
                    </span>
                    {user.sso ? (
                      <span className="badge badge-info ml-2" data-testid="signs-in-sso" title={t('users.ssoHint')}>
                        {t('users.sso')}
                      </span>
                    ) : null}
                    {user.dataProtectionAdviser ? (
                      <span className="badge badge-info ml-2" data-testid="data-protection-adviser">
                        {t('users.dataProtectionAdviserBadge')}
                      </span>
                    ) : null}
                    {user.mustChangePassword ? (
                      <span className="badge badge-warning ml-2" data-testid="must-change-password">
                        {t('users.mustChangePassword')}
                      </span>
                    ) : null}
                  </td>
                  <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, i18n.language) : t('users.never')}</td>
                  <td>
                    {self ? (
                      <span className="small-text">{t('users.selfNote')}</span>
                    ) : (
                      <div className="row-actions">
                        <Button variant="secondary"
                          type="button"
                          aria-label={t('users.editLabel', { name: user.name })}
                          aria-expanded={editing === user.id}
                          ref={(el) => {
                            if (el) editButtons.current.set(user.id, el);
                            else editButtons.current.delete(user.id);
                          }}
                          onClick={() => {
                            setConfirmingReset(null);
                            setEditing(editing === user.id ? null : user.id);
                          }}
                        >
                          {t('users.edit')}
                        </Button>
                        <Button variant="secondary"
                          type="button"
                          aria-label={t('users.reset.actionLabel', { name: user.name })}
                          aria-expanded={confirmingReset === user.id}
                          ref={(el) => {
                            if (el) resetButtons.current.set(user.id, el);
                            else resetButtons.current.delete(user.id);
                          }}
                          onClick={() => {
                            setEditing(null);
                            setConfirmingReset(confirmingReset === user.id ? null : user.id);
                          }}
                        >
                          {t('users.reset.action')}
                        </Button>
                        <Button variant="tertiary"
                          type="button"
                          disabled={pending}
                          aria-label={
                            user.active
                              ? t('users.deactivateLabel', { name: user.name })
                              : t('users.reactivateLabel', { name: user.name })
                          }
                          onClick={() =>
                            onChange(
                              {
                                user,
                                changes: { active: !user.active },
                                kind: user.active ? 'deactivated' : 'reactivated',
                              },
                              () => undefined,
                            )
                          }
                        >
                          {user.active ? t('users.deactivate') : t('users.reactivate')}
                        </Button>
                      </div>
                    )}
                  </td>
                </tr>
                {editing === user.id ? (
                  <EditRow
                    user={user}
                    units={units}
                    colSpan={COLS}
                    pending={pending}
                    onCancel={() => closeEditor(user.id)}
                    onSave={(changes) => onChange({ user, changes, kind: 'updated' }, () => closeEditor(user.id))}
                  />
                ) : null}
                {confirmingReset === user.id ? (
                  <ResetPasswordRow
                    user={user}
                    colSpan={COLS}
                    pending={pending}
                    onCancel={() => {
                      setConfirmingReset(null);
                      queueMicrotask(() => resetButtons.current.get(user.id)?.focus());
                    }}
                    onConfirm={() => onReset(user, () => setConfirmingReset(null))}
                  />
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
