import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { Page } from '../../../components/page';
import { useTrials } from '../api/get-trials';
import { buttonClass } from '../../../components/button';

/**
 * Whether the viewer must read and acknowledge the trial's briefing before using its assistants. Read from the
 * trial list, which the run page loads anyway (same cache), so the gate costs no extra request.
 */
export function useBriefingRequired(trialId: string): { pending: boolean; required: boolean; title: string | null } {
  const trials = useTrials();
  const found = trials.data?.trials.find((t) => t.id === trialId) ?? null;
  return { pending: trials.isPending, required: !!found?.briefingRequired, title: found?.title ?? null };
}

/** Shown instead of the assistant: the server would refuse the run with 409 BRIEFING_REQUIRED anyway. */
export function BriefingRequiredNotice({ trialId, title, message }: { trialId: string; title?: string | null; message?: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t('trials.gate.title')} testId="briefing-gate">
      <Alert variant="warning" heading={t('trials.gate.heading')}>
        <p>{message ?? t('trials.gate.text', { title: title ?? '' })}</p>
        <Link to={`/proevehandlinger/${encodeURIComponent(trialId)}/introduktion`} className={buttonClass('primary')}>
          {t('trials.gate.link')}
        </Link>
      </Alert>
      <p>
        <Link to={`/proevehandlinger/${encodeURIComponent(trialId)}`}>{t('trials.gate.back')}</Link>
      </p>
    </Page>
  );
}
