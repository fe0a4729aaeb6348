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

/** A ref callback per user for one kind of row button, and focus back to that button once React has rendered. */
function useButtonsByUser() {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const refFor = (userId: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(userId, el);
    else buttons.current.delete(userId);
  };
  const focusLater = (userId: string) => queueMicrotask(() => buttons.current.get(userId)?.focus());
  return { refFor, focusLater };
}

/**
 * Which user's edit form or reset confirmation is open (at most one of them at a time), and focus back to the
 * button that opened it when it is cancelled.
 */
function useRowPanels() {
  const [editing, setEditing] = useState<string | null>(null);
  const [confirmingReset, setConfirmingReset] = useState<string | null>(null);
  const editButtons = useButtonsByUser();
  const resetButtons = useButtonsByUser();
  return {
    editing,
    confirmingReset,
    editButtonRef: editButtons.refFor,
    resetButtonRef: resetButtons.refFor,
    toggleEditor: (userId: string) => {
      setConfirmingReset(null);
      setEditing(editing === userId ? null : userId);
    },
    toggleReset: (userId: string) => {
      setEditing(null);
      setConfirmingReset(confirmingReset === userId ? null : userId);
    },
    closeEditor: (userId: string) => {
      setEditing(null);
      // Give focus back to the button that opened the editor.
      editButtons.focusLater(userId);
    },
    cancelReset: (userId: string) => {
      setConfirmingReset(null);
      resetButtons.focusLater(userId);
    },
    closeReset: () => setConfirmingReset(null),
  };
}

function UsersTableHead() {
  const { t } = useTranslation();
  return (
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
  );
}

function UserStatusBadges({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

type ButtonRef = (el: HTMLButtonElement | null) => void;

/** Edit, reset password and (de)activate for another person's row. */
function UserRowActions({
  user,
  pending,
  editOpen,
  resetOpen,
  editButtonRef,
  resetButtonRef,
  onEdit,
  onReset,
  onToggleActive,
}: {
  user: UserSummary;
  pending: boolean;
  editOpen: boolean;
  resetOpen: boolean;
  editButtonRef: ButtonRef;
  resetButtonRef: ButtonRef;
  onEdit: () => void;
  onReset: () => void;
  onToggleActive: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="row-actions">
      <Button
        variant="secondary"
        type="button"
        aria-label={t('users.editLabel', { name: user.name })}
        aria-expanded={editOpen}
        ref={editButtonRef}
        onClick={onEdit}
      >
        {t('users.edit')}
      </Button>
      <Button
        variant="secondary"
        type="button"
        aria-label={t('users.reset.actionLabel', { name: user.name })}
        aria-expanded={resetOpen}
        ref={resetButtonRef}
        onClick={onReset}
      >
        {t('users.reset.action')}
      </Button>
      <Button
        variant="tertiary"
        type="button"
        disabled={pending}
        aria-label={
          user.active
            ? t('users.deactivateLabel', { name: user.name })
            : t('users.reactivateLabel', { name: user.name })
        }
        onClick={onToggleActive}
      >
        {user.active ? t('users.deactivate') : t('users.reactivate')}
      </Button>
    </div>
  );
}

/** One user's row: the person's own row says why it offers no actions. */
function UserRow({
  user,
  self,
  pending,
  panels,
  onToggleActive,
}: {
  user: UserSummary;
  self: boolean;
  pending: boolean;
  panels: ReturnType<typeof useRowPanels>;
  onToggleActive: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <tr data-testid="user-row" data-email={user.email}>
      <th scope="row">
        {user.name} {self ? <span className="weight-normal">{t('users.you')}</span> : null}
      </th>
      <td className="break-word">{user.email}</td>
      <td>{t(`roles.${user.role}`)}</td>
      <td>{user.unit.name}</td>
      <td>
        <UserStatusBadges user={user} />
      </td>
      <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, i18n.language) : t('users.never')}</td>
      <td>
        {self ? (
          <span className="small-text">{t('users.selfNote')}</span>
        ) : (
          <UserRowActions
            user={user}
            pending={pending}
            editOpen={panels.editing === user.id}
            resetOpen={panels.confirmingReset === user.id}
            editButtonRef={panels.editButtonRef(user.id)}
            resetButtonRef={panels.resetButtonRef(user.id)}
            onEdit={() => panels.toggleEditor(user.id)}
            onReset={() => panels.toggleReset(user.id)}
            onToggleActive={onToggleActive}
          />
        )}
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
  const { t } = useTranslation();
  const panels = useRowPanels();
  const sorted = [...users].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const COLS = 7;

  const toggleActive = (user: UserSummary) =>
    onChange(
      { user, changes: { active: !user.active }, kind: user.active ? 'deactivated' : 'reactivated' },
      () => undefined,
    );

  return (
    <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={t('users.caption')}>
      <table className="table table--zebra" data-testid="users-table">
        <caption className="sr-only">{t('users.caption')}</caption>
        <UsersTableHead />
        <tbody>
          {sorted.map((user) => {
            const pending = pendingUserId === user.id;
            return (
              <Fragment key={user.id}>
                <UserRow
                  user={user}
                  self={user.id === currentUserId}
                  pending={pending}
                  panels={panels}
                  onToggleActive={() => toggleActive(user)}
                />
                {panels.editing === user.id ? (
                  <EditRow
                    user={user}
                    units={units}
                    colSpan={COLS}
                    pending={pending}
                    onCancel={() => panels.closeEditor(user.id)}
                    onSave={(changes) =>
                      onChange({ user, changes, kind: 'updated' }, () => panels.closeEditor(user.id))
                    }
                  />
                ) : null}
                {panels.confirmingReset === user.id ? (
                  <ResetPasswordRow
                    user={user}
                    colSpan={COLS}
                    pending={pending}
                    onCancel={() => panels.cancelReset(user.id)}
                    onConfirm={() => onReset(user, panels.closeReset)}
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
