// trpc.personnel.training.*: the county's minimum, yearly plans, courses and sessions,
// attendance (staff, or the officer's sign-in code), exams, certificates, progress and the
// behind-schedule list; `signIn` and `mine` are every signed-in officer's own.
import { authedProcedure, field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { fieldMessages as m, fieldNames as n } from '../strings.js';
import { attendanceStatuses, listCertificates, listExams, recordAttendance, recordCertificate, recordExam, sessionAttendance, signIn } from './attendance.js';
import { classHours, score } from './fields.js';
import { myTraining } from './mine.js';
import { planDocument } from './plan-document.js';
import { createPlan, getPlan, listPlans, updatePlan } from './plans.js';
import { behindSchedule, checkpoints, trainingProgress } from './progress.js';
import { unitScope } from '../scope.js';
import { courseKinds, createCourse, createSession, listCourses, listSessions, loadSession } from './sessions.js';
import { requiredHours, setRequiredHours } from './settings.js';

const year = f.int(n.year, { min: 2000, max: 2100 });
const planItem = z.object({
  kind: f.choice(n.itemKind, courseKinds),
  title: f.text(n.itemTitle, { min: 1, max: 200 }),
  month: f.int(n.itemMonth, { min: 1, max: 12 }).nullable().optional(),
  classHours: classHours(n.classHours, 2000),
  audience: f.optionalText(n.audience, { max: 100 }).optional(),
  organiser: f.optionalText(n.organiser, { max: 100 }).optional(),
});
const planItems = f.list(n.planItems, planItem, { max: 200 });
const planId = f.uuid(n.planId);
const sessionId = f.uuid(n.sessionId);
const courseId = f.uuid(n.courseId);
const officerNo = f.text(n.officerNo, { min: 1, max: 30 });

export const trainingRouter = {
  settings: permissionProcedure('personnel.read').query(async ({ ctx }) => requiredHours(ctx, ctx.db)),

  /** The county's required class hours a year (default 90). */
  setRequiredHours: permissionProcedure('personnel.manage')
    .input(z.object({ hours: classHours(n.requiredHours, 1000).refine((v) => v > 0, { error: m.positive(n.requiredHours) }), version: f.int(n.version, { min: 0, max: 2_147_483_647 }) }))
    .mutation(({ ctx, input }) => setRequiredHours(ctx, input)),

  plans: {
    list: permissionProcedure('personnel.read')
      .input(z.object({ year: year.optional() }).default({}))
      .query(({ ctx, input }) => listPlans(ctx, input)),
    get: permissionProcedure('personnel.read')
      .input(z.object({ id: planId }))
      .query(({ ctx, input }) => getPlan(ctx, input.id)),
    create: permissionProcedure('personnel.training')
      .input(
        z.object({
          unitId: f.uuid(n.unit),
          year,
          title: f.text(n.planTitle, { min: 1, max: 100 }),
          summary: f.optionalText(n.planSummary, { max: 2000 }).optional(),
          items: planItems,
        }),
      )
      .mutation(({ ctx, input }) => createPlan(ctx, input)),
    update: permissionProcedure('personnel.training')
      .input(
        z.object({
          id: planId,
          version: f.version(n.version),
          title: f.text(n.planTitle, { min: 1, max: 100 }),
          summary: f.optionalText(n.planSummary, { max: 2000 }).optional(),
          items: planItems,
        }),
      )
      .mutation(({ ctx, input }) => updatePlan(ctx, input)),
    /** The plan as docx (年度教育培训计划). */
    document: permissionProcedure('personnel.read')
      .input(z.object({ id: planId }))
      .mutation(({ ctx, input }) => planDocument(ctx, input.id)),
  },

  courses: {
    list: permissionProcedure('personnel.read')
      .input(z.object({ kind: f.choice(n.courseKind, courseKinds).optional() }).default({}))
      .query(({ ctx, input }) => listCourses(ctx, input)),
    create: permissionProcedure('personnel.training')
      .input(
        z.object({
          unitId: f.uuid(n.unit).nullable(),
          kind: f.choice(n.courseKind, courseKinds),
          title: f.text(n.courseTitle, { min: 1, max: 100 }),
          organiser: f.optionalText(n.organiser, { max: 100 }).optional(),
          topic: f.optionalText(n.topic, { max: 200 }).optional(),
          clientKey: f.uuid(n.clientKey).optional(),
        }),
      )
      .mutation(({ ctx, input }) => createCourse(ctx, input)),
  },

  sessions: {
    list: permissionProcedure('personnel.read')
      .input(z.object({ courseId: courseId.optional(), from: f.isoDate(n.day).optional(), to: f.isoDate(n.day).optional() }).default({}))
      .query(({ ctx, input }) => listSessions(ctx, input)),
    create: permissionProcedure('personnel.training')
      .input(
        z.object({
          courseId,
          startsAt: f.dateTime(n.startsAt),
          endsAt: f.dateTime(n.endsAt),
          place: f.optionalText(n.place, { max: 100 }).optional(),
          classHours: classHours(n.classHours, 24),
          clientKey: f.uuid(n.clientKey).optional(),
        }),
      )
      .mutation(({ ctx, input }) => createSession(ctx, input)),
    get: permissionProcedure('personnel.read')
      .input(z.object({ id: sessionId }))
      .query(async ({ ctx, input }) => loadSession(ctx, ctx.db, await unitScope(ctx), input.id)),
    attendance: permissionProcedure('personnel.read')
      .input(z.object({ id: sessionId }))
      .query(({ ctx, input }) => sessionAttendance(ctx, input.id)),
    /** Attendance marked by the staff for officers of their scope. */
    recordAttendance: permissionProcedure('personnel.training')
      .input(
        z.object({
          sessionId,
          entries: f.list(n.attendance, z.object({ officerId: f.uuid(n.officerId), status: f.choice(n.attendanceStatus, attendanceStatuses) }), { min: 1, max: 1000 }),
        }),
      )
      .mutation(({ ctx, input }) => recordAttendance(ctx, input)),
  },

  /** The officer signs in with the code shown at the session (inside its time window only). */
  signIn: authedProcedure.input(z.object({ code: f.text(n.signInCode, { min: 1, max: 20 }) })).mutation(({ ctx, input }) => signIn(ctx, input)),

  /** The signed-in officer's own training of a year. */
  mine: authedProcedure.input(z.object({ year: year.optional() }).default({})).query(({ ctx, input }) => myTraining(ctx, input)),

  exams: {
    list: permissionProcedure('personnel.read')
      .input(z.object({ courseId }))
      .query(({ ctx, input }) => listExams(ctx, input.courseId)),
    record: permissionProcedure('personnel.training')
      .input(z.object({ courseId, officerNo, takenOn: f.isoDate(n.takenOn, { notFuture: true }), score: score(n.score), passed: f.bool(n.passed).optional() }))
      .mutation(({ ctx, input }) => recordExam(ctx, input)),
  },

  certificates: {
    list: permissionProcedure('personnel.read')
      .input(z.object({ officerId: f.uuid(n.officerId).optional() }).default({}))
      .query(({ ctx, input }) => listCertificates(ctx, input)),
    record: permissionProcedure('personnel.training')
      .input(
        z.object({
          officerNo,
          courseId: courseId.nullable().optional(),
          certificateNo: f.text(n.certificateNo, { min: 1, max: 50 }),
          title: f.text(n.certificateTitle, { min: 1, max: 100 }),
          issuedOn: f.isoDate(n.issuedOn, { notFuture: true }),
          issuer: f.optionalText(n.issuer, { max: 100 }).optional(),
        }),
      )
      .mutation(({ ctx, input }) => recordCertificate(ctx, input)),
  },

  /** Hours of a year (default: this year by the kernel clock) per officer against the minimum, and completion by unit. */
  progress: permissionProcedure('personnel.read')
    .input(z.object({ year: year.optional(), unitId: f.uuid(n.unit).optional() }).default({}))
    .query(({ ctx, input }) => trainingProgress(ctx, input)),

  /** Who is behind at a checkpoint (年中 6-30: half; 三季度末 9-30: three quarters; 年末: all); default the latest passed this year. */
  behind: permissionProcedure('personnel.read')
    .input(z.object({ year: year.optional(), checkpoint: f.choice(n.checkpoint, checkpoints).optional() }).default({}))
    .query(({ ctx, input }) => behindSchedule(ctx, input)),
};
