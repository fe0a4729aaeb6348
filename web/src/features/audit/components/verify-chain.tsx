import { useTranslation } from 'react-i18next';
import { Alert, AsyncErrorRegion } from '../../../components/alert';
import { useVerifyAudit } from '../api/audit';
import { Button } from '../../../components/button';

/** "Kontrollér kæden": recomputes the hash chain on the server and says whether it is intact. */
export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useVerifyAudit();
  const result = verify.data;
  return (
    <section aria-labelledby="verify-heading" className="mb-7">
      <h2 id="verify-heading">{t('audit.verifyHeading')}</h2>
      <Button variant="secondary"
        type="button"
        onClick={() => verify.mutate()}
        disabled={verify.isPending}
        data-testid="verify-chain"
      >
        {verify.isPending ? t('audit.verifying') : t('audit.verify')}
      </Button>
      <div role="status" aria-live="polite" aria-atomic="true" className="mt-5" data-testid="verify-result">
        {result && !verify.isPending ? (
          result.ok ? (
            <Alert variant="success">
              <p className="m-0">{t('audit.intact', { count: result.checked })}</p>
            </Alert>
          ) : (
            <Alert variant="error" heading={t('audit.brokenHeading')} headingLevel={3}>
              <p className="m-0">
                {result.firstBroken
                  ? t('audit.broken', {
                      seq: result.firstBroken.seq,
                      reason: t(`audit.reasons.${result.firstBroken.reason}`),
                    })
                  : t('audit.brokenHeading')}
              </p>
              <p className="mt-2 mb-0">{t('audit.brokenHelp')}</p>
            </Alert>
          )
        ) : null}
      </div>
      <AsyncErrorRegion error={verify.error} />
    </section>
  );
}
