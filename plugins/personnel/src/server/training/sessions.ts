// Courses (集中轮训, 岗位培训, 新任领导培训, 新警培训, 岗位练兵/业务竞赛, 网络学习) and their
// sessions. A course belongs to a unit, or to the committee (unit null: open to every unit's
// officers). A session has a time window on one day, its class hours and a sign-in code that
// is valid only inside the window. A unit's user sees the committee's courses and its own.
import { randomInt } from 'node:crypto';
import { badRequest, chinaDay, notFound, sql, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { inScope, mayUseUnit, unitNames, unitScope, type UnitScope } from '../scope.js';
import { trainingStrings as s } from '../strings.js';

export const courseKinds = ['rotation', 'post', 'new_leader', 'new_officer', 'drill', 'online'] as const;
export type CourseKind = (typeof courseKinds)[number];

export interface Course {
  id: string;
  unitId: string | null;
  unitName: string | null;
  kind: CourseKind;
  title: string;
  organiser: string;
  topic: string;
  version: number;
}

export interface Session {
  id: string;
  courseId: string;
  courseTitle: string;
  kind: CourseKind;
  unitId: string | null;
  startsAt: Date;
  endsAt: Date;
  heldOn: string;
  place: string;
  classHours: number;
  /** Shown to those who organise it (personnel.training); null otherwise. */
  signInCode: string | null;
  present: number;
  version: number;
}

/** Courses (aliased `c`) visible to the user: the committee's (unit null) and its scope's. */
export function courseVisible(scope: UnitScope) {
  return sql`(c.unit_id is null or ${inScope(scope, sql`c.unit_id`)})`;
}

/** The unit a user may organise a course for: the committee any (or none: the committee's own), a unit its scope. */
function checkCourseUnit(ctx: AuthedContext, scope: UnitScope, unitId: string | null): void {
  if (unitId === null ? !ctx.user.committee : !mayUseUnit(scope, unitId)) throw badRequest(s.courseUnitOutOfScope);
}

export async function createCourse(
  ctx: AuthedContext,
  input: { unitId: string | null; kind: CourseKind; title: string; organiser?: string | null; topic?: string | null; clientKey?: string },
): Promise<{ id: string }> {
  const scope = await unitScope(ctx);
  checkCourseUnit(ctx, scope, input.unitId);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await sql<{ id: string }>`insert into personnel.training_courses (tenant_id, unit_id, kind, title, organiser, topic, client_key, created_by)
      values (${ctx.tenant.id}, ${input.unitId}, ${input.kind}, ${input.title}, ${input.organiser ?? ''}, ${input.topic ?? ''}, ${input.clientKey ?? null}, ${ctx.user.id})
      on conflict (tenant_id, client_key) where client_key is not null do nothing
      returning id`.execute(trx);
    if (!r.rows[0]) return { id: (await sameKey(ctx, trx, 'training_courses', input.clientKey!)) };
    const id = r.rows[0].id;
    await ctx.audit.record({ action: 'personnel.training.course.create', targetType: 'personnel.course', targetId: id, detail: { kind: input.kind } }, { db: trx });
    return { id };
  });
}

export async function listCourses(ctx: AuthedContext, input: { kind?: CourseKind }): Promise<Course[]> {
  const scope = await unitScope(ctx);
  const names = unitNames(scope);
  const r = await sql<{ id: string; unit_id: string | null; kind: CourseKind; title: string; organiser: string; topic: string; version: number }>`
    select c.id, c.unit_id, c.kind, c.title, c.organiser, c.topic, c.version from personnel.training_courses c
    where c.tenant_id = ${ctx.tenant.id} and ${courseVisible(scope)} ${input.kind ? sql`and c.kind = ${input.kind}` : sql``}
    order by c.created_at desc limit 500`.execute(ctx.db);
  return r.rows.map((c) => ({ id: c.id, unitId: c.unit_id, unitName: c.unit_id ? (names.get(c.unit_id) ?? '') : null, kind: c.kind, title: c.title, organiser: c.organiser, topic: c.topic, version: c.version }));
}

export async function loadCourse(ctx: AuthedContext, db: Kysely<any>, scope: UnitScope, id: string) {
  const r = await sql<{ id: string; unit_id: string | null; kind: CourseKind; title: string }>`select c.id, c.unit_id, c.kind, c.title
    from personnel.training_courses c where c.tenant_id = ${ctx.tenant.id} and c.id = ${id} and ${courseVisible(scope)}`.execute(db);
  if (!r.rows[0]) throw notFound(s.courseNotFound);
  return r.rows[0];
}

/** The record a create with the same client key made first (a retried request). */
async function sameKey(ctx: AuthedContext, db: Kysely<any>, table: 'training_courses' | 'training_sessions', clientKey: string): Promise<string> {
  const r = await sql<{ id: string }>`select id from ${sql.table(`personnel.${table}`)} where tenant_id = ${ctx.tenant.id} and client_key = ${clientKey}`.execute(db);
  return r.rows[0]!.id;
}

