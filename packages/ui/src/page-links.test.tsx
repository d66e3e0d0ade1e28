import { Pagination } from 'antd';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { pageLinks } from './page-links.js';

const hrefOf = (page: number) => `/cases?page=${page}`;

function render(current: number, total: number): string {
  return renderToStaticMarkup(<Pagination current={current} pageSize={20} total={total} itemRender={pageLinks({ current, lastPage: Math.ceil(total / 20), hrefOf })} />);
}

describe('pageLinks', () => {
  it('links every page number to its page', () => {
    const html = render(2, 60);
    for (const page of [1, 2, 3]) expect(html).toContain(`href="/cases?page=${page}"`);
  });

  it('links the previous and next pages from a middle page', () => {
    const html = render(2, 60);
    expect(html.match(/<li[^>]*ant-pagination-prev[^>]*>(.*?)<\/li>/)?.[1]).toContain('href="/cases?page=1"');
    expect(html.match(/<li[^>]*ant-pagination-next[^>]*>(.*?)<\/li>/)?.[1]).toContain('href="/cases?page=3"');
  });

  it('leaves the previous page of the first page and the next page of the last without a link', () => {
    const html = render(1, 20);
    expect(html).toContain('href="/cases?page=1"');
    expect(html.match(/<li[^>]*ant-pagination-prev[^>]*>(.*?)<\/li>/)?.[1]).not.toContain('href=');
    expect(html.match(/<li[^>]*ant-pagination-next[^>]*>(.*?)<\/li>/)?.[1]).not.toContain('href=');
  });
});
