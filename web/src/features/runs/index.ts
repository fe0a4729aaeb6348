/** What the app may use from this feature. The app hands the policies feature's PreviewResult to RunPage. */
export { RunPage, type PreviewResultComponent } from './routes/run-page';
export { RunDetailPage } from './routes/run-detail-page';
export { RunsListPage } from './routes/runs-list-page';
