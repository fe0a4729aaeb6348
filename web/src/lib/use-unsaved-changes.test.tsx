// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { createMemoryRouter, Link, Outlet, RouterProvider, useNavigate } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setupWebTests } from '../test/harness';
import { UnsavedChangesBoundary, useUnsavedChanges } from './use-unsaved-changes';

setupWebTests();

/** A page with one field: unsaved while it holds text; "Gem" saves and goes on to the next page. */
function Editor() {
  const [text, setText] = useState('');
  const navigate = useNavigate();
  const unsaved = useUnsavedChanges(text !== '');
  return (
    <>
      <label htmlFor="letter">Brev</label>
      <textarea id="letter" value={text} onChange={(e) => setText(e.target.value)} />
      <button
        type="button"
        onClick={() => {
          unsaved.allowLeaving();
          void navigate('/gemt');
        }}
      >
        Gem
      </button>
      <Link to="/">Til forsiden</Link>
    </>
  );
}

function renderEditor() {
  const router = createMemoryRouter(
    [
      {
        element: (
          <UnsavedChangesBoundary>
            <Outlet />
          </UnsavedChangesBoundary>
        ),
        children: [
          { path: '/', element: <p>Forsiden</p> },
          { path: '/skriv', element: <Editor /> },
          { path: '/gemt', element: <p>Gemt</p> },
        ],
      },
    ],
    { initialEntries: ['/', '/skriv'], initialIndex: 1 },
  );
  render(<RouterProvider router={router} />);
  return router;
}

const type = (value: string) => fireEvent.change(screen.getByRole('textbox', { name: 'Brev' }), { target: { value } });

/** Whether the browser would ask before closing the tab: a listener cancelled the beforeunload event. */
function closingTabIsStopped(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('useUnsavedChanges', () => {
  it('when nothing was typed, then links and back leave at once and closing the tab is not stopped', async () => {
    const router = renderEditor();
    expect(closingTabIsStopped()).toBe(false);
    fireEvent.click(screen.getByRole('link', { name: 'Til forsiden' }));
    expect(await screen.findByText('Forsiden')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(router.state.location.pathname).toBe('/');
  });

  it('when text is typed and a link is followed, then a Danish question asks; "Bliv på siden" keeps the text and "Forlad siden" leaves', async () => {
    const router = renderEditor();
    type('Kære borger');
    screen.getByRole('link', { name: 'Til forsiden' }).focus();
    fireEvent.click(screen.getByRole('link', { name: 'Til forsiden' }));

    const dialog = await screen.findByRole('dialog', { name: 'Ændringerne er ikke gemt' });
    expect(dialog.textContent).toContain('Du har ændringer, der ikke er gemt. Vil du forlade siden?');
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: 'Ændringerne er ikke gemt' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bliv på siden' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(router.state.location.pathname).toBe('/skriv');
    expect((screen.getByRole('textbox', { name: 'Brev' }) as HTMLTextAreaElement).value).toBe('Kære borger');
    // Focus goes back to where the person was.
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Til forsiden' }));

    fireEvent.click(screen.getByRole('link', { name: 'Til forsiden' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Forlad siden' }));
    expect(await screen.findByText('Forsiden')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });

  it('when text is typed and the person goes back, then the question asks, and Escape stays on the page', async () => {
    const router = renderEditor();
    type('Kære borger');
    await act(() => router.navigate(-1));

    const dialog = await screen.findByRole('dialog', { name: 'Ændringerne er ikke gemt' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(router.state.location.pathname).toBe('/skriv');
    expect((screen.getByRole('textbox', { name: 'Brev' }) as HTMLTextAreaElement).value).toBe('Kære borger');
  });

  it('while text is unsaved, closing or reloading the tab is stopped; once it is cleared again, it is not', () => {
    renderEditor();
    type('Kære borger');
    expect(closingTabIsStopped()).toBe(true);
    type('');
    expect(closingTabIsStopped()).toBe(false);
  });

  it('when the work is saved and the page goes on, then nothing asks', async () => {
    const router = renderEditor();
    type('Kære borger');
    fireEvent.click(screen.getByRole('button', { name: 'Gem' }));
    expect(await screen.findByText('Gemt')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(router.state.location.pathname).toBe('/gemt');
    expect(closingTabIsStopped()).toBe(false);
  });
});
