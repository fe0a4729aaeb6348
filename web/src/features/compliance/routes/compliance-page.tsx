import { COMPLIANCE_TITLES, type ComplianceDocument } from '@contracts/compliance.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, AsyncErrorRegion } from '../../../components/alert';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { useErrorMessage } from '../../../components/error-message';
import { Loading, Page } from '../../../components/page';
import { formatDateTime } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import { downloadComplianceDocx, useApproveCompliance, useCompliance } from '../api/compliance';
import { Button } from '../../../components/button';

/** Whether the adviser signed off the version on screen, an older one, or none. */
function ApprovalStatus({ doc }: { doc: ComplianceDocument }) {
  const { t, i18n } = useTranslation();
  if (!doc.approval) return <p data-testid={`status-${doc.kind}`} data-status="none">{t('compliance.notApproved')}</p>;
  const when = formatDateTime(doc.approval.approvedAt, i18n.language);
  if (doc.approval.current) {
    return (
      <p data-testid={`status-${doc.kind}`} data-status="approved" className="weight-semibold">
        {t('compliance.approved', { name: doc.approval.approvedBy.name, when })}
      </p>
    );
  }
  return (
    <div data-testid={`status-${doc.kind}`} data-status="outdated">
      <Alert variant="warning" heading={t('compliance.outdatedHeading')} headingLevel={3}>
        <p className="m-0">{t('compliance.outdated', { name: doc.approval.approvedBy.name, when, changes: doc.changes.join(', ') })}</p>
      </Alert>
    </div>
  );
}

function DocumentView({ trialId, doc, canApprove }: { trialId: string; doc: ComplianceDocument; canApprove: boolean }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const errorMessage = useErrorMessage();
  const approve = useApproveCompliance(trialId);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  return (
    <section aria-labelledby={`doc-${doc.kind}-heading`} className="mt-7 compliance-document" data-testid={`document-${doc.kind}`}>
      <h2 id={`doc-${doc.kind}-heading`}>{pick(COMPLIANCE_TITLES[doc.kind])}</h2>
      <ApprovalStatus doc={doc} />
      <p className="small-text">{t('compliance.version', { version: doc.factsHash.slice(0, 12) })}</p>
      {doc.sections.map((s, i) => (
        <div key={i} className={`compliance-section compliance-section--${s.source}`} data-source={s.source}>
          <h3 className="h4">
            {s.heading} <span className="small-text weight-normal">({t(`compliance.source.${s.source}`)})</span>
          </h3>
          {s.paragraphs.map((p, j) => (
            <p key={j} className={s.source === 'person' ? 'form-hint' : undefined}>
              {p}
            </p>
          ))}
          {s.items.length ? (
            <ul>
              {s.items.map((item, j) => (
                <li key={j}>{item}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
      <div className="mt-4 no-print">
        <Button variant="secondary"
          type="button"
          onClick={() => {
            setDownloadError(null);
            downloadComplianceDocx(trialId, doc.kind).catch((e: unknown) => setDownloadError(errorMessage(e)));
          }}
        >
          {t('compliance.download')}
          <span className="sr-only"> {pick(COMPLIANCE_TITLES[doc.kind])}</span>
        </Button>
        {canApprove && !doc.approval?.current ? (
          <Button variant="primary"
            type="button" className="ml-4"
            disabled={approve.isPending}
            onClick={() => approve.mutate({ kind: doc.kind, factsHash: doc.factsHash })}
          >
            {t('compliance.approve')}
            <span className="sr-only"> {pick(COMPLIANCE_TITLES[doc.kind])}</span>
          </Button>
        ) : null}
      </div>
      <div aria-live="polite">
        {downloadError ? <p className="form-error-message">{downloadError}</p> : null}
        {approve.error && approve.variables?.kind === doc.kind ? <p className="form-error-message">{errorMessage(approve.error)}</p> : null}
      </div>
    </section>
  );
}

/**
 * "Dokumentation": the trial's GDPR and AI Act drafts (docs/decisions/0018), each with which sections the
 * workbench states and which a person must write, whether the data protection adviser signed off this version,
 * a Word download and, for the adviser, the sign-off.
 */
export function CompliancePage() {
  const { trialId = '' } = useParams();
  const { t } = useTranslation();
  const compliance = useCompliance(trialId);
  const trialPage = `/proevehandlinger/${encodeURIComponent(trialId)}`;
  if (compliance.isPending) return <Loading />;
  if (compliance.error || !compliance.data) {
    return (
      <Page title={t('compliance.unavailable')}>
        <AsyncErrorRegion error={compliance.error} />
        <p>
          <Link to={trialPage}>{t('compliance.backToTrial')}</Link>
        </p>
      </Page>
    );
  }
  const data = compliance.data;
  const approved = data.documents.filter((d) => d.approval?.current).length;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('trials.heading'), to: '/proevehandlinger' },
          { label: data.trial.title, to: trialPage },
          { label: t('compliance.crumb') },
        ]}
        label={t('trials.breadcrumbsLabel')}
      />
      <Page title={t('compliance.title', { title: data.trial.title })} lead={t('compliance.lead')} testId="compliance-page">
        <p data-testid="compliance-summary">{t('compliance.summary', { approved, total: data.documents.length })}</p>
        {data.trial.possiblyHighRisk ? null : <p className="form-hint">{t('compliance.noFria')}</p>}
        <Button variant="tertiary" type="button" className="no-print" onClick={() => window.print()}>
          {t('compliance.print')}
        </Button>
        {data.documents.map((d) => (
          <DocumentView key={d.kind} trialId={data.trial.id} doc={d} canApprove={data.canApprove} />
        ))}
        <p className="mt-6 no-print">
          <Link to={trialPage}>{t('compliance.backToTrial')}</Link>
        </p>
      </Page>
    </>
  );
}
