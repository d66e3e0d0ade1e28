// Attendance per session: recorded by the training staff (personnel.training) for the
// officers of their scope, or by the officer signing in with the session's code, which the
// kernel clock accepts only inside the session's time window. Only 'present' credits hours.
// Exam results and certificates are recorded by officer number.
import { badRequest, sql, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { inScope, unitScope, type UnitScope } from '../scope.js';
import { trainingStrings as s } from '../strings.js';
import { loadCourse, loadSession } from './sessions.js';

export const attendanceStatuses = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

export interface AttendanceEntry {
  officerId: string;
  officerNo: string;
  name: string;
  unitId: string;
  status: AttendanceStatus;
  method: 'staff' | 'code';
  recordedAt: Date;
}

/** The officers of `ids` within the scope; refused naming the list when any is unknown or outside. */
async function officersInScope(ctx: AuthedContext, db: Kysely<any>, scope: UnitScope, ids: string[]): Promise<void> {
  const r = await sql<{ id: string; inside: boolean }>`select o.id, ${inScope(scope, sql`o.unit_id`)} as inside from personnel.officers o
    where o.tenant_id = ${ctx.tenant.id} and o.id = any(${sql.val(ids)}::uuid[])`.execute(db);
  if (r.rows.length !== new Set(ids).size) throw badRequest(s.officerUnknown);
  if (r.rows.some((o) => !o.inside)) throw badRequest(s.officerOutOfScope);
}

export async function recordAttendance(
  ctx: AuthedContext,
  input: { sessionId: string; entries: { officerId: string; status: AttendanceStatus }[] },
): Promise<{ recorded: number }> {
  const scope = await unitScope(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const session = await loadSession(ctx, trx, scope, input.sessionId);
    if (ctx.now().getTime() < session.startsAt.getTime()) throw badRequest(s.attendanceBeforeStart(clockTime(session.startsAt)));
    await officersInScope(ctx, trx, scope, input.entries.map((e) => e.officerId));
    for (const e of input.entries) {
      await sql`insert into personnel.training_attendance (tenant_id, session_id, officer_id, status, method, recorded_by)
        values (${ctx.tenant.id}, ${session.id}, ${e.officerId}, ${e.status}, 'staff', ${ctx.user.id})
        on conflict (tenant_id, session_id, officer_id) do update set status = excluded.status, method = 'staff',
          recorded_by = excluded.recorded_by, recorded_at = now()`.execute(trx);
    }
    await ctx.audit.record(
      {
        action: 'personnel.training.attendance',
        targetType: 'personnel.session',
        targetId: session.id,
        detail: { present: input.entries.filter((e) => e.status === 'present').length, entries: input.entries.length },
      },
      { db: trx },
    );
    return { recorded: input.entries.length };
  });
}

export async function sessionAttendance(ctx: AuthedContext, sessionId: string): Promise<AttendanceEntry[]> {
  const scope = await unitScope(ctx);
  const session = await loadSession(ctx, ctx.db, scope, sessionId);
  const r = await sql<{ officer_id: string; officer_no: string; name: string; unit_id: string; status: AttendanceStatus; method: 'staff' | 'code'; recorded_at: Date }>`
    select a.officer_id, o.officer_no, o.name, o.unit_id, a.status, a.method, a.recorded_at
    from personnel.training_attendance a join personnel.officers o on o.tenant_id = a.tenant_id and o.id = a.officer_id
    where a.tenant_id = ${ctx.tenant.id} and a.session_id = ${session.id} and ${inScope(scope, sql`o.unit_id`)}
    order by o.unit_id, o.officer_no`.execute(ctx.db);
  return r.rows.map((a) => ({ officerId: a.officer_id, officerNo: a.officer_no, name: a.name, unitId: a.unit_id, status: a.status, method: a.method, recordedAt: new Date(a.recorded_at) }));
}

