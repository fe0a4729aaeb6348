/**
 * What other parts of the app may use from this feature. Features do not import each other; the app (router,
 * pages composed in app/) does. The preview is meant for the run page: `<PolicyPreview policyId assistant />`.
 */
export { usePolicies, usePolicy, usePreviewPolicy } from './api/policies';
export { PolicyPreview } from './components/policy-preview';
export { PreviewResult } from './components/preview-result';
export { PoliciesPage } from './routes/policies-page';
export { PolicyPage } from './routes/policy-page';
