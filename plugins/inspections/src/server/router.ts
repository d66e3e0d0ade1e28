// trpc.inspections.*: settings, grade scales, checklist templates, campaigns with their team
// and self-checks, candidate files and sampling, scoring, results. Every input is a zod
// schema of field.* with the Chinese field names of strings.ts.
import { field as f, forbidden, notFound, permissionProcedure, z } from '@zhengfa/plugin-api';
import { statuses } from './campaigns/phases.js';
import { listSelfChecks, reportSelfCheck } from './campaigns/self-check.js';
import { advanceCampaign, createCampaign, getCampaign, listCampaigns, listUnitCampaigns, setScale, updateCampaign } from './campaigns/service.js';
import { addMember, memberKinds, memberRoles, recordPledge } from './campaigns/team.js';
import { createTemplate, itemKinds, listTemplates, loadTemplate, reviseTemplate, unitTypes } from './checklists/service.js';
import { campaignResults, listFiles, unitResults } from './results/service.js';
import { drawChosen, drawRandom, listDraws, registerFiles } from './sampling/service.js';
import { bands } from './scales/grading.js';
import { createScale, listScales, updateScale } from './scales/service.js';
import { assignReviewer, decideByPanel, getSheet, myAssignments, reviewRoles, submitSheet } from './scoring/service.js';
import { scopeOrgIds } from './scope.js';
import { buildDocument, documentKinds } from './documents/build.js';
import { createFinding, findingScopes, findingStatuses, getFinding, listFindings, officers, openEvidence, recheck, recheckOutcomes, reportRectification, severities, unitFindings } from './findings/service.js';
import { escalateFinding, superviseRecheck } from './findings/supervision.js';
import { decideObjection, fileObjection, listObjections, objectionOutcomes, publishResults, unitFiles } from './objections/service.js';
import { readSettings, updateSettings } from './settings/service.js';
import { fieldNames as n, messages as m } from './strings.js';

/** Points: 0..1000, one decimal (checked by the services, naming the field). */
const points = (label: string) =>
  f.withLabel(
    z
      .number({ error: `「${label}」应为数字` })
      .min(0, { error: `「${label}」不能小于 0` })
      .max(1000, { error: `「${label}」不能大于 1000` }),
    label,
  );

const date = (label: string) => f.isoDate(label);

const campaignFields = {
  kind: f.text(n.kind, { min: 1, max: 50 }),
  title: f.text(n.title, { min: 2, max: 100 }),
  year: f.int(n.year, { min: 2000, max: 2100 }),
  unitIds: f.list(n.unitIds, f.uuid(n.unitId), { min: 1, max: 100 }),
  caseTypes: f.list(n.caseTypes, f.text(n.caseType, { min: 1, max: 50 }), { max: 50 }),
  caseFrom: date(n.caseFrom).nullish(),
  caseTo: date(n.caseTo).nullish(),
  selfCheckFrom: date(n.selfCheckFrom),
  selfCheckTo: date(n.selfCheckTo),
  reviewFrom: date(n.reviewFrom),
  reviewTo: date(n.reviewTo),
  rectifyFrom: date(n.rectifyFrom),
  rectifyTo: date(n.rectifyTo),
  bulletinOn: date(n.bulletinOn),
  templates: f.list(n.templates, z.object({ unitType: f.choice(n.unitType, unitTypes), templateId: f.uuid(n.templateId) }), { max: 5 }),
  scaleId: f.uuid(n.scaleId).nullish(),
  doubleScoring: f.bool(n.doubleScoring),
  margin: points(n.margin),
};

const gradeSchema = z.object({
  label: f.text(n.gradeLabel, { min: 1, max: 20 }),
  minScore: points(n.gradeMin),
  band: f.choice(n.gradeBand, bands),
});

const scaleFields = {
  name: f.text(n.scaleName, { min: 2, max: 50 }),
  total: points(n.total),
  grades: f.list(n.grades, gradeSchema, { min: 2, max: 10 }),
};

const itemSchema = z.object({
  aspect: f.text(n.aspect, { min: 1, max: 50 }),
  content: f.text(n.content, { min: 1, max: 500 }),
  kind: f.choice(n.itemKind, itemKinds),
  maxPoints: points(n.maxPoints),
  perDefect: points(n.perDefect).nullish(),
});

