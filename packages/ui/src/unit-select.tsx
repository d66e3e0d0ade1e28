import { TreeSelect } from 'antd';
import { orgTreeData } from './org-tree-data.js';
import { useMemo, type CSSProperties } from 'react';

export interface UnitOption {
  id: string;
  parentId: string | null;
  name: string;
  disabled: boolean;
}

/** The handling units among the organisations a loader read (orgs.tree): the committee itself is not one. */
export function handlingUnits(orgs: readonly { id: string; parentId: string | null; name: string; kind: string; disabled: boolean }[]): UnitOption[] {
  return orgs.filter((o) => o.kind !== 'committee').map((o) => ({ id: o.id, parentId: o.parentId, name: o.name, disabled: o.disabled }));
}

interface Props {
  units: readonly UnitOption[];
  id?: string;
  value?: string | string[] | null;
  onChange?: (v: string | string[] | undefined) => void;
  multiple?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
}

/** Picks a handling unit (承办单位) from the organisation tree; the committee itself is not offered. */
export function UnitSelect({ units, id, value, onChange, multiple, placeholder, allowClear, disabled, style }: Props) {
  const data = useMemo(() => orgTreeData(units, { disableInactive: true }), [units]);
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v: string | string[] | undefined) => onChange?.(v)}
      treeData={data}
      treeDefaultExpandAll
      showSearch
      multiple={multiple}
      allowClear={allowClear}
      disabled={disabled}
      treeNodeFilterProp="title"
      placeholder={placeholder}
      style={{ width: '100%', ...style }}
    />
  );
}
