// The training part of the law-enforcement file: the class hours the officer was credited with
// in a year and the sessions they attended, from the training tables (migration 0002). Hours
// are credited only with attendance (status present), as in the training progress.
import { sql, type AuthedContext } from '@zhengfa/plugin-api';

export interface AttendedSession {
  sessionId: string;
  courseTitle: string;
  heldOn: string;
  classHours: number;
}

export interface FileTraining {
  hours: number;
  sessions: AttendedSession[];
}

export async function trainingOf(ctx: AuthedContext, officerId: string, year: number): Promise<FileTraining> {
  const r = await sql<{ id: string; course_title: string; held_on: string; class_hours: string }>`
    select s.id, c.title as course_title, s.held_on::text as held_on, s.class_hours::text as class_hours
    from personnel.training_attendance a
    join personnel.training_sessions s on s.tenant_id = a.tenant_id and s.id = a.session_id
    join personnel.training_courses c on c.tenant_id = s.tenant_id and c.id = s.course_id
    where a.tenant_id = ${ctx.tenant.id} and a.officer_id = ${officerId} and a.status = 'present'
      and s.held_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
    order by s.starts_at`.execute(ctx.db);
  const sessions = r.rows.map((x) => ({ sessionId: x.id, courseTitle: x.course_title, heldOn: x.held_on, classHours: Number(x.class_hours) }));
  return { hours: sessions.reduce((n, x) => n + x.classHours, 0), sessions };
}