const templateFields = {
  name: f.text(n.templateName, { min: 2, max: 100 }),
  unitType: f.choice(n.unitType, unitTypes),
  total: points(n.total),
  items: f.list(n.items, itemSchema, { min: 1, max: 200 }),
};

const fileSchema = z.object({
  caseNo: f.text(n.caseNo, { min: 1, max: 100 }),
  caseType: f.text(n.caseType, { min: 1, max: 50 }),
  title: f.optionalText(n.fileTitle, { max: 200 }),
  handlerName: f.optionalText(n.handlerName, { max: 50 }),
  volumes: f.int(n.volumes, { min: 1, max: 1000 }),
  closedOn: f.isoDate(n.closedOn, { notFuture: true }).nullish(),
  kernelCaseId: f.uuid(n.kernelCaseId).nullish(),
});

const scoreSchema = z.object({
  itemId: f.uuid(n.itemId),
  points: points(n.points).nullish(),
  defects: f.int(n.defects, { min: 0, max: 1000 }).nullish(),
  vetoed: f.bool(n.vetoed).optional(),
  note: f.optionalText(n.itemNote, { max: 1000 }),
});

const campaignId = z.object({ campaignId: f.uuid(n.campaignId) });
/** A double click sends the same key: the create answers with what the first made. */
const clientKey = f.text(n.clientKey, { min: 8, max: 100 }).optional();
/** The committee organises campaigns: a unit's user holding the permission is still refused. */
const manage = () =>
  permissionProcedure('inspections.manage').use(({ ctx, next }) => {
    if (!ctx.user.committee) throw forbidden(m.committeeOnly);
    return next();
  });