/** An eight-digit code, easy to type on a phone. */
function newSignInCode(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, '0');
}

export async function createSession(
  ctx: AuthedContext,
  input: { courseId: string; startsAt: Date; endsAt: Date; place?: string | null; classHours: number; clientKey?: string },
): Promise<{ id: string; signInCode: string }> {
  if (input.endsAt.getTime() <= input.startsAt.getTime()) throw badRequest(s.endsBeforeStart);
  const heldOn = chinaDay(input.startsAt);
  if (chinaDay(new Date(input.endsAt.getTime() - 1)) !== heldOn) throw badRequest(s.sessionTooLong);
  const scope = await unitScope(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const course = await loadCourse(ctx, trx, scope, input.courseId);
    checkCourseUnit(ctx, scope, course.unit_id);
    const code = newSignInCode();
    const r = await sql<{ id: string }>`insert into personnel.training_sessions
        (tenant_id, course_id, starts_at, ends_at, held_on, place, class_hours, sign_in_code, client_key, created_by)
      values (${ctx.tenant.id}, ${course.id}, ${input.startsAt}, ${input.endsAt}, ${heldOn}, ${input.place ?? ''}, ${input.classHours}, ${code}, ${input.clientKey ?? null}, ${ctx.user.id})
      on conflict (tenant_id, client_key) where client_key is not null do nothing
      returning id`.execute(trx);
    if (!r.rows[0]) {
      const id = await sameKey(ctx, trx, 'training_sessions', input.clientKey!);
      const again = await sql<{ sign_in_code: string }>`select sign_in_code from personnel.training_sessions where tenant_id = ${ctx.tenant.id} and id = ${id}`.execute(trx);
      return { id, signInCode: again.rows[0]!.sign_in_code };
    }
    const id = r.rows[0].id;
    await ctx.audit.record(
      { action: 'personnel.training.session.create', targetType: 'personnel.session', targetId: id, detail: { courseId: course.id, classHours: input.classHours, heldOn } },
      { db: trx },
    );
    return { id, signInCode: code };
  });
}

interface SessionRow {
  id: string;
  course_id: string;
  course_title: string;
  kind: CourseKind;
  unit_id: string | null;
  starts_at: Date;
  ends_at: Date;
  held_on: string;
  place: string;
  class_hours: string;
  sign_in_code: string;
  present: number;
  version: number;
}

const SESSION_COLUMNS = sql`s.id, s.course_id, c.title as course_title, c.kind, c.unit_id, s.starts_at, s.ends_at, s.held_on::text as held_on,
  s.place, s.class_hours, s.sign_in_code, s.version,
  (select count(*)::int from personnel.training_attendance a where a.tenant_id = s.tenant_id and a.session_id = s.id and a.status = 'present') as present`;

function presentSession(ctx: AuthedContext, r: SessionRow): Session {
  return {
    id: r.id,
    courseId: r.course_id,
    courseTitle: r.course_title,
    kind: r.kind,
    unitId: r.unit_id,
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    heldOn: r.held_on,
    place: r.place,
    classHours: Number(r.class_hours),
    signInCode: ctx.can('personnel.training') ? r.sign_in_code : null,
    present: r.present,
    version: r.version,
  };
}

export async function listSessions(ctx: AuthedContext, input: { courseId?: string; from?: string; to?: string }): Promise<Session[]> {
  const scope = await unitScope(ctx);
  const r = await sql<SessionRow>`select ${SESSION_COLUMNS}
    from personnel.training_sessions s join personnel.training_courses c on c.tenant_id = s.tenant_id and c.id = s.course_id
    where s.tenant_id = ${ctx.tenant.id} and ${courseVisible(scope)}
      ${input.courseId ? sql`and s.course_id = ${input.courseId}` : sql``}
      ${input.from ? sql`and s.held_on >= ${input.from}::date` : sql``}
      ${input.to ? sql`and s.held_on <= ${input.to}::date` : sql``}
    order by s.starts_at limit 1000`.execute(ctx.db);
  return r.rows.map((row) => presentSession(ctx, row));
}

export async function loadSession(ctx: AuthedContext, db: Kysely<any>, scope: UnitScope, id: string): Promise<Session> {
  const r = await sql<SessionRow>`select ${SESSION_COLUMNS}
    from personnel.training_sessions s join personnel.training_courses c on c.tenant_id = s.tenant_id and c.id = s.course_id
    where s.tenant_id = ${ctx.tenant.id} and s.id = ${id} and ${courseVisible(scope)}`.execute(db);
  if (!r.rows[0]) throw notFound(s.sessionNotFound);
  return presentSession(ctx, r.rows[0]);
}
