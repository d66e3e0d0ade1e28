import { TreeSelect } from 'antd';
import { orgTreeData } from '@zhengfa/ui';
import { useMemo } from 'react';

export interface UnitOption {
  id: string;
  parentId: string | null;
  name: string;
  disabled: boolean;
}

interface Props {
  units: readonly UnitOption[];
  id?: string;
  value?: string | string[] | null;
  onChange?: (v: string | string[] | undefined) => void;
  multiple?: boolean;
  placeholder?: string;
  allowClear?: boolean;
}

/** Picks a unit from the organisation tree (disabled units cannot be chosen). */
export function UnitSelect({ units, id, value, onChange, multiple, placeholder, allowClear }: Props) {
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
      treeNodeFilterProp="title"
      placeholder={placeholder}
      style={{ width: '100%' }}
    />
  );
}
