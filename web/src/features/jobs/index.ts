/** What the app may use from this feature. */
export { JobsPage } from './routes/jobs-page';
