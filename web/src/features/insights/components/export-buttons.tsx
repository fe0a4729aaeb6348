import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AsyncErrorRegion } from '../../../components/alert';
import { downloadTrialExport, type Period } from '../api/insights';
import { Button } from '../../../components/button';

/**
 * The trial's exports as buttons, not links: each download is a POST the audit trail records as trial.exported,
 * so only a person's click makes one (a link's GET could be fetched by a prefetch or a link preview).
 */
export function ExportButtons({ trialId, period }: { trialId: string; period: Period }) {
  const { t } = useTranslation();
  const download = useMutation({ mutationFn: (format: 'csv' | 'json') => downloadTrialExport(trialId, format, period) });
  return (
    <>
      <p className="form-hint">{t('insights.exports.recorded')}</p>
      <ul className="nobullet-list">
        {(['csv', 'json'] as const).map((format) => (
          <li className="mb-3" key={format}>
            <Button variant="secondary"
              type="button"
              disabled={download.isPending}
              onClick={() => download.mutate(format)}
              data-testid={`export-${format}`}
            >
              {t(`insights.exports.${format}`)}
            </Button>
          </li>
        ))}
      </ul>
      <AsyncErrorRegion error={download.error} testId="export-error" />
    </>
  );
}
