import { TrialNotReadyDetails, type TrialDetail, type TrialStatus } from '@contracts/trials.js';
import type { Directory } from '@contracts/users.js';
import { type Dispatch, type SetStateAction, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, AsyncErrorRegion, StatusRegion } from '../../../components/alert';
import { useErrorMessage } from '../../../components/error-message';
import { ErrorSummary, type SummaryItem, useErrorSummaryFocus } from '../../../components/error-summary';
import { isApiError } from '../../../lib/api-client';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useConfirmPolicy, useRevisions, useSetParticipants, useTransitionTrial, useUserChoices } from '../api/trial';
import { useAssistantList } from './assistant-list';
import { Button, buttonClass } from '../../../components/button';

/** The label of the button that moves the trial to `to`; resuming a paused trial reads differently from starting it. */
const transitionKey = (from: TrialStatus, to: TrialStatus) =>
  to === 'ACTIVE' && from === 'PAUSED' ? 'resume' : to === 'ACTIVE' ? 'activate' : to === 'PAUSED' ? 'pause' : to === 'CLOSED' ? 'close' : 'draft';

/** The status buttons the server allows now; closing asks first, since a closed trial cannot be used again. */
export function TrialActions({ trial }: { trial: TrialDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const transition = useTransitionTrial(trial.id);
  const [confirmClose, setConfirmClose] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { summaryRef, failedAttempt } = useErrorSummaryFocus();

  const go = (status: TrialStatus) => {
    setDone(null);
    transition.mutate(
      { status },
      {
        onSuccess: ({ trial: moved }) => {
          setConfirmClose(false);
          setDone(t('trials.admin.moved', { status: t(`trials.status.${moved.status}`) }));
        },
        onError: () => failedAttempt(),
      },
    );
  };

  const error = transition.error;
  const notReady = isApiError(error) && error.code === 'TRIAL_NOT_READY' ? TrialNotReadyDetails.safeParse(error.details) : null;
  // The server's message for TRIAL_NOT_READY already joins its reasons into one sentence; listed, each is said
  // once, under a lead of our own.
  const reasons = notReady?.success ? notReady.data.reasons : [];
  const items: SummaryItem[] = error
    ? reasons.length
      ? reasons.map((r) => ({ message: r.da }))
      : [{ message: errorMessage(error) }]
    : [];

  return (
    <section aria-labelledby="trial-actions-heading" data-testid="trial-actions">
      <h2 id="trial-actions-heading">{t('trials.admin.heading')}</h2>
      <ErrorSummary ref={summaryRef} items={items} lead={reasons.length ? t(transition.variables?.status === 'ACTIVE' ? 'trials.admin.notReadyLead' : 'trials.admin.notReadyLeadOther') : undefined} testId="transition-errors" />
      <StatusRegion message={done} testId="transition-status" />
      {trial.allowedTransitions.length === 0 ? <p>{t('trials.admin.noTransitions')}</p> : null}
      {confirmClose ? (
        <Alert variant="warning" heading={t('trials.admin.closeHeading')} headingLevel={3} testId="confirm-close">
          <p>{t('trials.admin.closeText')}</p>
          <Button variant="primary" type="button" disabled={transition.isPending} onClick={() => go('CLOSED')}>
            {t('trials.admin.closeConfirm')}
          </Button>
          <Button variant="secondary" type="button" className="ml-4" onClick={() => setConfirmClose(false)}>
            {t('trials.admin.closeCancel')}
          </Button>
        </Alert>
      ) : (
        <ul className="nobullet-list">
          {trial.allowedTransitions.map((to) => (
            <li key={to} className="mb-3">
              <Button
                type="button"
                variant={to === 'CLOSED' ? 'secondary' : 'primary'}
                disabled={transition.isPending}
                onClick={() => (to === 'CLOSED' ? setConfirmClose(true) : go(to))}
              >
                {t(`trials.admin.transitions.${transitionKey(trial.status, to)}`)}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {trial.status !== 'CLOSED' ? (
        <p>
          <Link to={`/proevehandlinger/${encodeURIComponent(trial.id)}/rediger`} className={buttonClass('secondary')}>
            {t('trials.admin.edit')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/**
 * When the policy file changed since the trial recorded it, an administrator confirms the new version. When the
 * policy (new or not) no longer allows one of the charter's assistants, it says which, and the way on is to
 * edit the charter: confirming is not offered until the charter fits (the server refuses it too).
 */
export function PolicyChanged({ trial }: { trial: TrialDetail }) {
  const { t, i18n } = useTranslation();
  const assistantList = useAssistantList();
  const confirm = useConfirmPolicy(trial.id);
  const { policy } = trial;
  if (confirm.isSuccess) return <StatusRegion message={t('trials.admin.policyConfirmed')} testId="policy-confirmed" />;
  const dropped = policy.assistantsNotAllowed;
  const names = assistantList(dropped);
  const editLink =
    trial.status !== 'CLOSED' ? (
      <p>
        <Link to={`/proevehandlinger/${encodeURIComponent(trial.id)}/rediger`}>{t('trials.admin.edit')}</Link>
      </p>
    ) : null;
  const changed = policy.currentVersion !== null && policy.currentVersion !== policy.version;
  if (!changed) {
    if (dropped.length === 0 || policy.currentVersion === null) return null;
    return (
      <Alert variant="warning" heading={t('trials.admin.assistantsNotAllowedHeading')} testId="assistants-not-allowed">
        <p>{t('trials.admin.assistantsNotAllowed', { count: dropped.length, assistants: names })}</p>
        {editLink}
      </Alert>
    );
  }
  return (
    <div data-testid="policy-changed">
      <Alert variant="warning" heading={t('trials.admin.policyChangedHeading')}>
        <p>
          {t('trials.admin.policyChangedText', {
            current: policy.approvedOn
              ? t('trials.admin.currentApprovedOn', { date: formatDate(policy.approvedOn, i18n.language) })
              : t('trials.admin.currentAwaiting'),
          })}
        </p>
        {dropped.length ? (
          <p data-testid="policy-drops-assistants">{t('trials.admin.policyDropsAssistants', { count: dropped.length, assistants: names })}</p>
        ) : null}
        <p>
          <Link to={`/datapolitikker/${encodeURIComponent(policy.id)}`}>{t('trials.admin.readPolicy')}</Link>
        </p>
        {dropped.length ? (
          editLink
        ) : (
          <Button variant="primary" type="button" disabled={confirm.isPending} onClick={() => confirm.mutate()}>
            {t('trials.admin.confirmPolicy')}
          </Button>
        )}
      </Alert>
      <AsyncErrorRegion error={confirm.error} />
    </div>
  );
}

/** Who takes part and whether they have read the current briefing; administrators add and remove people. */
export function Participants({ trial }: { trial: TrialDetail }) {
  const { t } = useTranslation();
  const setParticipants = useSetParticipants(trial.id);
  const [picking, setPicking] = useState(false);
  const users = useUserChoices(picking);
  const [chosen, setChosen] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const current = trial.participants.map((p) => p.userId);

  const save = (userIds: string[]) => {
    setSaved(null);
    setParticipants.mutate(
      { userIds },
      {
        onSuccess: ({ trial: updated }) => {
          setPicking(false);
          setSaved(t('trials.participants.saved', { count: updated.participants.length }));
        },
      },
    );
  };

  return (
    <section aria-labelledby="participants-heading" data-testid="participants">
      <h2 id="participants-heading">{t('trials.participants.heading')}</h2>
      <StatusRegion message={saved} />
      <AsyncErrorRegion error={setParticipants.error} />
      {trial.participants.length === 0 ? (
        <p>{t('trials.participants.none')}</p>
      ) : (
        <ParticipantsTable
          participants={trial.participants}
          pending={setParticipants.isPending}
          onRemove={(userId) => save(current.filter((id) => id !== userId))}
        />
      )}
      {picking ? (
        <ParticipantPicker
          people={users.data?.people ?? []}
          error={users.error}
          chosen={chosen}
          onChoose={setChosen}
          pending={setParticipants.isPending}
          onSave={() => save(chosen)}
          onCancel={() => setPicking(false)}
        />
      ) : (
        <Button variant="secondary"
          type="button"
          onClick={() => {
            setChosen(current);
            setPicking(true);
          }}
        >
          {t('trials.participants.choose')}
        </Button>
      )}
    </section>
  );
}

/** The participants with whether each has read the current briefing, and a button to remove each. */
function ParticipantsTable({
  participants,
  pending,
  onRemove,
}: {
  participants: TrialDetail['participants'];
  pending: boolean;
  onRemove: (userId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={t('trials.participants.caption')}>
      <table className="table table--zebra" data-testid="participants-table">
        <caption className="sr-only">{t('trials.participants.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trials.participants.name')}</th>
            <th scope="col">{t('trials.participants.email')}</th>
            <th scope="col">{t('trials.participants.briefing')}</th>
            <th scope="col">{t('trials.participants.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => (
            <tr key={p.userId} data-user={p.userId}>
              <th scope="row">{p.name}</th>
              <td>{p.email}</td>
              <td>
                {p.briefedCurrent && p.briefedAt
                  ? t('trials.participants.acknowledged', { date: formatDateTime(p.briefedAt, i18n.language) })
                  : p.briefedAt
                    ? t('trials.participants.outdated')
                    : t('trials.participants.notAcknowledged')}
              </td>
              <td>
                <Button variant="tertiary" type="button" disabled={pending} onClick={() => onRemove(p.userId)}>
                  {t('trials.participants.remove')}
                  <span className="sr-only"> {p.name}</span>
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The people who may take part, each with a checkbox; saving sets the participants to those chosen. */
function ParticipantPicker({
  people,
  error,
  chosen,
  onChoose,
  pending,
  onSave,
  onCancel,
}: {
  people: Directory['people'];
  error: unknown;
  chosen: string[];
  onChoose: Dispatch<SetStateAction<string[]>>;
  pending: boolean;
  onSave: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      data-testid="participant-picker"
    >
      <fieldset>
        <legend className="form-label">{t('trials.participants.pickLegend')}</legend>
        <AsyncErrorRegion error={error} />
        <ul className="nobullet-list">
          {people.map((u) => (
            <li key={u.id}>
              <input
                id={`participant-${u.id}`}
                type="checkbox"
                className="form-checkbox"
                checked={chosen.includes(u.id)}
                onChange={(e) => onChoose((c) => (e.target.checked ? [...c, u.id] : c.filter((x) => x !== u.id)))}
              />
              <label htmlFor={`participant-${u.id}`}>
                {u.name} ({u.unit.name})
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Button variant="primary" type="submit" disabled={pending}>
        {t('trials.participants.save')}
      </Button>
      <Button variant="secondary" type="button" className="ml-4" onClick={onCancel}>
        {t('trials.participants.cancel')}
      </Button>
    </form>
  );
}

export function Revisions({ trialId }: { trialId: string }) {
  const { t, i18n } = useTranslation();
  const revisions = useRevisions(trialId, true);
  return (
    <section aria-labelledby="revisions-heading" data-testid="revisions">
      <h2 id="revisions-heading">{t('trials.revisions.heading')}</h2>
      <AsyncErrorRegion error={revisions.error} />
      {revisions.data ? (
        revisions.data.revisions.length ? (
          <table className="table table--compact">
            <caption className="sr-only">{t('trials.revisions.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trials.revisions.version')}</th>
                <th scope="col">{t('trials.revisions.changedBy')}</th>
                <th scope="col">{t('trials.revisions.when')}</th>
              </tr>
            </thead>
            <tbody>
              {revisions.data.revisions.map((r) => (
                <tr key={r.version}>
                  <th scope="row">{r.version}</th>
                  <td>{r.changedByName}</td>
                  <td>{formatDateTime(r.createdAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('trials.revisions.none')}</p>
        )
      ) : null}
    </section>
  );
}
