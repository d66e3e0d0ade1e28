// The county (tenant) choice on the sign-in page, shown when the instance hosts more than
// one. antd's select needs JavaScript; without it a native select inside <noscript> stands
// in and sends `tenantId` itself (NO_SCRIPT_CSS hides the antd one). The antd select's
// value travels in a hidden field only once the page is hydrated, so a form sent without
// JavaScript never carries two values.
import { Select } from 'antd';
import { useHydrated } from '@zhengfa/ui';
import { strings } from '../strings.js';

const s = strings.login;

export interface TenantOption {
  id: string;
  name: string;
}

export function TenantField({ tenants, value, onChange }: { tenants: TenantOption[]; value: string | undefined; onChange: (id: string) => void }) {
  const hydrated = useHydrated();
  const label = (t: TenantOption) => `${t.name}（${t.id}）`;
  return (
    <>
      <div style={{ marginBottom: 16 }} className="zf-needs-js">
        <label htmlFor="login-tenant" style={{ display: 'block', marginBottom: 6 }}>
          {s.tenant}
        </label>
        <Select id="login-tenant" style={{ width: '100%' }} value={value} onChange={onChange} placeholder={s.tenantPlaceholder} options={tenants.map((t) => ({ value: t.id, label: label(t) }))} />
        {hydrated ? <input type="hidden" name="tenantId" value={value ?? ''} /> : null}
      </div>
      <noscript>
        <div style={{ marginBottom: 16 }}>
          <label htmlFor="login-tenant-native" style={{ display: 'block', marginBottom: 6 }}>
            {s.tenant}
          </label>
          <select id="login-tenant-native" name="tenantId" defaultValue={tenants[0]?.id} style={{ width: '100%', height: 40, fontSize: 16 }}>
            {tenants.map((t) => (
              <option key={t.id} value={t.id}>
                {label(t)}
              </option>
            ))}
          </select>
        </div>
      </noscript>
    </>
  );
}
