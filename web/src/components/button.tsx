import type { ComponentProps } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'tertiary';

/** The DKFDS classes of a button, also for a link that looks like one (a Link to the next step, a download). */
export function buttonClass(variant: ButtonVariant, extra?: string): string {
  return `button button-${variant}${extra ? ` ${extra}` : ''}`;
}

/**
 * A DKFDS button: primary for the one action a page or form is for, secondary beside it, tertiary for the
 * least of them. Everything else is passed on as it is, `type` included (a button in a form submits it unless
 * it says type="button").
 */
export function Button({ variant, className, ...rest }: ComponentProps<'button'> & { variant: ButtonVariant }) {
  return <button {...rest} className={buttonClass(variant, className)} />;
}
