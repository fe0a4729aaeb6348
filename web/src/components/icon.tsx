import spriteUrl from '@dkfds/img/all-svg-icons.svg?url';

/**
 * A DKFDS icon from the design system's own sprite, served from this origin. Decorative by default; pass
 * `label` when the icon carries meaning on its own.
 */
export function Icon({ name, label, className }: { name: string; label?: string; className?: string }) {
  return (
    <svg
      className={`icon-svg${className ? ` ${className}` : ''}`}
      focusable="false"
      aria-hidden={label ? undefined : true}
      aria-label={label}
      role={label ? 'img' : undefined}
    >
      <use href={`${spriteUrl}#${name}`} />
    </svg>
  );
}
