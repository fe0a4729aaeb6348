// @vitest-environment jsdom
import type { DocumentView } from '@contracts/documents.js';
import type { TrialDetail } from '@contracts/trials.js';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorBody, type FakeRoute, fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';
import { makeTrialDetail } from '../../../test/fixtures';

setupWebTests();

function makeDocument(overrides: Partial<DocumentView> = {}): DocumentView {
  return {
    id: 'd1',
    trialId: 't1',
    filename: 'personalehaandbog.pdf',
    mimeType: 'application/pdf',
    sizeBytes: 250 * 1024,
    status: 'READY',
    chars: 12000,
    chunks: 14,
    errorCode: null,
    createdAt: '2026-01-06T09:30:00.000Z',
    retainUntil: null,
    ...overrides,
  };
}

const documentsTrial = (overrides: Partial<TrialDetail> = {}) =>
  makeTrialDetail({ title: 'Svar på personalespørgsmål', assistants: ['documents'], status: 'ACTIVE', ...overrides });

function routes(trial: TrialDetail, extra: Record<string, FakeRoute> = {}): Record<string, FakeRoute> {
  return {
    'GET /api/trials/t1': { status: 200, body: { trial } },
    'GET /api/trials/t1/revisions': { status: 200, body: { revisions: [] } },
    'GET /api/trials/t1/reflections': { status: 200, body: { reflections: [] } },
    ...extra,
  };
}

const chooseFile = (name: string, text = '# Ferie\n\nDu har fem ugers ferie.') => {
  const input = screen.getByLabelText('Vælg en fil');
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/markdown' })] } });
};

