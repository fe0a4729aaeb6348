import type { PolicyDetail } from '@contracts/policies.js';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { formatDate, formatNumber } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import { lowerFirst, usePolicyWords } from './policy-words';

/** A two-column table of facts: the row header names the fact, the cell says it. */
function FactTable({ caption, rows, testId }: { caption: string; rows: [string, ReactNode][]; testId?: string }) {
  return (
    <table className="table table--compact facts-table" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Which assistants and which language models (with named models, when restricted) the policy allows. */
export function PolicyUse({ policy }: { policy: PolicyDetail }) {
  const { t, assistant, providerWithModels } = usePolicyWords();
  return (
    <section aria-labelledby="policy-use-heading">
      <h2 id="policy-use-heading">{t('policies.detail.useHeading')}</h2>
      <FactTable
        caption={t('policies.detail.useHeading')}
        testId="policy-use"
        rows={[
          [
            t('policies.detail.assistantsLabel'),
            <ul className="nobullet-list compact-list" key="a">
              {policy.assistants.map((a) => (
                <li key={a}>{assistant(a)}</li>
              ))}
            </ul>,
          ],
          [
            t('policies.detail.providersLabel'),
            <ul className="nobullet-list compact-list" key="p">
              {policy.providers.map((p) => (
                <li key={p.provider}>{providerWithModels(p)}</li>
              ))}
            </ul>,
          ],
        ]}
      />
    </section>
  );
}

/** Human review and four eyes: when a person, and when a second person, must approve. */
export function PolicyOversight({ policy }: { policy: PolicyDetail }) {
  const { t, anyOf, dataClass } = usePolicyWords();
  const { required, secondApprover } = policy.humanReview;
  // Any one of the listed classes asks for a second approver (the server's policy.evaluate.ts), so "eller".
  const fourEyes =
    secondApprover === 'never'
      ? t('policies.detail.fourEyesNever')
      : secondApprover === 'always'
        ? t('policies.detail.fourEyesAlways')
        : t(secondApprover.whenPresent.length > 1 ? 'policies.detail.fourEyesWhenAny' : 'policies.detail.fourEyesWhen', {
            classes: anyOf(secondApprover.whenPresent.map((c) => lowerFirst(dataClass(c)))),
          });
  return (
    <section aria-labelledby="policy-oversight-heading">
      <h2 id="policy-oversight-heading">{t('policies.detail.oversightHeading')}</h2>
      <FactTable
        caption={t('policies.detail.oversightHeading')}
        testId="policy-oversight"
        rows={[
          [t('policies.detail.humanReview'), required ? t('policies.detail.humanReviewYes') : t('policies.detail.humanReviewNo')],
          [t('policies.detail.fourEyes'), fourEyes],
        ]}
      />
    </section>
  );
}

/** How long content is kept, and how much a person may send. */
export function PolicyStorage({ policy }: { policy: PolicyDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="policy-storage-heading">
      <h2 id="policy-storage-heading">{t('policies.detail.storageHeading')}</h2>
      <FactTable
        caption={t('policies.detail.storageHeading')}
        testId="policy-storage"
        rows={[
          [
            t('policies.detail.retention'),
            policy.retentionDays === 0
              ? t('policies.detail.retentionNone')
              : t('policies.detail.retentionDays', { count: policy.retentionDays }),
          ],
          [
            t('policies.detail.maxInput'),
            t('policies.detail.maxInputValue', { value: formatNumber(policy.limits.maxInputChars, i18n.language) }),
          ],
          [
            t('policies.detail.runsPerDay'),
            t('policies.detail.runsPerDayValue', { value: formatNumber(policy.limits.runsPerPersonPerDay, i18n.language) }),
          ],
        ]}
      />
    </section>
  );
}

/** The AI Act Art. 50 label that text made under this policy carries. */
export function PolicyDisclosure({ policy }: { policy: PolicyDetail }) {
  const { t } = usePolicyWords();
  const pick = useLocalized();
  return (
    <section aria-labelledby="policy-disclosure-heading">
      <h2 id="policy-disclosure-heading">{t('policies.detail.disclosureHeading')}</h2>
      <p>{t('policies.detail.disclosureIntro')}</p>
      <p className="disclosure-label" data-testid="disclosure-label">
        {pick(policy.disclosureLabel)}
      </p>
    </section>
  );
}

/** "Afventer godkendelse fra …: kan kun bruges af prøvehandlinger i kladde", or null when fully approved. */
export function AwaitingApprovalAlert({ policy }: { policy: PolicyDetail }) {
  const { t, list, approvalFunction } = usePolicyWords();
  if (policy.missingApprovals.length === 0) return null;
  return (
    <div className="mb-6" data-testid="awaiting-approval">
      <Alert
        variant="warning"
        heading={t('policies.detail.awaiting', { functions: list(policy.missingApprovals.map(approvalFunction)) })}
      >
        <p className="m-0">{t('policies.detail.awaitingHelp')}</p>
      </Alert>
    </div>
  );
}

/**
 * "Godkendt af": Jura, IT-sikkerhed and the DPO, with who and when. A function that has not approved yet has its
 * own row saying so, so the table always shows all three.
 */
export function PolicyApprovals({ policy }: { policy: PolicyDetail }) {
  const { t, i18n } = useTranslation();
  const { approvalFunction } = usePolicyWords();
  if (policy.approvals.length === 0 && policy.missingApprovals.length === 0) {
    return (
      <section aria-labelledby="policy-approvals-heading">
        <h2 id="policy-approvals-heading">{t('policies.detail.approvalsHeading')}</h2>
        <p>{t('policies.detail.noApprovals')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="policy-approvals-heading">
      <h2 id="policy-approvals-heading">{t('policies.detail.approvalsHeading')}</h2>
      <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={t('policies.detail.approvalsCaption')}>
        <table className="table table--compact" data-testid="policy-approvals">
          <caption className="sr-only">{t('policies.detail.approvalsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('policies.detail.approvalsColumns.function')}</th>
              <th scope="col">{t('policies.detail.approvalsColumns.by')}</th>
              <th scope="col">{t('policies.detail.approvalsColumns.date')}</th>
            </tr>
          </thead>
          <tbody>
            {policy.approvals.map((a) => (
              <tr key={a.function} data-function={a.function}>
                <th scope="row">{approvalFunction(a.function)}</th>
                <td>{a.by}</td>
                <td className="nowrap">{formatDate(a.date, i18n.language)}</td>
              </tr>
            ))}
            {policy.missingApprovals.map((f) => (
              <tr key={f} data-function={f} data-missing="true">
                <th scope="row">{approvalFunction(f)}</th>
                <td>
                  <span className="badge badge-warning">{t('policies.status.AWAITING_APPROVAL')}</span>
                </td>
                <td>
                  <span aria-hidden="true">–</span>
                  <span className="sr-only">{t('policies.detail.noDate')}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
