// An officer's own training, for every officer with a linked account: the year's hours against
// the minimum, the sessions attended, exam results and certificates. Only their own record.
import { badRequest, chinaDay, sql, type AuthedContext } from '@zhengfa/plugin-api';
import { trainingStrings as s } from '../strings.js';
import { ownOfficer } from './attendance.js';
import type { CourseKind } from './sessions.js';
import { requiredHours } from './settings.js';

export async function myTraining(ctx: AuthedContext, given: { year?: number }) {
  const input = { year: given.year ?? Number(chinaDay(ctx.now()).slice(0, 4)) };
  const officer = await ownOfficer(ctx, ctx.db);
  if (!officer) throw badRequest(s.signInNoOfficer);
  const { hours: required } = await requiredHours(ctx, ctx.db);
  const sessions = await sql<{ id: string; course_title: string; kind: CourseKind; held_on: string; class_hours: string; status: string }>`
    select s.id, c.title as course_title, c.kind, s.held_on::text as held_on, s.class_hours, a.status
    from personnel.training_attendance a
    join personnel.training_sessions s on s.tenant_id = a.tenant_id and s.id = a.session_id
    join personnel.training_courses c on c.tenant_id = s.tenant_id and c.id = s.course_id
    where a.tenant_id = ${ctx.tenant.id} and a.officer_id = ${officer.id}
      and s.held_on between ${`${input.year}-01-01`}::date and ${`${input.year}-12-31`}::date
    order by s.starts_at`.execute(ctx.db);
  const exams = await sql<{ course_title: string; taken_on: string; score: string; passed: boolean }>`
    select c.title as course_title, e.taken_on::text as taken_on, e.score, e.passed from personnel.training_exams e
    join personnel.training_courses c on c.tenant_id = e.tenant_id and c.id = e.course_id
    where e.tenant_id = ${ctx.tenant.id} and e.officer_id = ${officer.id} order by e.taken_on desc`.execute(ctx.db);
  const certificates = await sql<{ certificate_no: string; title: string; issued_on: string; issuer: string }>`
    select certificate_no, title, issued_on::text as issued_on, issuer from personnel.training_certificates
    where tenant_id = ${ctx.tenant.id} and officer_id = ${officer.id} order by issued_on desc`.execute(ctx.db);
  const hours = sessions.rows.filter((r) => r.status === 'present').reduce((n, r) => n + Number(r.class_hours), 0);
  return {
    year: input.year,
    today: chinaDay(ctx.now()),
    required,
    hours,
    sessions: sessions.rows.map((r) => ({ sessionId: r.id, courseTitle: r.course_title, kind: r.kind, heldOn: r.held_on, classHours: Number(r.class_hours), status: r.status, credited: r.status === 'present' })),
    exams: exams.rows.map((e) => ({ courseTitle: e.course_title, takenOn: e.taken_on, score: Number(e.score), passed: e.passed })),
    certificates: certificates.rows.map((c) => ({ certificateNo: c.certificate_no, title: c.title, issuedOn: c.issued_on, issuer: c.issuer })),
  };
}
