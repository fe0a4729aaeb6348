/** What the app may use from this feature. The app hands the policies feature's PreviewResult to RunPage. */
export { RunPage, type PreviewResultComponent } from './routes/run-page';
