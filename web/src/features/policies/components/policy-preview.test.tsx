// @vitest-environment jsdom
import type { PreviewResponse } from '@contracts/policies.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CSRF_TOKEN, errorBody, type FakeRoute, fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';
import { findingAt, LETTERS } from '../test-fixtures';

setupWebTests();

const PREVIEW = `POST /api/policies/${LETTERS.id}/preview`;

async function openAndPreview(text: string, preview: FakeRoute) {
  const api = fakeApi(makeUser('EMPLOYEE'), {
    [`GET /api/policies/${LETTERS.id}`]: { status: 200, body: { policy: LETTERS } },
    [PREVIEW]: preview,
  });
  renderApp(`/datapolitikker/${LETTERS.id}`);
  const form = await screen.findByTestId('preview-form');
  fireEvent.change(within(form).getByLabelText('Din tekst'), { target: { value: text } });
  fireEvent.click(within(form).getByRole('button', { name: 'Vis hvad der sendes' }));
  return api;
}

describe('"Prøv teksten af før du sender"', () => {
  it('says plainly that the text is not saved, and ties that to the field', async () => {
    fakeApi(makeUser('EMPLOYEE'), { [`GET /api/policies/${LETTERS.id}`]: { status: 200, body: { policy: LETTERS } } });
    renderApp(`/datapolitikker/${LETTERS.id}`);

    const field = await screen.findByLabelText('Din tekst');
    expect(screen.getByRole('heading', { level: 2, name: 'Prøv teksten af før du sender' })).toBeTruthy();
    const note = screen.getByTestId('preview-not-saved');
    expect(note.textContent).toContain('Teksten gemmes ikke.');
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(note.id);
    expect(screen.getByText('Du kan indsætte op til 20.000 tegn.')).toBeTruthy();
  });

  it('when the text holds health information, then it is refused with the Danish reason and nothing is shown as sent', async () => {
    const text = 'Jens Hansen har diabetes og skal have hjælp.';
    const blocked: PreviewResponse = {
      policyId: LETTERS.id,
      policyVersion: LETTERS.version,
      decision: 'blocked',
      reasons: [
        {
          code: 'DATA_CLASS_BLOCKED',
          dataClass: 'HEALTH',
          da: 'Teksten indeholder helbredsoplysninger, og denne prøvehandling tillader ikke helbredsoplysninger. Fjern det, og prøv igen.',
          en: 'The text contains health information, and this trial does not allow health information. Remove it and try again.',
        },
        {
          code: 'DATA_CLASS_MASKED',
          dataClass: 'PERSON',
          da: 'Personnavne (1) erstattes med pladsholdere, før teksten sendes, og sættes tilbage i dit udkast.',
          en: 'People’s names (1) are replaced by placeholders before the text is sent, and restored in your draft.',
        },
      ],
      counts: [
        { type: 'HEALTH', count: 1, action: 'block' },
        { type: 'PERSON', count: 1, action: 'mask' },
      ],
      findings: [findingAt(text, 'Jens Hansen', 'PERSON', 'mask'), findingAt(text, 'diabetes', 'HEALTH', 'block')],
      maskedText: null,
    };
    const api = await openAndPreview(text, { status: 200, body: blocked });

    const status = screen.getByTestId('preview-status');
    const decision = await within(status).findByTestId('preview-decision');
    expect(decision.className).toContain('alert-error');
    expect(within(decision).getByRole('heading', { level: 3, name: 'Teksten kan ikke sendes' })).toBeTruthy();
    expect(within(decision).getAllByRole('listitem').map((li) => li.textContent)).toEqual([blocked.reasons[0]!.da]);

    expect(screen.queryByRole('heading', { name: 'Det her modtager sprogmodellen' })).toBeNull();
    expect(screen.queryByTestId('preview-sent')).toBeNull();

    const counts = screen.getByTestId('preview-counts');
    expect(within(counts).getByRole('rowheader', { name: 'Helbred' }).closest('tr')?.textContent).toContain('Afvises');
    const marks = [...screen.getByTestId('preview-highlighted').querySelectorAll('mark')];
    expect(marks.map((m) => m.querySelector('.highlight-text')?.textContent)).toEqual(['Jens Hansen', 'diabetes']);
    expect(marks[1]!.textContent).toContain('Helbred, afvises:');

    expect(api.calls('POST', `/api/policies/${LETTERS.id}/preview`).map((r) => r.body)).toEqual([{ text }]);
  });

  it('when names and a CPR number are masked, then they are marked at the right characters and the masked text is shown', async () => {
    const text = 'Kære Jens Hansen\n\nDit CPR-nummer 010190-1234 er registreret. Ring til Jens Hansen.';
    const masked: PreviewResponse = {
      policyId: LETTERS.id,
      policyVersion: LETTERS.version,
      decision: 'masked',
      reasons: [
        {
          code: 'DATA_CLASS_MASKED',
          dataClass: 'CPR',
          da: 'CPR-numre (1) erstattes med pladsholdere, før teksten sendes, og sættes tilbage i dit udkast.',
          en: 'CPR numbers (1) are replaced by placeholders before the text is sent, and restored in your draft.',
        },
      ],
      counts: [
        { type: 'CPR', count: 1, action: 'mask' },
        { type: 'PERSON', count: 2, action: 'mask' },
      ],
      findings: [
        findingAt(text, '010190-1234', 'CPR', 'mask'),
        { type: 'PERSON', start: 5, end: 16, action: 'mask' },
        { type: 'PERSON', start: text.lastIndexOf('Jens Hansen'), end: text.lastIndexOf('Jens Hansen') + 11, action: 'mask' },
      ],
      maskedText: 'Kære [NAVN_1]\n\nDit CPR-nummer [CPR_1] er registreret. Ring til [NAVN_1].',
    };
    const api = await openAndPreview(text, { status: 200, body: masked });

    const decision = await within(screen.getByTestId('preview-status')).findByTestId('preview-decision');
    expect(decision.className).toContain('alert-info');
    expect(within(decision).getByRole('heading', { name: 'Teksten kan sendes med pladsholdere' })).toBeTruthy();
    // What is masked is listed per class in the table; the alert does not repeat it.
    expect(within(decision).queryByTestId('preview-reasons')).toBeNull();
    const counts = screen.getByTestId('preview-counts');
    expect(within(counts).getByRole('rowheader', { name: 'Personnavn' }).closest('tr')?.textContent).toBe(
      'Personnavn2Erstattes med pladsholder',
    );

    const highlighted = screen.getByTestId('preview-highlighted');
    const marks = [...highlighted.querySelectorAll('mark')];
    expect(marks.map((m) => [Number(m.dataset.start), Number(m.dataset.end), m.querySelector('.highlight-text')?.textContent])).toEqual([
      [5, 16, 'Jens Hansen'],
      [text.indexOf('010190-1234'), text.indexOf('010190-1234') + 11, '010190-1234'],
      [text.lastIndexOf('Jens Hansen'), text.lastIndexOf('Jens Hansen') + 11, 'Jens Hansen'],
    ]);
    // Screen readers hear the kind and the action; sighted people see the kind as a tag, not only a colour.
    const cpr = marks[1]!;
    expect(cpr.querySelector('.sr-only')?.textContent).toBe('CPR-nummer, erstattes med pladsholder: ');
    expect(cpr.querySelector('.highlight-tag')?.textContent).toBe('CPR-nummer');
    expect(cpr.querySelector('.highlight-tag')?.getAttribute('aria-hidden')).toBe('true');
    expect(cpr.className).toContain('highlight--mask');
    // Every character of the person's text is there once, in order, line breaks included.
    const visible = [...highlighted.querySelectorAll(':scope > span, mark .highlight-text')].map((n) => n.textContent).join('');
    expect(visible).toBe(text);

    const sent = screen.getByTestId('preview-sent');
    expect(within(sent).getByRole('heading', { level: 3, name: 'Det her modtager sprogmodellen' })).toBeTruthy();
    expect(within(sent).getByTestId('preview-sent-text').textContent).toBe(masked.maskedText);

    const [request] = api.calls('POST', `/api/policies/${LETTERS.id}/preview`);
    expect(request?.body).toEqual({ text });
    expect(request?.headers.get('x-csrf-token')).toBe(CSRF_TOKEN);
  });

  it('when the text is allowed as it is, then a success alert says it can be sent', async () => {
    const text = 'Mødet flyttes til torsdag.';
    await openAndPreview(text, {
      status: 200,
      body: {
        policyId: LETTERS.id,
        policyVersion: LETTERS.version,
        decision: 'allowed',
        reasons: [],
        counts: [],
        findings: [],
        maskedText: text,
      } satisfies PreviewResponse,
    });

    const decision = await within(screen.getByTestId('preview-status')).findByTestId('preview-decision');
    expect(decision.className).toContain('alert-success');
    expect(within(decision).getByRole('heading', { name: 'Teksten kan sendes' })).toBeTruthy();
    expect(screen.getByText('Der blev ikke fundet personoplysninger i teksten.')).toBeTruthy();
    expect(screen.getByTestId('preview-sent-text').textContent).toBe(text);
    expect(screen.getByTestId('preview-highlighted').querySelectorAll('mark')).toHaveLength(0);
  });

  it('when the policy only warns about what it found, then the warning is in the success alert', async () => {
    const text = 'Borgeren bor i 2610 Rødovre.';
    const warning = 'Teksten indeholder et postnummer og en by. Det er tilladt, men overvej om det er nødvendigt.';
    await openAndPreview(text, {
      status: 200,
      body: {
        policyId: LETTERS.id,
        policyVersion: LETTERS.version,
        decision: 'allowed',
        reasons: [{ code: 'DATA_CLASS_WARNING', dataClass: 'POSTCODE_CITY', da: warning, en: 'The text contains a postcode.' }],
        counts: [{ type: 'POSTCODE_CITY', count: 1, action: 'warn' }],
        findings: [findingAt(text, '2610 Rødovre', 'POSTCODE_CITY', 'warn')],
        maskedText: text,
      } satisfies PreviewResponse,
    });

    const decision = await within(screen.getByTestId('preview-status')).findByTestId('preview-decision');
    expect(within(decision).getByTestId('preview-reasons').textContent).toBe(warning);
    const [mark] = screen.getByTestId('preview-highlighted').querySelectorAll('mark');
    expect(mark?.className).toContain('highlight--warn');
    expect(mark?.querySelector('.sr-only')?.textContent).toBe('Postnummer og by, tilladt med advarsel: ');
  });

  it('when the server rejects the input as invalid, then the error is shown in Danish at the field and focused', async () => {
    await openAndPreview('noget tekst', {
      status: 400,
      body: errorBody('VALIDATION_FAILED', 'Nogle felter er ikke udfyldt korrekt. Ret dem, og prøv igen.', [
        { path: ['text'], message: 'Too big: expected string to have <=2000000 characters', code: 'too_big' },
      ]),
    });

    const summary = await screen.findByTestId('preview-errors');
    const link = within(summary).getByRole('link', {
      name: 'Teksten kunne ikke kontrolleres. Tjek, at den ikke er for lang, og prøv igen.',
    });
    expect(link.getAttribute('href')).toBe('#policy-preview-text');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByLabelText('Din tekst').getAttribute('aria-invalid')).toBe('true');
    expect(summary.textContent).not.toContain('Too big');
    expect(screen.queryByTestId('preview-decision')).toBeNull();
  });

  it('when the text is too large for the server, then it says so in Danish', async () => {
    await openAndPreview('x'.repeat(50), {
      status: 413,
      body: errorBody('PAYLOAD_TOO_LARGE', 'Forespørgslen er for stor.'),
    });

    expect(
      await screen.findByRole('link', {
        name: 'Teksten er for lang til at blive kontrolleret. Del den op i mindre dele, og prøv igen.',
      }),
    ).toBeTruthy();
  });

  it('when the field is empty, then nothing is sent and the person is asked for a text', async () => {
    const api = await openAndPreview('   ', { status: 500 });

    expect(await screen.findByRole('link', { name: 'Indsæt eller skriv den tekst, du vil prøve af.' })).toBeTruthy();
    expect(api.calls('POST', `/api/policies/${LETTERS.id}/preview`)).toHaveLength(0);
  });
});
