// The demo county (示范县) seeded on the first embedded start: a realistic organisation
// tree and one account per built-in role, all with the same printed password.
import type { Kysely } from 'kysely';
import { hashPassword, PUBLISHED_DEMO_PASSWORD } from '../auth/password.js';
import type { KernelDatabase } from '../db/schema.js';
import type { PluginHost } from '../plugin-host/host.js';
import { provisionTenant, type NewOrg } from '../tenants/provision.js';

export const DEMO_TENANT = { code: '990001', name: '示范县' } as const;
export const DEMO_PASSWORD = PUBLISHED_DEMO_PASSWORD;

export const demoOrgTree: NewOrg[] = [
  {
    name: '示范县委政法委',
    kind: 'committee',
    level: 'county',
    children: [
      {
        name: '示范县公安局',
        kind: 'police',
        level: 'county',
        children: [
          { name: '城关派出所', kind: 'police', level: 'township' },
          { name: '刑事侦查大队', kind: 'department', level: 'county' },
          { name: '法制大队', kind: 'department', level: 'county' },
        ],
      },
      { name: '示范县人民检察院', kind: 'procuratorate', level: 'county', children: [{ name: '刑事检察部', kind: 'department', level: 'county' }] },
      { name: '示范县人民法院', kind: 'court', level: 'county', children: [{ name: '城关人民法庭', kind: 'court', level: 'township' }] },
      { name: '示范县司法局', kind: 'justice', level: 'county', children: [{ name: '城关司法所', kind: 'justice', level: 'township' }] },
      {
        name: '城关镇党委政府',
        kind: 'township',
        level: 'township',
        children: [
          { name: '东街社区居委会', kind: 'village', level: 'village' },
          { name: '西关村委会', kind: 'village', level: 'village' },
        ],
      },
      { name: '河口乡党委政府', kind: 'township', level: 'township', children: [{ name: '河口村委会', kind: 'village', level: 'village' }] },
    ],
  },
];

export const demoAccounts = [
  { username: 'admin', name: '王系统', role: 'sysadmin', org: '示范县委政法委' },
  { username: 'secadmin', name: '李安全', role: 'secadmin', org: '示范县委政法委' },
  { username: 'auditor', name: '赵审计', role: 'auditor', org: '示范县委政法委' },
  { username: 'leader', name: '刘书记', role: 'leader', org: '示范县委政法委' },
  { username: 'supervisor', name: '陈监督', role: 'supervisor', org: '示范县委政法委' },
  { username: 'liaison', name: '张联络', role: 'liaison', org: '示范县公安局' },
] as const;

/** Seeds the demo county unless any tenant exists. Returns whether it seeded. */
export async function seedDemo(db: Kysely<KernelDatabase>, host: PluginHost): Promise<boolean> {
  const any = await db.selectFrom('kernel.tenants').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  await provisionTenant(db, host, {
    code: DEMO_TENANT.code,
    name: DEMO_TENANT.name,
    passwords: { sysadmin: DEMO_PASSWORD, secadmin: DEMO_PASSWORD, auditor: DEMO_PASSWORD },
    orgTree: demoOrgTree,
  });
  const tenantId = DEMO_TENANT.code;
  const hashed = await hashPassword(DEMO_PASSWORD);
  for (const acc of demoAccounts) {
    const org = await db.selectFrom('kernel.orgs').select('id').where('tenant_id', '=', tenantId).where('name', '=', acc.org).executeTakeFirstOrThrow();
    const role = await db.selectFrom('kernel.roles').select('id').where('tenant_id', '=', tenantId).where('key', '=', acc.role).executeTakeFirstOrThrow();
    const existing = await db.selectFrom('kernel.users').select('id').where('tenant_id', '=', tenantId).where('username', '=', acc.username).executeTakeFirst();
    if (existing) {
      await db.updateTable('kernel.users').set({ display_name: acc.name }).where('tenant_id', '=', tenantId).where('id', '=', existing.id).execute();
      continue;
    }
    const { id } = await db
      .insertInto('kernel.users')
      .values({ tenant_id: tenantId, org_id: org.id, username: acc.username, display_name: acc.name, password_hash: hashed })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('kernel.user_roles').values({ tenant_id: tenantId, user_id: id, role_id: role.id }).execute();
  }
  return true;
}