describe('the knowledge base on the trial page', () => {
  it('lists the documents with their status in Danish, the error of a failed one and the number of passages', async () => {
    fakeApi(
      makeUser('LEADER'),
      routes(documentsTrial({ canAdminister: true }), {
        'GET /api/trials/t1/documents': {
          status: 200,
          body: {
            documents: [
              makeDocument(),
              makeDocument({ id: 'd2', filename: 'ferie.md', status: 'FAILED', chunks: 0, errorCode: 'INDEXING_FAILED' }),
            ],
          },
        },
      }),
    );
    renderApp('/proevehandlinger/t1');

    const section = await screen.findByTestId('knowledge-base');
    expect(within(section).getByRole('heading', { level: 2, name: 'Vidensbase' })).toBeTruthy();
    const table = await within(section).findByRole('table', { name: 'Dokumenter i vidensbasen' });
    const ready = table.querySelector('tr[data-document="d1"]') as HTMLElement;
    expect(ready.textContent).toContain('personalehaandbog.pdf');
    expect(ready.textContent).toContain('250 kB');
    expect(ready.textContent).toContain('Klar');
    expect(ready.textContent).toContain('14');
    const failed = table.querySelector('tr[data-document="d2"]') as HTMLElement;
    expect(failed.textContent).toContain('Fejlede');
    expect(failed.textContent).toContain('Teksten kunne ikke gøres søgbar.');
    expect(screen.getByLabelText('Vælg en fil').getAttribute('accept')).toContain('.md');
    expect(screen.getByText(/Højst 10 MB/)).toBeTruthy();
  });

  it('when a leader uploads a file, then it is sent as multipart and the page follows it until it is ready', async () => {
    let gets = 0;
    const uploaded = makeDocument({ id: 'd9', filename: 'ferie.md', mimeType: 'text/markdown', sizeBytes: 30, status: 'UPLOADED', chunks: 0 });
    const api = fakeApi(
      makeUser('LEADER'),
      routes(documentsTrial({ canAdminister: true }), {
        'GET /api/trials/t1/documents': () => {
          gets += 1;
          // empty, then indexing right after the upload, then ready on the next poll
          const documents = gets === 1 ? [] : gets === 2 ? [{ ...uploaded, status: 'INDEXING' }] : [{ ...uploaded, status: 'READY', chunks: 1 }];
          return { status: 200, body: { documents } };
        },
        'POST /api/trials/t1/documents': { status: 202, body: { document: uploaded, jobId: 'job-1' } },
      }),
    );
    renderApp('/proevehandlinger/t1');

    expect(await screen.findByText('Der er ingen dokumenter i vidensbasen endnu.')).toBeTruthy();
    chooseFile('ferie.md');
    fireEvent.click(screen.getByRole('button', { name: 'Upload dokumentet' }));

    const status = screen.getByTestId('documents-status');
    expect(status.getAttribute('role')).toBe('status');
    await within(status).findByText('ferie.md er modtaget og gøres nu søgbar. Det kan tage lidt tid.');
    expect(await screen.findByText('Gøres søgbar')).toBeTruthy();
    await within(status).findByText('ferie.md er klar. Assistenten kan nu søge i det.', {}, { timeout: 4000 });
    const row = screen.getByTestId('documents-table').querySelector('tr[data-document="d9"]') as HTMLElement;
    expect(row.textContent).toContain('Klar');

    const post = api.calls('POST', '/api/trials/t1/documents');
    expect(post).toHaveLength(1);
    // The browser sets the multipart boundary itself: the page must not force a JSON content type.
    expect(post[0]?.headers.get('content-type')).toBeNull();
  });

  it("when the server refuses the file, then its Danish message is shown at the field and in the summary", async () => {
    const message = 'Filtypen kan ikke bruges. Brug en PDF, et Word-dokument (.docx), Markdown (.md) eller en tekstfil (.txt).';
    fakeApi(
      makeUser('LEADER'),
      routes(documentsTrial({ canAdminister: true }), {
        'GET /api/trials/t1/documents': { status: 200, body: { documents: [] } },
        'POST /api/trials/t1/documents': { status: 415, body: errorBody('UNSUPPORTED_FILE', message) },
      }),
    );
    renderApp('/proevehandlinger/t1');

    await screen.findByText('Der er ingen dokumenter i vidensbasen endnu.');
    chooseFile('billede.png');
    fireEvent.click(screen.getByRole('button', { name: 'Upload dokumentet' }));

    const summary = await screen.findByTestId('document-upload-errors');
    expect(summary.textContent).toContain(message);
    expect(screen.getByLabelText('Vælg en fil').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('documents-status').textContent).toBe('');
  });

  it('when nothing is chosen, then the form asks for a file and sends nothing', async () => {
    const api = fakeApi(
      makeUser('LEADER'),
      routes(documentsTrial({ canAdminister: true }), { 'GET /api/trials/t1/documents': { status: 200, body: { documents: [] } } }),
    );
    renderApp('/proevehandlinger/t1');
    await screen.findByText('Der er ingen dokumenter i vidensbasen endnu.');
    fireEvent.click(screen.getByRole('button', { name: 'Upload dokumentet' }));
    expect((await screen.findByTestId('document-upload-errors')).textContent).toContain('Vælg en fil, du vil tilføje til vidensbasen.');
    expect(api.calls('POST', '/api/trials/t1/documents')).toHaveLength(0);
  });

  it('when a leader deletes a document, then it asks first and then calls DELETE', async () => {
    let deleted = false;
    const api = fakeApi(
      makeUser('LEADER'),
      routes(documentsTrial({ canAdminister: true }), {
        'GET /api/trials/t1/documents': () => ({ status: 200, body: { documents: deleted ? [] : [makeDocument()] } }),
        'DELETE /api/trials/t1/documents/d1': () => {
          deleted = true;
          return { status: 204 };
        },
      }),
    );
    renderApp('/proevehandlinger/t1');

    fireEvent.click(await screen.findByRole('button', { name: 'Slet personalehaandbog.pdf' }));
    expect(api.calls('DELETE', '/api/trials/t1/documents/d1')).toHaveLength(0);
    const confirm = screen.getByTestId('confirm-delete-document');
    expect(confirm.textContent).toContain('personalehaandbog.pdf');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Fortryd' }));
    expect(screen.queryByTestId('confirm-delete-document')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Slet personalehaandbog.pdf' }));
    fireEvent.click(within(screen.getByTestId('confirm-delete-document')).getByRole('button', { name: 'Ja, slet dokumentet' }));
    await within(screen.getByTestId('documents-status')).findByText('personalehaandbog.pdf er slettet fra vidensbasen.');
    expect(api.calls('DELETE', '/api/trials/t1/documents/d1')).toHaveLength(1);
    expect(await screen.findByText('Der er ingen dokumenter i vidensbasen endnu.')).toBeTruthy();
  });

  it('shows a participant who is not an administrator the list only, with no upload and no delete', async () => {
    fakeApi(
      makeUser('EMPLOYEE'),
      routes(
        documentsTrial({ isParticipant: true, myBriefing: { acknowledged: true, briefedAt: '2026-01-06T09:30:00.000Z' } }),
        { 'GET /api/trials/t1/documents': { status: 200, body: { documents: [makeDocument()] } } },
      ),
    );
    renderApp('/proevehandlinger/t1');

    const table = await screen.findByTestId('documents-table');
    expect(table.textContent).toContain('personalehaandbog.pdf');
    expect(screen.queryByTestId('document-upload')).toBeNull();
    expect(screen.queryByLabelText('Vælg en fil')).toBeNull();
    expect(screen.queryByRole('button', { name: /Slet/ })).toBeNull();
  });

  it('shows no knowledge base on a trial without the documents assistant', async () => {
    const api = fakeApi(makeUser('LEADER'), routes(makeTrialDetail({ canAdminister: true })));
    renderApp('/proevehandlinger/t1');
    await screen.findByTestId('trial-charter');
    expect(screen.queryByTestId('knowledge-base')).toBeNull();
    expect(api.calls('GET', '/api/trials/t1/documents')).toHaveLength(0);
  });
});
