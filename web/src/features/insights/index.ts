/** What the app may use from this feature. */
export { BoardPage } from './routes/board-page';
export { PublicRegisterPage } from './routes/public-register-page';
export { TrialInsightsPage } from './routes/trial-insights-page';
