import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TenantField } from './tenant-field.js';

const tenants = [
  { id: '990001', name: '示范县' },
  { id: '990002', name: '邻县' },
];

describe('the county choice on the sign-in page, as the server renders it', () => {
  const html = renderToStaticMarkup(<TenantField tenants={tenants} value="990001" onChange={() => {}} />);

  it('offers a native select named tenantId inside <noscript>, for a browser without JavaScript', () => {
    const noscript = /<noscript>(.*)<\/noscript>/s.exec(html)?.[1] ?? '';
    expect(noscript).toContain('<select id="login-tenant-native" name="tenantId"');
    expect(noscript).toContain('<option value="990002">邻县（990002）</option>');
  });

  it('sends no hidden tenantId before hydration, so a form without JavaScript carries only the native choice', () => {
    expect(html.match(/name="tenantId"/g)).toHaveLength(1);
    expect(html).not.toContain('type="hidden"');
  });

  it('marks the antd select as needing JavaScript', () => {
    expect(html).toMatch(/<div[^>]*class="zf-needs-js"[^>]*><label for="login-tenant"/);
  });
});
