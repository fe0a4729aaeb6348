// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeRun } from '../../../test/fixtures';
import { setupWebTests } from '../../../test/harness';
import { RunFollowUp } from './run-follow-up';

setupWebTests();

describe('a question the knowledge base does not answer', () => {
  it('is shown as not answered with no approval needed, and no approve or reject buttons', () => {
    const run = makeRun({
      id: 'r1',
      assistant: 'documents',
      status: 'NOT_ANSWERED',
      output: 'Jeg kan ikke finde svaret i prøvehandlingens dokumenter.',
      details: { answered: false, reason: 'not_found', citations: [] },
    });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RunFollowUp run={run} isRequester />
      </QueryClientProvider>,
    );
    expect(screen.getByTestId('review-not-needed').textContent).toContain('Ikke besvaret – ingen godkendelse nødvendig');
    expect(screen.queryByTestId('review-actions')).toBeNull();
    expect(screen.queryByTestId('review-panel')).toBeNull();
  });
});
