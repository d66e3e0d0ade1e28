// Pagination whose pages are links: without JavaScript a click follows the link; with it,
// the table's own handler navigates in place and the link's default is held back.
import type { PaginationProps } from 'antd';
import { cloneElement, isValidElement, type MouseEvent, type ReactElement, type ReactNode } from 'react';

type ItemRender = NonNullable<PaginationProps['itemRender']>;

const stay = (e: MouseEvent) => e.preventDefault();

/**
 * An `itemRender` for antd's Pagination whose items link to `hrefOf(page)`. The previous
 * page of the first and the next of the last (antd names the current page for them) and a
 * page outside 1…`lastPage` stay as they are.
 */
export function pageLinks(opts: { current: number; lastPage: number; hrefOf: (page: number) => string }): ItemRender {
  const { current, lastPage, hrefOf } = opts;
  return (page, type, original) => {
    if (page < 1 || page > lastPage || !isValidElement(original)) return original;
    const el = original as ReactElement<{ className?: string; children?: ReactNode }>;
    if (type === 'prev' || type === 'next') {
      if (page === current) return original;
      // antd draws these as buttons; a link in the same class looks the same.
      return (
        <a className={el.props.className} href={hrefOf(page)} onClick={stay}>
          {el.props.children}
        </a>
      );
    }
    return cloneElement(el as ReactElement<{ href?: string; onClick?: (e: MouseEvent) => void }>, { href: hrefOf(page), onClick: stay });
  };
}
