// @vitest-environment jsdom
import type { RunView } from '@contracts/runs.js';
import { cleanup, render, screen } from '@testing-library/react';
import { getI18n } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { makeRun } from '../../../test/fixtures';
import { setupWebTests } from '../../../test/harness';
import { RunDetails } from './run-details';

setupWebTests();

const run = (assistant: RunView['assistant'], details: Record<string, unknown>) => makeRun({ assistant, details });
// The harness sets up the app's i18n instance (Danish) for react-i18next.
const show = (r: RunView) => render(<RunDetails run={r} />);

describe('what the server removed from a language model’s answer, shown to the reviewer', () => {
  it('says in Danish how many quotes were removed because they were not in the source', () => {
    show(run('documents', { answered: true, citations: [], removedQuotes: 2 }));
    expect(screen.getByTestId('removed-notice').textContent).toContain('2 citater blev fjernet, fordi de ikke stod i kilden.');
  });

  it('says how many transcript references were removed, one in the singular, and in English when chosen', async () => {
    const minutes = run('minutes', { summary: '', attendees: [], decisions: [], actionItems: [], removedReferences: 1 });
    show(minutes);
    expect(screen.getByTestId('removed-notice').textContent).toContain('1 henvisning til udskriften blev fjernet');
    cleanup();
    await getI18n().changeLanguage('en');
    show(minutes);
    expect(screen.getByTestId('removed-notice').textContent).toContain('1 reference to the transcript was removed');
  });

  it('shows nothing when nothing was removed', () => {
    show(run('documents', { answered: true, citations: [], removedQuotes: 0 }));
    expect(screen.queryByTestId('removed-notice')).toBeNull();
    expect(screen.getByTestId('documents-details')).toBeTruthy();
  });
});
