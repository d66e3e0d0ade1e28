// The list every console page shows (kernel and plugins): 序号, the first and the action
// columns fixed, long text cut with an ellipsis and shown whole in a tooltip, columns the
// user may hide (remembered per user and list), row selection with a slot for batch
// actions, and a print button. Filters and pages live in the address (the page's loader
// reads them), so the table itself stays a plain antd Table that renders on the server.
import { Button, Checkbox, Flex, Popover, Table, Tooltip, Typography } from 'antd';
import type { TableColumnType, TableProps } from 'antd';
import type { TableRowSelection } from 'antd/es/table/interface.js';
import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import { useRouteLoaderData } from '@remix-run/react';
import { useEffect, useMemo, useState, type Key, type ReactNode } from 'react';
import { saveBlob } from '../download.js';
import { uiStrings } from '../strings.js';
import { toCsv } from './csv.js';
import { defaultHidden, readHidden, settingsStorageKey, visibleKeys, writeHidden } from './column-settings.js';
import { PrintButton } from './print-button.js';

const s = uiStrings.list;

export type ListColumn<T> = TableColumnType<T> & {
  key: string;
  /** Shown whatever the user chooses (the first column and the actions are locked anyway). */
  locked?: boolean;
  /** Hidden until the user shows it in 列设置. */
  hiddenByDefault?: boolean;
  /** The whole text for the tooltip of a cut cell, when the cell is not plain text. */
  tooltip?: (row: T) => string | null | undefined;
  /** The cell as text in a CSV export (default: the tooltip text, else the data field). */
  exportText?: (row: T) => string | null | undefined;
};

export interface BatchSelection<T> {
  keys: Key[];
  rows: T[];
  clear: () => void;
}

export interface ListTableProps<T> extends Omit<TableProps<T>, 'columns' | 'rowSelection' | 'title'> {
  /** Names the list for the remembered column settings, e.g. 'cases'. */
  listId: string;
  columns: ListColumn<T>[];
  /** Numbers the rows (序号) counting on from earlier pages; on by default. */
  showIndex?: boolean;
  /** Batch actions for the selected rows; given, the rows get check boxes. */
  batchActions?: (selection: BatchSelection<T>) => ReactNode;
  /** Buttons at the left of the toolbar (e.g. 导出); settings and print sit at the right. */
  toolbar?: ReactNode;
  /** The narrowest the table gets before it scrolls sideways (fixed columns stay put). */
  minWidth?: number;
  /**
   * Offers 导出 as CSV of the rows the page holds, under this file name (without .csv), for
   * a list the server has no xlsx export for.
   */
  csvName?: string;
}

function cellText<T>(col: ListColumn<T>, row: T): string {
  const text = col.exportText?.(row) ?? col.tooltip?.(row);
  if (text != null) return text;
  const dataIndex = col.dataIndex as keyof T | undefined;
  const value = dataIndex ? row[dataIndex] : undefined;
  return value == null ? '' : String(value);
}

/** The signed-in user's id from the console layout's data (column settings are per user). */
function useConsoleUserId(): string | null {
  try {
    const data = useRouteLoaderData('routes/_console') as { me?: { user?: { id?: string } } } | undefined;
    return data?.me?.user?.id ?? null;
  } catch {
    // Rendered outside the console's router (a unit test): settings are not per user then.
    return null;
  }
}

function withTooltip<T>(col: ListColumn<T>): TableColumnType<T> {
  if (!col.ellipsis) return col;
  const render = col.render;
  const dataIndex = col.dataIndex as keyof T | undefined;
  return {
    ...col,
    ellipsis: { showTitle: false },
    render: (value: unknown, row: T, index: number) => {
      const node = (render ? render(value, row, index) : (dataIndex ? row[dataIndex] : value)) as ReactNode;
      const text = col.tooltip?.(row) ?? (typeof node === 'string' || typeof node === 'number' ? String(node) : null);
      if (!text) return node;
      return (
        <Tooltip title={text} placement="topLeft">
          <span>{node}</span>
        </Tooltip>
      );
    },
  };
}

function ColumnSettings<T>({ columns, hidden, onChange }: { columns: ListColumn<T>[]; hidden: string[]; onChange: (hidden: string[] | null) => void }) {
  const choosable = columns.filter((c) => !c.locked);
  const shown = choosable.filter((c) => !hidden.includes(c.key)).map((c) => c.key);
  const content = (
    <Flex vertical gap={8}>
      <Checkbox.Group
        value={shown}
        onChange={(keys) => onChange(choosable.map((c) => c.key).filter((k) => !keys.includes(k)))}
        style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        options={choosable.map((c) => ({ value: c.key, label: typeof c.title === 'string' ? c.title : c.key }))}
      />
      <Button size="small" onClick={() => onChange(null)}>
        {s.columnsReset}
      </Button>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={s.columnsTitle} content={content}>
      <Button icon={<SettingOutlined />} aria-label={s.columns} data-testid="list-columns">
        {s.columns}
      </Button>
    </Popover>
  );
}

