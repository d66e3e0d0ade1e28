// Creating a tenant (a county): its committee as the root organisation, the built-in
// roles, and the three separated administrators.
import { randomBytes } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { hashPassword } from '../auth/password.js';
import type { KernelDatabase, OrgKind, OrgLevel } from '../db/schema.js';
import { builtinRoles, defaultPluginPermissions } from '../permissions.js';
import type { PluginHost } from '../plugin-host/host.js';
import { kernelStrings } from '../strings.js';

export interface NewOrg {
  name: string;
  kind: OrgKind;
  level: OrgLevel;
  children?: NewOrg[];
}

export async function createOrgTree(db: Kysely<KernelDatabase>, tenantId: string, parent: { id: string; path: string } | null, orgs: NewOrg[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let order = 0;
  for (const org of orgs) {
    const id = crypto.randomUUID();
    const path = `${parent?.path ?? '/'}${id}/`;
    await db
      .insertInto('kernel.orgs')
      .values({ tenant_id: tenantId, id, parent_id: parent?.id ?? null, name: org.name, kind: org.kind, level: org.level, path, sort_order: order++ })
      .execute();
    ids.set(org.name, id);
    if (org.children) for (const [k, v] of await createOrgTree(db, tenantId, { id, path }, org.children)) ids.set(k, v);
  }
  return ids;
}

/**
 * Brings built-in roles up to date with the enabled plugins' permissions: creates missing
 * ones, adds each permission a plugin gives the role by default (`defaultRoles`), and takes
 * back a default the code no longer gives (a permission now declared sensitive, or of a
 * plugin no longer enabled), never what an administrator granted. What was granted by
 * default is remembered on the role (`default_permissions`, migration 0021).
 * Runs at every start, so it reads every tenant's built-in roles in one statement and
 * writes only what changed (a province of 100 counties is 1,200 roles).
 */
export async function syncBuiltinRoles(db: Kysely<KernelDatabase>, host: PluginHost, tenantId?: string): Promise<void> {
  const pluginPerms = host.permissions.filter((p) => p.owner !== 'kernel');
  const wanted = builtinRoles.map((role) => ({ role, permissions: [...new Set([...role.permissions, ...defaultPluginPermissions(role, pluginPerms)])].sort() }));
  const tenants = tenantId ? [tenantId] : (await db.selectFrom('kernel.tenants').select('id').execute()).map((t) => t.id);
  if (tenants.length === 0) return;
  let rolesQuery = db.selectFrom('kernel.roles').select(['tenant_id', 'id', 'key', 'permissions', 'default_permissions']).where('key', 'in', builtinRoles.map((r) => r.key));
  if (tenantId) rolesQuery = rolesQuery.where('tenant_id', '=', tenantId);
  const existing = new Map((await rolesQuery.execute()).map((r) => [`${r.tenant_id}\u0000${r.key}`, r]));
  const kernelKeys = new Set(host.permissions.filter((p) => p.owner === 'kernel').map((p) => p.key));

  const missing: Insertable<KernelDatabase['kernel.roles']>[] = [];
  const changed: { tenantId: string; id: string; permissions: string[]; defaults: string[] }[] = [];
  for (const t of tenants) {
    for (const { role, permissions } of wanted) {
      const row = existing.get(`${t}\u0000${role.key}`);
      if (!row) {
        missing.push({ tenant_id: t, key: role.key, name: role.name, description: role.description, builtin: true, permissions, default_permissions: permissions });
        continue;
      }
      // Before migration 0021 nothing was remembered: the role's kernel defaults and every
      // plugin permission it holds came from the defaults of the code then running.
      const before = row.default_permissions ?? row.permissions.filter((p) => role.permissions.includes(p) || !kernelKeys.has(p));
      const withdrawn = new Set(before.filter((p) => !permissions.includes(p)));
      const next = [...new Set([...row.permissions.filter((p) => !withdrawn.has(p)), ...permissions])].sort();
      if (next.join() !== [...row.permissions].sort().join() || permissions.join() !== [...(row.default_permissions ?? [])].sort().join()) {
        changed.push({ tenantId: t, id: row.id, permissions: next, defaults: permissions });
      }
    }
  }
  if (missing.length) await db.insertInto('kernel.roles').values(missing).execute();
  // Only after a plugin is enabled or disabled, or an upgrade changes a default: one update per role.
  for (const c of changed) {
    await db
      .updateTable('kernel.roles')
      .set({ permissions: c.permissions, default_permissions: c.defaults, updated_at: new Date() })
      .where('tenant_id', '=', c.tenantId)
      .where('id', '=', c.id)
      .execute();
  }
}

export interface ProvisionInput {
  code: string;
  name: string;
  /** Usernames of the three administrators; defaults admin, secadmin, auditor. */
  admins?: { sysadmin?: string; secadmin?: string; auditor?: string };
  /** Passwords; generated when omitted. Generated ones must be changed at first sign-in. */
  passwords?: { sysadmin?: string; secadmin?: string; auditor?: string };
  orgTree?: NewOrg[];
  /** One character in document numbers; defaults to the first character of the name. */
  docAbbr?: string;
}

export interface ProvisionedAccount {
  role: 'sysadmin' | 'secadmin' | 'auditor';
  roleName: string;
  username: string;
  password: string;
  mustChange: boolean;
}

function generatePassword(): string {
  // Three classes guaranteed; 16 characters of randomness.
  return `Zf-${randomBytes(9).toString('base64url')}9a`;
}

export async function provisionTenant(db: Kysely<KernelDatabase>, host: PluginHost, input: ProvisionInput): Promise<ProvisionedAccount[]> {
  if (!/^\d{6}$/.test(input.code)) throw new Error(kernelStrings.tenants.codeFormat);
  return db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('kernel.tenants').select('id').where('id', '=', input.code).executeTakeFirst();
    if (exists) throw new Error(kernelStrings.tenants.exists(input.code));
    await trx.insertInto('kernel.tenants').values({ id: input.code, name: input.name, short_name: input.name.replace(/[县区市]$/, ''), doc_abbr: input.docAbbr ?? [...input.name][0]! }).execute();
    const tree = input.orgTree ?? [{ name: `${input.name}委政法委`, kind: 'committee', level: 'county' }];
    const orgIds = await createOrgTree(trx, input.code, null, tree);
    const rootId = orgIds.get(tree[0]!.name)!;
    await syncBuiltinRoles(trx, host, input.code);
    const accounts: ProvisionedAccount[] = [];
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const username = input.admins?.[role] ?? (role === 'sysadmin' ? 'admin' : role);
      const given = input.passwords?.[role];
      const password = given ?? generatePassword();
      const { id } = await trx
        .insertInto('kernel.users')
        .values({
          tenant_id: input.code,
          org_id: rootId,
          username,
          display_name: builtinRoles.find((r) => r.key === role)!.name,
          password_hash: await hashPassword(password),
          must_change_password: !given,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const roleRow = await trx.selectFrom('kernel.roles').select('id').where('tenant_id', '=', input.code).where('key', '=', role).executeTakeFirstOrThrow();
      await trx.insertInto('kernel.user_roles').values({ tenant_id: input.code, user_id: id, role_id: roleRow.id }).execute();
      accounts.push({ role, roleName: builtinRoles.find((r) => r.key === role)!.name, username, password, mustChange: !given });
    }
    await appendAudit(trx, { tenantId: input.code, userId: null, userName: '系统初始化', ip: null, userAgent: null }, {
      action: 'tenants.create',
      targetType: 'tenant',
      targetId: input.code,
      detail: { name: input.name, admins: accounts.map((a) => a.username) },
    });
    return accounts;
  });
}
