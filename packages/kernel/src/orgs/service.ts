// Organisation operations: the tree within the user's scope, and creating and editing units.
// A unit is created under a parent in scope; it is disabled only when no enabled child unit
// and no enabled user remain in it.
import { badRequest, notFound, versionConflict, type AuthedContext } from '@zhengfa/plugin-api';
import { sql } from 'kysely';
import { kdb } from '../context.js';
import { orgInScope } from '../scope.js';
import { kernelStrings, orgKindNames, orgLevelNames } from '../strings.js';
import { orgKinds, orgLevels, type CreateOrgInput, type UpdateOrgInput } from './schemas.js';

const s = kernelStrings.orgs;

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === '23505';
}

/** The organisation tree within the user's scope, as a flat list with parent ids. */
export async function orgTree(ctx: AuthedContext) {
  const db = kdb(ctx);
  const rows = await db
    .selectFrom('kernel.orgs as o')
    .select(['o.id', 'o.parent_id', 'o.name', 'o.kind', 'o.level', 'o.path', 'o.sort_order', 'o.disabled', 'o.version'])
    .select((eb) =>
      eb
        .selectFrom('kernel.users as u')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('u.tenant_id', '=', 'o.tenant_id')
        .whereRef('u.org_id', '=', 'o.id')
        .where('u.disabled', '=', false)
        .as('user_count'),
    )
    .where('o.tenant_id', '=', ctx.tenant.id)
    .where(orgInScope(db, ctx.user, 'o.id'))
    .orderBy('o.path')
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      name: r.name,
      kind: r.kind,
      kindName: orgKindNames[r.kind],
      level: r.level,
      levelName: orgLevelNames[r.level],
      depth: r.path.split('/').length - 3,
      sortOrder: r.sort_order,
      disabled: r.disabled,
      version: r.version,
      userCount: Number(r.user_count ?? 0),
    }))
    .sort((a, b) => a.depth - b.depth || a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
}

export async function createOrg(ctx: AuthedContext, input: CreateOrgInput) {
  const db = kdb(ctx);
  return db.transaction().execute(async (trx) => {
    const parent = await trx
      .selectFrom('kernel.orgs')
      .select(['id', 'path'])
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', input.parentId)
      .where(orgInScope(trx, ctx.user, 'id'))
      .executeTakeFirst();
    if (!parent) throw badRequest(s.parentNotFound);
    const id = crypto.randomUUID();
    try {
      await trx
        .insertInto('kernel.orgs')
        .values({
          tenant_id: ctx.tenant.id,
          id,
          parent_id: parent.id,
          name: input.name,
          kind: input.kind,
          level: input.level,
          sort_order: input.sortOrder,
          path: `${parent.path}${id}/`,
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw badRequest(s.duplicateName(input.name));
      throw err;
    }
    await ctx.audit.record(
      { action: 'orgs.create', targetType: 'org', targetId: id, detail: { name: input.name, kind: input.kind, parentId: parent.id } },
      { db: trx },
    );
    return { id };
  });
}

export async function updateOrg(ctx: AuthedContext, input: UpdateOrgInput) {
  const db = kdb(ctx);
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('kernel.orgs')
      .selectAll()
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', input.id)
      .where(orgInScope(trx, ctx.user, 'id'))
      .executeTakeFirst();
    if (!current) throw notFound(s.notFound);
    if (input.disabled && !current.disabled) {
      const child = await trx
        .selectFrom('kernel.orgs')
        .select('id')
        .where('tenant_id', '=', ctx.tenant.id)
        .where('parent_id', '=', input.id)
        .where('disabled', '=', false)
        .executeTakeFirst();
      if (child) throw badRequest(s.hasChildren);
      const user = await trx
        .selectFrom('kernel.users')
        .select('id')
        .where('tenant_id', '=', ctx.tenant.id)
        .where('org_id', '=', input.id)
        .where('disabled', '=', false)
        .executeTakeFirst();
      if (user) throw badRequest(s.hasUsers);
    }
    let updated;
    try {
      updated = await trx
        .updateTable('kernel.orgs')
        .set({
          name: input.name,
          kind: input.kind,
          level: input.level,
          sort_order: input.sortOrder,
          disabled: input.disabled,
          version: sql`version + 1`,
          updated_at: new Date(),
        })
        .where('tenant_id', '=', ctx.tenant.id)
        .where('id', '=', input.id)
        .where('version', '=', input.version)
        .returning('version')
        .executeTakeFirst();
    } catch (err) {
      if (isUniqueViolation(err)) throw badRequest(s.duplicateName(input.name));
      throw err;
    }
    if (!updated) throw versionConflict();
    await ctx.audit.record(
      {
        action: 'orgs.update',
        targetType: 'org',
        targetId: input.id,
        detail: { before: { name: current.name, kind: current.kind, level: current.level, disabled: current.disabled }, after: { name: input.name, kind: input.kind, level: input.level, disabled: input.disabled } },
      },
      { db: trx },
    );
    return { version: updated.version };
  });
}

/** The names of organisation kinds and levels, for forms. */
export function orgVocab() {
  return {
    kinds: orgKinds.map((k) => ({ value: k, label: orgKindNames[k] })),
    levels: orgLevels.map((l) => ({ value: l, label: orgLevelNames[l] })),
  };
}
