// Picking a person: the choices come from the kernel's user list (users.list) in the page's
// loader, the select shows their names and units.
import { Select } from 'antd';
import type { CSSProperties } from 'react';

export interface UserOption {
  id: string;
  name: string;
  orgName?: string;
}

/** The part of the kernel's `users.list` the pickers read (plugins type it without the kernel). */
export interface UserListCaller {
  users: {
    list(input: { roleKey?: string; page?: number; pageSize?: number }): Promise<{ total: number; items: { id: string; displayName: string; orgName: string; disabled: boolean }[] }>;
  };
}

const PAGE = 100;
const MAX_PAGES = 20;

/** The enabled users holding a built-in role (e.g. 'leader': the lead-leader choices of 四定一包). */
export async function usersWithRole(c: UserListCaller, roleKey: string): Promise<UserOption[]> {
  const out: UserOption[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const list = await c.users.list({ roleKey, page, pageSize: PAGE });
    for (const u of list.items) if (!u.disabled) out.push({ id: u.id, name: u.displayName, orgName: u.orgName });
    if (page * PAGE >= list.total) break;
  }
  return out;
}

interface Props {
  users: readonly UserOption[];
  id?: string;
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
}

/** One person from a list, searchable by name; the unit is shown beside the name. */
export function UserSelect({ users, id, value, onChange, placeholder, allowClear, disabled, style }: Props) {
  const options = users.map((u) => ({ value: u.id, label: u.name, title: u.name, ...(u.orgName ? { desc: u.orgName } : {}) }));
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      options={options}
      optionRender={(o) => (o.data.desc ? `${o.data.label}（${o.data.desc}）` : o.data.label)}
      showSearch
      optionFilterProp="label"
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder}
      style={{ width: '100%', ...style }}
    />
  );
}