export function ListTable<T extends object>({ listId, columns, showIndex = true, batchActions, toolbar, minWidth, csvName, pagination, dataSource, ...rest }: ListTableProps<T>) {
  const userId = useConsoleUserId();
  const storageKey = settingsStorageKey(listId, userId);
  const fallback = useMemo(() => defaultHidden(columns), [columns]);
  // The server and the first browser render use the defaults; the user's choice follows.
  const [hidden, setHidden] = useState<string[]>(fallback);
  useEffect(() => {
    setHidden(readHidden(globalThis.localStorage, storageKey) ?? fallback);
  }, [storageKey, fallback]);
  const choose = (next: string[] | null) => {
    writeHidden(globalThis.localStorage, storageKey, next);
    setHidden(next ?? fallback);
  };

  const [selected, setSelected] = useState<{ keys: Key[]; rows: T[] }>({ keys: [], rows: [] });
  useEffect(() => setSelected({ keys: [], rows: [] }), [dataSource]);
  const clear = () => setSelected({ keys: [], rows: [] });

  // A list paged in the browser (the page loads it whole) keeps its page here.
  const [localPage, setLocalPage] = useState(1);
  const page = pagination ? (pagination.current ?? localPage) : 1;
  const pageSize = pagination ? (pagination.pageSize ?? 10) : 0;
  const shown = visibleKeys(columns, hidden);
  const visible = columns.filter((c) => shown.has(c.key));
  const tableColumns: TableColumnType<T>[] = visible.map((c, i) => {
    const col = withTooltip(c);
    if (i === 0) return { ...col, fixed: 'left' };
    if (c.key === 'actions') return { ...col, fixed: 'right', className: [col.className, 'zf-no-print'].filter(Boolean).join(' ') };
    return col;
  });
  if (showIndex) {
    tableColumns.unshift({
      key: '__index',
      title: s.index,
      width: 52,
      align: 'center',
      fixed: 'left',
      render: (_: unknown, __: T, index: number) => (page - 1) * pageSize + index + 1,
    });
  }

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap="wrap" className="zf-no-print">
        <Flex gap={8} wrap="wrap" align="center">
          {toolbar}
          {csvName ? (
            <Button
              icon={<DownloadOutlined />}
              data-testid="list-export"
              onClick={() => {
                const cols = visible.filter((c) => c.key !== 'actions');
                const csv = toCsv(
                  [s.index, ...cols.map((c) => (typeof c.title === 'string' ? c.title : c.key))],
                  (dataSource ?? []).map((row, i) => [String(i + 1), ...cols.map((c) => cellText(c, row))]),
                );
                saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${csvName}.csv`);
              }}
            >
              {s.export}
            </Button>
          ) : null}
        </Flex>
        <Flex gap={8}>
          <ColumnSettings columns={columns} hidden={hidden} onChange={choose} />
          <PrintButton />
        </Flex>
      </Flex>
      {batchActions ? (
        <div aria-live="polite" className="zf-no-print">
          {selected.keys.length > 0 ? (
            <Flex gap={12} align="center" wrap="wrap" data-testid="list-batch" style={{ padding: '6px 12px', background: '#fff7f6', border: '1px solid #f0d5d3', borderRadius: 6 }}>
              <Typography.Text strong>{s.selected(selected.keys.length)}</Typography.Text>
              {batchActions({ keys: selected.keys, rows: selected.rows, clear })}
              <Button type="link" onClick={clear} style={{ paddingInline: 0 }}>
                {s.clearSelection}
              </Button>
            </Flex>
          ) : null}
        </div>
      ) : null}
      <Table<T>
        {...rest}
        dataSource={dataSource}
        columns={tableColumns}
        tableLayout="fixed"
        scroll={{ x: minWidth ?? 'max-content' }}
        pagination={
          pagination
            ? {
                ...pagination,
                className: [pagination.className, 'zf-no-print'].filter(Boolean).join(' '),
                onChange: (p, size) => {
                  setLocalPage(p);
                  pagination.onChange?.(p, size);
                },
              }
            : pagination
        }
        rowSelection={
          batchActions
            ? {
                selectedRowKeys: selected.keys,
                onChange: (keys, rows) => setSelected({ keys, rows }),
                columnWidth: 40,
                fixed: 'left',
                // Each box named for screen readers (and axe): antd's are unnamed, its "select all" English.
                getTitleCheckboxProps: () => ({ 'aria-label': s.selectAll }) as ReturnType<NonNullable<TableRowSelection<T>['getTitleCheckboxProps']>>,
                getCheckboxProps: (row: T) => ({ 'aria-label': s.selectRow((dataSource ?? []).indexOf(row) + 1) }) as ReturnType<NonNullable<TableRowSelection<T>['getCheckboxProps']>>,
              }
            : undefined
        }
      />
    </Flex>
  );
}