/** The registry's officer linked to the signed-in user's account, or null. */
export async function ownOfficer(ctx: AuthedContext, db: Kysely<any>): Promise<{ id: string; unit_id: string } | null> {
  const r = await sql<{ id: string; unit_id: string }>`select id, unit_id from personnel.officers where tenant_id = ${ctx.tenant.id} and user_id = ${ctx.user.id}`.execute(db);
  return r.rows[0] ?? null;
}

/** China time as 2026-09-28 09:00, for the window in the refusal. */
function clockTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** An officer signs in with the code shown at the session: accepted only inside its time window. */
export async function signIn(ctx: AuthedContext, input: { code: string }): Promise<{ sessionId: string; courseTitle: string; classHours: number; already: boolean }> {
  const code = input.code.normalize('NFKC').replace(/\s+/g, '');
  return ctx.db.transaction().execute(async (trx) => {
    const officer = await ownOfficer(ctx, trx);
    if (!officer) throw badRequest(s.signInNoOfficer);
    const r = await sql<{ id: string; starts_at: Date; ends_at: Date; course_title: string; class_hours: string }>`
      select s.id, s.starts_at, s.ends_at, c.title as course_title, s.class_hours
      from personnel.training_sessions s join personnel.training_courses c on c.tenant_id = s.tenant_id and c.id = s.course_id
      where s.tenant_id = ${ctx.tenant.id} and s.sign_in_code = ${code}`.execute(trx);
    const session = r.rows[0];
    if (!session) throw badRequest(s.signInCodeUnknown);
    const now = ctx.now().getTime();
    const starts = new Date(session.starts_at);
    const ends = new Date(session.ends_at);
    if (now < starts.getTime() || now > ends.getTime()) throw badRequest(s.signInNotOpen(clockTime(starts), clockTime(ends)));
    const before = await sql<{ status: string }>`select status from personnel.training_attendance
      where tenant_id = ${ctx.tenant.id} and session_id = ${session.id} and officer_id = ${officer.id}`.execute(trx);
    const already = before.rows[0]?.status === 'present';
    if (!already) {
      await sql`insert into personnel.training_attendance (tenant_id, session_id, officer_id, status, method, recorded_by, recorded_at)
        values (${ctx.tenant.id}, ${session.id}, ${officer.id}, 'present', 'code', ${ctx.user.id}, ${ctx.now()})
        on conflict (tenant_id, session_id, officer_id) do update set status = 'present', method = 'code', recorded_by = excluded.recorded_by,
          recorded_at = excluded.recorded_at`.execute(trx);
      await ctx.audit.record({ action: 'personnel.training.signIn', targetType: 'personnel.session', targetId: session.id, detail: { officerId: officer.id } }, { db: trx });
    }
    return { sessionId: session.id, courseTitle: session.course_title, classHours: Number(session.class_hours), already };
  });
}

/** The officer of a number within the scope; an unknown one is refused naming 「警号」. */
async function officerByNo(ctx: AuthedContext, db: Kysely<any>, scope: UnitScope, officerNo: string): Promise<string> {
  const r = await sql<{ id: string }>`select o.id from personnel.officers o
    where o.tenant_id = ${ctx.tenant.id} and o.officer_no = ${officerNo} and ${inScope(scope, sql`o.unit_id`)}`.execute(db);
  if (!r.rows[0]) throw badRequest(s.examOfficerUnknown);
  return r.rows[0].id;
}

export async function recordExam(
  ctx: AuthedContext,
  input: { courseId: string; officerNo: string; takenOn: string; score: number; passed?: boolean },
): Promise<{ id: string; passed: boolean }> {
  const scope = await unitScope(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const course = await loadCourse(ctx, trx, scope, input.courseId);
    const officerId = await officerByNo(ctx, trx, scope, input.officerNo);
    const passed = input.passed ?? input.score >= 60;
    const r = await sql<{ id: string }>`insert into personnel.training_exams (tenant_id, course_id, officer_id, taken_on, score, passed, recorded_by)
      values (${ctx.tenant.id}, ${course.id}, ${officerId}, ${input.takenOn}, ${input.score}, ${passed}, ${ctx.user.id})
      on conflict (tenant_id, course_id, officer_id) do update set taken_on = excluded.taken_on, score = excluded.score, passed = excluded.passed,
        recorded_by = excluded.recorded_by, recorded_at = now()
      returning id`.execute(trx);
    const id = r.rows[0]!.id;
    await ctx.audit.record({ action: 'personnel.training.exam', targetType: 'personnel.officer', targetId: officerId, detail: { courseId: course.id, score: input.score, passed } }, { db: trx });
    return { id, passed };
  });
}

