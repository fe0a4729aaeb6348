import { useTranslation } from 'react-i18next';
import { AsyncErrorRegion } from '../../../components/alert';
import { Loading, Page } from '../../../components/page';
import { useActorNames, useAuditEvents } from '../api/audit';
import { AuditTable } from '../components/audit-table';
import { VerifyChain } from '../components/verify-chain';
import { Button } from '../../../components/button';

export function AuditPage() {
  const { t } = useTranslation();
  const events = useAuditEvents();
  const actors = useActorNames();
  const all = events.data?.pages.flatMap((p) => p.events) ?? [];

  return (
    <Page title={t('audit.pageTitle')} heading={t('audit.heading')} lead={t('audit.intro')} testId="audit-page">
      <VerifyChain />
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">{t('audit.latestHeading')}</h2>
        <AsyncErrorRegion error={events.error} />
        {events.isPending ? <Loading /> : null}
        {events.data ? (
          all.length ? (
            <>
              <p className="small-text" aria-live="polite" data-testid="audit-count">
                {t('audit.shown', { count: all.length })}
              </p>
              <AuditTable events={all} actorNames={actors.data ?? new Map()} />
              <div className="mt-5">
                {events.hasNextPage ? (
                  <Button variant="secondary"
                    type="button"
                    onClick={() => void events.fetchNextPage()}
                    disabled={events.isFetchingNextPage}
                    data-testid="audit-load-more"
                  >
                    {events.isFetchingNextPage ? t('audit.loadingMore') : t('audit.loadMore')}
                  </Button>
                ) : (
                  <p className="small-text">{t('audit.noMore')}</p>
                )}
              </div>
            </>
          ) : (
            <p>{t('audit.empty')}</p>
          )
        ) : null}
      </section>
    </Page>
  );
}
