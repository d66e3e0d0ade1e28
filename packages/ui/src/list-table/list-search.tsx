// The keyword box of a list: a GET form, so the keyword lands in the address beside the
// list's other filters (kept as hidden fields) and works without JavaScript too.
import { Form, useSearchParams } from '@remix-run/react';
import { Button, Input, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useId } from 'react';
import { uiStrings } from '../strings.js';

export interface ListSearchProps {
  /** The address parameter that carries the keyword. */
  name?: string;
  placeholder?: string;
  /** Parameters dropped when searching (the page number by default). */
  drop?: string[];
  width?: number;
}

export function ListSearch({ name = 'q', placeholder, drop = ['page'], width = 260 }: ListSearchProps) {
  const [params] = useSearchParams();
  const id = useId();
  const kept = [...params.entries()].filter(([k]) => k !== name && !drop.includes(k));
  return (
    <Form method="get" role="search" style={{ display: 'inline-flex' }}>
      {kept.map(([k, v]) => (
        <input key={`${k}=${v}`} type="hidden" name={k} value={v} />
      ))}
      <Space.Compact>
        <label htmlFor={id} className="zf-visually-hidden">
          {uiStrings.list.keyword}
        </label>
        <Input id={id} name={name} defaultValue={params.get(name) ?? ''} key={params.get(name) ?? ''} placeholder={placeholder ?? uiStrings.list.keyword} allowClear style={{ width }} data-testid="list-search" />
        <Button htmlType="submit" icon={<SearchOutlined />}>
          {uiStrings.list.search}
        </Button>
      </Space.Compact>
    </Form>
  );
}