export async function recordCertificate(
  ctx: AuthedContext,
  input: { officerNo: string; courseId?: string | null; certificateNo: string; title: string; issuedOn: string; issuer?: string | null },
): Promise<{ id: string }> {
  const scope = await unitScope(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const officerId = await officerByNo(ctx, trx, scope, input.officerNo);
    const courseId = input.courseId ? (await loadCourse(ctx, trx, scope, input.courseId)).id : null;
    const taken = await sql`select 1 from personnel.training_certificates where tenant_id = ${ctx.tenant.id} and certificate_no = ${input.certificateNo}`.execute(trx);
    if (taken.rows.length > 0) throw badRequest(s.certificateTaken(input.certificateNo));
    const r = await sql<{ id: string }>`insert into personnel.training_certificates (tenant_id, officer_id, course_id, certificate_no, title, issued_on, issuer, recorded_by)
      values (${ctx.tenant.id}, ${officerId}, ${courseId}, ${input.certificateNo}, ${input.title}, ${input.issuedOn}, ${input.issuer ?? ''}, ${ctx.user.id})
      returning id`.execute(trx);
    const id = r.rows[0]!.id;
    await ctx.audit.record({ action: 'personnel.training.certificate', targetType: 'personnel.officer', targetId: officerId, detail: { certificateNo: input.certificateNo } }, { db: trx });
    return { id };
  });
}

/** A course's exam results, for the officers of the caller's units. */
export async function listExams(ctx: AuthedContext, courseId: string) {
  const scope = await unitScope(ctx);
  const course = await loadCourse(ctx, ctx.db, scope, courseId);
  const r = await sql<{ officer_id: string; officer_no: string; name: string; taken_on: string; score: string; passed: boolean }>`
    select e.officer_id, o.officer_no, o.name, e.taken_on::text as taken_on, e.score, e.passed
    from personnel.training_exams e join personnel.officers o on o.tenant_id = e.tenant_id and o.id = e.officer_id
    where e.tenant_id = ${ctx.tenant.id} and e.course_id = ${course.id} and ${inScope(scope, sql`o.unit_id`)}
    order by o.officer_no`.execute(ctx.db);
  return r.rows.map((e) => ({ officerId: e.officer_id, officerNo: e.officer_no, name: e.name, takenOn: e.taken_on, score: Number(e.score), passed: e.passed }));
}

/** The certificates of the officers of the caller's units (of one officer when given). */
export async function listCertificates(ctx: AuthedContext, input: { officerId?: string }) {
  const scope = await unitScope(ctx);
  const r = await sql<{ officer_id: string; officer_no: string; name: string; certificate_no: string; title: string; issued_on: string; issuer: string }>`
    select c.officer_id, o.officer_no, o.name, c.certificate_no, c.title, c.issued_on::text as issued_on, c.issuer
    from personnel.training_certificates c join personnel.officers o on o.tenant_id = c.tenant_id and o.id = c.officer_id
    where c.tenant_id = ${ctx.tenant.id} and ${inScope(scope, sql`o.unit_id`)} ${input.officerId ? sql`and c.officer_id = ${input.officerId}` : sql``}
    order by c.issued_on desc, c.certificate_no limit 1000`.execute(ctx.db);
  return r.rows.map((c) => ({ officerId: c.officer_id, officerNo: c.officer_no, name: c.name, certificateNo: c.certificate_no, title: c.title, issuedOn: c.issued_on, issuer: c.issuer }));
}
