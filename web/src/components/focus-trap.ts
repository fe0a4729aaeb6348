import type { KeyboardEvent } from 'react';

/** What a focus trap moves between by default: links, enabled buttons, form fields and elements in the tab order. */
export const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex="0"]';

/**
 * For a modal's Tab key (a dialog, the mobile menu): Tab from the last control goes to the first, Shift+Tab from
 * the first (or from `alsoFirst`, such as a focused heading) to the last, so focus stays inside `container`.
 */
export function keepTabInside(e: KeyboardEvent<HTMLElement>, container: HTMLElement, opts: { selector?: string; alsoFirst?: HTMLElement | null } = {}): void {
  const focusable = container.querySelectorAll<HTMLElement>(opts.selector ?? FOCUSABLE);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (e.shiftKey && (active === first || (opts.alsoFirst != null && active === opts.alsoFirst))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}
