import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CONSOLE_CSS } from './console-css.js';
import { ListTable, type ListColumn } from './list-table.js';

interface Row {
  id: string;
  title: string;
  parties: string;
}

const columns: ListColumn<Row>[] = [
  { key: 'title', title: '标题', dataIndex: 'title', ellipsis: true },
  { key: 'parties', title: '当事人', dataIndex: 'parties', hiddenByDefault: true },
  { key: 'actions', title: '操作', render: () => '查看' },
];
const rows: Row[] = [
  { id: 'a', title: '关于某村土地纠纷的调处', parties: '张三' },
  { id: 'b', title: '第二件', parties: '李四' },
];

const cellsOf = (html: string, cls: string) => [...html.matchAll(new RegExp(`<td[^>]*class="[^"]*${cls}[^"]*"[^>]*>(.*?)</td>`, 'g'))].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

describe('ListTable', () => {
  it('numbers the rows on from the earlier pages (序号)', () => {
    const html = renderToString(<ListTable<Row> listId="t" rowKey="id" columns={columns} dataSource={rows} pagination={{ current: 3, pageSize: 20, total: 42 }} />);
    expect(html).toContain('序号');
    expect(cellsOf(html, 'ant-table-cell-fix-left').filter((t) => /^\d+$/.test(t))).toEqual(['41', '42']);
  });

  it('leaves out a column hidden by default until the user shows it', () => {
    const html = renderToString(<ListTable<Row> listId="t" rowKey="id" columns={columns} dataSource={rows} pagination={false} />);
    expect(html).toContain('标题');
    expect(html).not.toContain('当事人');
    expect(html).not.toContain('张三');
  });

  it('fixes the first column to the left and the actions to the right', () => {
    const html = renderToString(<ListTable<Row> listId="t" rowKey="id" columns={columns} dataSource={rows} pagination={false} showIndex={false} />);
    expect(cellsOf(html, 'ant-table-cell-fix-left')).toEqual(['关于某村土地纠纷的调处', '第二件']);
    expect(cellsOf(html, 'ant-table-cell-fix-right')).toEqual(['查看', '查看']);
  });

  it('gives the rows check boxes only when there are batch actions', () => {
    const without = renderToString(<ListTable<Row> listId="t" rowKey="id" columns={columns} dataSource={rows} pagination={false} />);
    const withBatch = renderToString(<ListTable<Row> listId="t" rowKey="id" columns={columns} dataSource={rows} pagination={false} batchActions={() => '催办'} />);
    expect(without).not.toContain('ant-table-selection-column');
    expect(withBatch).toContain('ant-table-selection-column');
  });
});

describe('the console stylesheet', () => {
  it('numbers printed pages and hides the navigation when printing', () => {
    expect(CONSOLE_CSS).toContain('@bottom-center{content:"第 " counter(page) " 页，共 " counter(pages) " 页"');
    expect(CONSOLE_CSS).toMatch(/@media print\{[^}]*\.ant-layout-sider/);
  });
});