export const router = {
  settings: {
    get: manage().query(({ ctx }) => readSettings(ctx.db, ctx.tenant.id)),
    update: manage()
      .input(
        z.object({
          campaignKinds: f.list(n.campaignKinds, f.text(n.kindName, { min: 1, max: 50 }), { min: 1, max: 50 }),
          defectTypes: f.list(n.defectTypes, f.text(n.defectTypeName, { min: 1, max: 50 }), { min: 1, max: 100 }).optional(),
          unrectifiedDeduction: points(n.unrectifiedDeduction).optional(),
          version: f.int(n.version, { min: 0, max: 2_147_483_647 }),
        }),
      )
      .mutation(({ ctx, input }) => updateSettings(ctx, input)),
  },
  scales: {
    list: manage().query(({ ctx }) => listScales(ctx)),
    create: manage().input(z.object(scaleFields)).mutation(({ ctx, input }) => createScale(ctx, input)),
    update: manage()
      .input(z.object({ id: f.uuid(n.scaleId), version: f.version(n.version), ...scaleFields }))
      .mutation(({ ctx, input }) => updateScale(ctx, input)),
  },
  templates: {
    list: manage()
      .input(z.object({ all: f.bool(n.allVersions) }).optional())
      .query(({ ctx, input }) => listTemplates(ctx, { all: input?.all })),
    get: manage()
      .input(z.object({ id: f.uuid(n.templateId) }))
      .query(async ({ ctx, input }) => {
        const t = await loadTemplate(ctx.db, ctx.tenant.id, input.id);
        if (!t) throw notFound(m.templateNotFound);
        return t;
      }),
    create: manage().input(z.object(templateFields)).mutation(({ ctx, input }) => createTemplate(ctx, input)),
    revise: manage()
      .input(z.object({ id: f.uuid(n.templateId), ...templateFields }))
      .mutation(({ ctx, input }) => reviseTemplate(ctx, input)),
  },
  campaigns: {
    list: manage()
      .input(z.object({ year: f.int(n.year, { min: 2000, max: 2100 }).optional(), status: f.choice(n.status, statuses).optional() }).optional())
      .query(async ({ ctx, input }) => (await listCampaigns(ctx, { year: input?.year })).filter((c) => !input?.status || c.status === input.status)),
    get: manage()
      .input(z.object({ id: f.uuid(n.campaignId) }))
      .query(({ ctx, input }) => getCampaign(ctx, input.id)),
    create: manage()
      .input(z.object({ ...campaignFields, clientKey }))
      .mutation(({ ctx, input }) => createCampaign(ctx, input)),
    update: manage()
      .input(z.object({ id: f.uuid(n.campaignId), version: f.version(n.version), ...campaignFields }))
      .mutation(({ ctx, input }) => updateCampaign(ctx, input)),
    setScale: manage()
      .input(z.object({ id: f.uuid(n.campaignId), version: f.version(n.version), scaleId: f.uuid(n.scaleId) }))
      .mutation(({ ctx, input }) => setScale(ctx, input)),
    advance: manage()
      .input(z.object({ id: f.uuid(n.campaignId), version: f.version(n.version) }))
      .mutation(({ ctx, input }) => advanceCampaign(ctx, input)),
    /** Publishes the results to the units: their objection window starts. */
    publish: manage()
      .input(z.object({ id: f.uuid(n.campaignId), version: f.version(n.version), objectionDays: f.int(n.objectionDays, { min: 1, max: 30 }).optional() }))
      .mutation(({ ctx, input }) => publishResults(ctx, input)),
  },
  objections: {
    list: manage().input(campaignId).query(({ ctx, input }) => listObjections(ctx, input.campaignId)),
    decide: manage()
      .input(
        z.object({
          id: f.uuid(n.objectionId),
          version: f.version(n.version),
          outcome: f.choice(n.outcome, objectionOutcomes),
          finalTotal: points(n.finalTotal).nullish(),
          vetoed: f.bool(n.vetoed).optional(),
          note: f.text(n.decisionNote, { min: 2, max: 2000 }),
        }),
      )
      .mutation(({ ctx, input }) => decideObjection(ctx, input)),
  },
  findings: {
    create: manage()
      .input(
        z.object({
          fileId: f.uuid(n.fileId),
          scope: f.choice(n.findingScope, findingScopes),
          defectType: f.text(n.defectType, { min: 1, max: 50 }),
          severity: f.choice(n.severity, severities),
          description: f.text(n.description, { min: 2, max: 2000 }),
          responsibleName: f.text(n.responsibleName, { min: 2, max: 50 }),
          deadline: f.isoDate(n.deadline, { maxDaysAhead: f.DEADLINE_DAYS_AHEAD }),
          officerName: f.optionalText(n.officerName, { max: 50 }),
          officerNo: f.optionalText(n.officerNo, { max: 50 }),
          clientKey,
        }),
      )
      .mutation(({ ctx, input }) => createFinding(ctx, input)),
    list: manage()
      .input(z.object({ campaignId: f.uuid(n.campaignId), status: f.choice(n.status, findingStatuses).optional(), overdueOnly: f.bool(n.overdueOnly).optional() }))
      .query(({ ctx, input }) => listFindings(ctx, input)),
    get: manage()
      .input(z.object({ id: f.uuid(n.findingId) }))
      .query(({ ctx, input }) => getFinding(ctx, input.id)),
    evidence: manage()
      .input(z.object({ id: f.uuid(n.evidenceId) }))
      .query(({ ctx, input }) => openEvidence(ctx, input.id)),
    recheck: manage()
      .input(z.object({ id: f.uuid(n.findingId), version: f.version(n.version), outcome: f.choice(n.recheckOutcome, recheckOutcomes), note: f.optionalText(n.recheckNote, { max: 2000 }) }))
      .mutation(({ ctx, input }) => recheck(ctx, input)),
    /** 转督办: an overdue problem becomes a kernel matter with its four fixes. */
    escalate: manage()
      .input(
        z.object({
          id: f.uuid(n.findingId),
          version: f.version(n.version),
          leadLeaderId: f.uuid(n.leadLeaderId),
          handlerName: f.text(n.caseHandlerName, { min: 2, max: 30 }),
          resolutionPlan: f.text(n.resolutionPlan, { min: 4, max: 5000 }),
          deadline: f.isoDate(n.caseDeadline, { maxDaysAhead: f.DEADLINE_DAYS_AHEAD }),
        }),
      )
      .mutation(({ ctx, input }) => escalateFinding(ctx, input)),
  },
  documents: {
    build: manage()
      .input(z.object({ campaignId: f.uuid(n.campaignId), kind: f.choice(n.documentKind, documentKinds), fileId: f.uuid(n.fileId).optional(), unitId: f.uuid(n.unitId).optional() }))
      .mutation(({ ctx, input }) => buildDocument(ctx, input)),
  },
  /** Who the problems are attributed to: a personnel matter, for holders of inspections.personnel only. */
  personnel: {
    officers: permissionProcedure('inspections.personnel')
      .use(({ ctx, next }) => {
        if (!ctx.user.committee) throw forbidden(m.committeeOnly);
        return next();
      })
      .input(campaignId)
      .query(({ ctx, input }) => officers(ctx, input.campaignId)),
  },
  members: {
    add: manage()
      .input(
        z.object({
          campaignId: f.uuid(n.campaignId),
          kind: f.choice(n.memberKind, memberKinds),
          role: f.choice(n.memberRole, memberRoles).nullish(),
          userId: f.uuid(n.userId).nullish(),
          name: f.optionalText(n.memberName, { max: 50 }),
          unitId: f.uuid(n.memberUnit).nullish(),
          unitName: f.optionalText(n.memberUnit, { max: 100 }),
          pledgeSignedOn: f.isoDate(n.pledgeSignedOn, { notFuture: true }).nullish(),
          clientKey,
        }),
      )
      .mutation(({ ctx, input }) => addMember(ctx, input)),
    recordPledge: manage()
      .input(z.object({ id: f.uuid(n.memberId), version: f.version(n.version), pledgeSignedOn: f.isoDate(n.pledgeSignedOn, { notFuture: true }) }))
      .mutation(({ ctx, input }) => recordPledge(ctx, input)),
  },
  selfChecks: {
    list: manage().input(campaignId).query(({ ctx, input }) => listSelfChecks(ctx, input.campaignId)),
    report: manage()
      .input(
        z.object({
          campaignId: f.uuid(n.campaignId),
          unitId: f.uuid(n.unitId),
          filesChecked: f.int(n.filesChecked, { min: 0, max: 1_000_000 }),
          problemsFound: f.int(n.problemsFound, { min: 0, max: 1_000_000 }),
          problemsFixed: f.int(n.problemsFixed, { min: 0, max: 1_000_000 }),
          note: f.optionalText(n.note, { max: 2000 }),
          version: f.int(n.version, { min: 0, max: 2_147_483_647 }),
        }),
      )
      .mutation(({ ctx, input }) => reportSelfCheck(ctx, input)),
  },
  files: {
    register: manage()
      .input(z.object({ campaignId: f.uuid(n.campaignId), unitId: f.uuid(n.unitId), files: f.list(n.files, fileSchema, { min: 1, max: 2000 }) }))
      .mutation(({ ctx, input }) => registerFiles(ctx, input)),
    list: manage()
      .input(z.object({ campaignId: f.uuid(n.campaignId), unitId: f.uuid(n.unitId).optional(), sampledOnly: f.bool(n.sampledOnly).optional() }))
      .query(({ ctx, input }) => listFiles(ctx, input)),
    /** 督促复查: a wrongly handled case goes to the kernel as a supervision matter. */
    superviseRecheck: manage()
      .input(z.object({ fileId: f.uuid(n.fileId), version: f.version(n.version), reason: f.text(n.supervisionReason, { min: 4, max: 5000 }) }))
      .mutation(({ ctx, input }) => superviseRecheck(ctx, input)),
  },
  sampling: {
    draw: manage()
      .input(
        z.object({
          campaignId: f.uuid(n.campaignId),
          unitId: f.uuid(n.unitId),
          strata: f.list(n.strata, z.object({ caseType: f.text(n.caseType, { min: 1, max: 50 }), count: f.int(n.count, { min: 1, max: 1000 }) }), { min: 1, max: 50 }),
          seed: f.text(n.seed, { min: 1, max: 64 }).optional(),
          clientKey,
        }),
      )
      .mutation(({ ctx, input }) => drawRandom(ctx, input)),
    target: manage()
      .input(
        z.object({
          campaignId: f.uuid(n.campaignId),
          unitId: f.uuid(n.unitId),
          caseNos: f.list(n.caseNos, f.text(n.caseNo, { min: 1, max: 100 }), { min: 1, max: 500 }),
          reason: f.text(n.reason, { min: 2, max: 500 }),
          clientKey,
        }),
      )
      .mutation(({ ctx, input }) => drawChosen(ctx, { ...input, method: 'targeted' })),
    manual: manage()
      .input(z.object({ campaignId: f.uuid(n.campaignId), unitId: f.uuid(n.unitId), fileIds: f.list(n.fileIds, f.uuid(n.fileId), { min: 1, max: 500 }), reason: f.optionalText(n.reason, { max: 500 }), clientKey }))
      .mutation(({ ctx, input }) => drawChosen(ctx, { ...input, method: 'manual' })),
    draws: manage().input(campaignId).query(({ ctx, input }) => listDraws(ctx, input.campaignId)),
  },
  scoring: {
    assign: manage()
      .input(z.object({ fileId: f.uuid(n.fileId), memberId: f.uuid(n.memberId), role: f.choice(n.role, reviewRoles) }))
      .mutation(({ ctx, input }) => assignReviewer(ctx, input)),
    mine: permissionProcedure('inspections.review').query(({ ctx }) => myAssignments(ctx)),
    sheet: permissionProcedure('inspections.review')
      .input(z.object({ assignmentId: f.uuid(n.assignmentId) }))
      .query(({ ctx, input }) => getSheet(ctx, input.assignmentId)),
    submit: permissionProcedure('inspections.review')
      .input(z.object({ assignmentId: f.uuid(n.assignmentId), version: f.version(n.version), scores: f.list(n.scores, scoreSchema, { min: 1, max: 200 }) }))
      .mutation(({ ctx, input }) => submitSheet(ctx, input)),
    panel: manage()
      .input(z.object({ fileId: f.uuid(n.fileId), version: f.version(n.version), finalTotal: points(n.finalTotal), vetoed: f.bool(n.vetoed), note: f.text(n.note, { min: 2, max: 2000 }) }))
      .mutation(({ ctx, input }) => decideByPanel(ctx, input)),
  },
  results: {
    campaign: manage().input(campaignId).query(({ ctx, input }) => campaignResults(ctx, input.campaignId)),
  },
  /** A unit's liaison: the campaigns covering their units, their self-checks and results (scoped in SQL). */
  unit: {
    campaigns: permissionProcedure('inspections.unit').query(async ({ ctx }) => listUnitCampaigns(ctx, await scopeOrgIds(ctx))),
    selfChecks: permissionProcedure('inspections.unit').input(campaignId).query(({ ctx, input }) => listSelfChecks(ctx, input.campaignId)),
    reportSelfCheck: permissionProcedure('inspections.unit')
      .input(
        z.object({
          campaignId: f.uuid(n.campaignId),
          unitId: f.uuid(n.unitId),
          filesChecked: f.int(n.filesChecked, { min: 0, max: 1_000_000 }),
          problemsFound: f.int(n.problemsFound, { min: 0, max: 1_000_000 }),
          problemsFixed: f.int(n.problemsFixed, { min: 0, max: 1_000_000 }),
          note: f.optionalText(n.note, { max: 2000 }),
          version: f.int(n.version, { min: 0, max: 2_147_483_647 }),
        }),
      )
      .mutation(({ ctx, input }) => reportSelfCheck(ctx, input)),
    results: permissionProcedure('inspections.unit').input(campaignId).query(({ ctx, input }) => unitResults(ctx, input.campaignId)),
    /** The unit's files with their published results, objections and the window's last day. */
    files: permissionProcedure('inspections.unit').input(campaignId).query(({ ctx, input }) => unitFiles(ctx, input.campaignId)),
    object: permissionProcedure('inspections.unit')
      .input(z.object({ fileId: f.uuid(n.fileId), reason: f.text(n.objectionReason, { min: 4, max: 2000 }) }))
      .mutation(({ ctx, input }) => fileObjection(ctx, input)),
    findings: permissionProcedure('inspections.unit')
      .input(z.object({ campaignId: f.uuid(n.campaignId).optional() }).optional())
      .query(({ ctx, input }) => unitFindings(ctx, { campaignId: input?.campaignId })),
    finding: permissionProcedure('inspections.unit')
      .input(z.object({ id: f.uuid(n.findingId) }))
      .query(async ({ ctx, input }) => getFinding(ctx, input.id, await scopeOrgIds(ctx))),
    evidence: permissionProcedure('inspections.unit')
      .input(z.object({ id: f.uuid(n.evidenceId) }))
      .query(async ({ ctx, input }) => openEvidence(ctx, input.id, await scopeOrgIds(ctx))),
    reportRectification: permissionProcedure('inspections.unit')
      .input(
        z.object({
          findingId: f.uuid(n.findingId),
          version: f.version(n.version),
          measures: f.text(n.measures, { min: 4, max: 5000 }),
          attachments: f.list(
            n.attachments,
            z.object({ fileName: f.fileName(n.attachmentName), mime: f.text(n.attachmentMime, { min: 3, max: 100 }), base64: f.text(n.attachmentContent, { min: 4, max: 7_000_000 }) }),
            { max: 10 },
          ),
        }),
      )
      .mutation(({ ctx, input }) => reportRectification(ctx, input)),
  },
};
