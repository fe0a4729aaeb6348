/** What the app may use from this feature. */
export { RetentionPage } from './routes/retention-page';
