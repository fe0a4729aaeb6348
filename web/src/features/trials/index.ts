/**
 * What the app may use from this feature (features do not import each other). The run route uses the briefing
 * gate to send a participant to the introduction before the assistant.
 */
export { BriefingRequiredNotice, useBriefingRequired } from './components/briefing-gate';
