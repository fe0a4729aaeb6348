import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer>
      <div className="footer">
        <div className="container">
          <div className="row">
            <div className="col-12 col-md-8 footer-col">
              <section aria-labelledby="footer-about">
                <h2 className="h5" id="footer-about">
                  {t('footer.heading')}
                </h2>
                <p className="mt-3">{t('footer.text')}</p>
                <p className="mt-3 weight-semibold">{t('footer.draftNote')}</p>
              </section>
            </div>
            <div className="col-12 col-md-4 footer-col">
              <section aria-labelledby="footer-contact">
                <h2 className="h5" id="footer-contact">
                  {t('footer.contactHeading')}
                </h2>
                <p className="mt-3">{t('footer.contact')}</p>
                <p className="mt-3">
                  <Link to="/ai-register" data-testid="footer-register">
                    {t('footer.registerLink')}
                  </Link>
                </p>
              </section>
            </div>
          </div>
        </div>
      </div>
    </footer>
  );
}
