import { Link } from 'react-router';
import { Icon } from './icon';

export interface Crumb {
  label: string;
  /** Omit for the current page, which is the last crumb and not a link. */
  to?: string;
}

/** DKFDS breadcrumbs: where the page sits, as a labelled navigation landmark; the last item is the current page. */
export function Breadcrumbs({ items, label }: { items: readonly Crumb[]; label: string }) {
  return (
    <nav className="breadcrumbs" aria-label={label} data-testid="breadcrumbs">
      <ol className="breadcrumbs__list">
        {items.map((item, i) => {
          const last = i === items.length - 1;
          return (
            <li key={`${i}-${item.label}`} className="breadcrumbs__list-item" aria-current={last ? 'page' : undefined}>
              {item.to && !last ? (
                <Link className="breadcrumbs__link" to={item.to}>
                  {item.label}
                </Link>
              ) : (
                item.label
              )}
              {/* Also after a crumb without a page of its own (a trial has none yet), so the trail reads as one. */}
              {last ? null : <Icon name="chevron-right" />}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
