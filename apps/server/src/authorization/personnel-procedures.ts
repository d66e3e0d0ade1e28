// The personnel plugin's procedures (教育培训与纪律作风) for the authorization matrix: who may
// call each and what a call that passes the access layer answers. The registry's rule is probed
// on an officer of each target unit (world.ts): the committee sees its county's, a unit its
// subtree's, nobody another county's; the writes meet a stale version there. The other probes
// use an id that does not exist (or a bad file), so the answer is the data or business rule's
// refusal and nothing is written.
import { disciplineMessages as dm, importStrings, officerStrings, trainingStrings } from '@zhengfa/plugin-personnel/strings';
import { inDays } from '@zhengfa/test-utils';
import { badRequest, conflict, forbidden, inSubtree, lists, notFound, ok, type Outcome, type ProbeContext, type ProcedureDeclaration } from './matrix.js';

const STALE = 999_999;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

const perm = (...permissions: [string, ...string[]]) => ({ access: 'permission' as const, permissions });
const authed = { access: 'authed' as const };
const once = (input: (c: ProbeContext) => unknown, expect: (c: ProbeContext) => Outcome) => [{ over: 'once' as const, input, expect }];
/** Probed on the officer of each target unit: the registry's scope is the organisation subtree. */
const units = (input: (c: ProbeContext) => unknown, expect: (c: ProbeContext) => Outcome) => [{ over: 'units' as const, input, expect }];
const officerOf = (c: ProbeContext) => c.target!.personnelOfficerId;
const bySubtree = (visible: Outcome) => (c: ProbeContext) => (inSubtree(c.rel!) ? visible : notFound(officerStrings.notFound));
const listsOfficer = (ids: (r: any) => string[]) => (c: ProbeContext) => lists(inSubtree(c.rel!), officerOf(c), ids);
const year = () => Number(inDays(0).slice(0, 4));
/** The month after the current one (yyyy-mm): a report for it is refused. */
const nextMonth = () => inDays(31 - Number(inDays(0).slice(8, 10)) + 1).slice(0, 7);
/** A unit the caller cannot use: unknown to the committee, outside a unit's scope. */
const unitRefusal = (c: ProbeContext) => badRequest(c.who.committee ? officerStrings.unitUnknown : officerStrings.unitOutOfScope);
const officer = { unitId: NO_SUCH_ID, name: '探针', officerNo: 'PROBE-001' };

export const personnelProcedureDeclarations: Record<string, ProcedureDeclaration> = {
  'personnel.officers.list': {
    access: perm('personnel.read'),
    rule: 'the officers of the caller’s units (the committee: its county)',
    probes: units(() => ({ pageSize: 500 }), listsOfficer((r) => r.items.map((o: { id: string }) => o.id))),
  },
  'personnel.officers.get': { access: perm('personnel.read'), rule: 'an officer of the caller’s units', probes: units((c) => ({ id: officerOf(c) }), bySubtree(ok())) },
  'personnel.officers.reveal': { access: perm('personnel.reveal'), rule: 'an officer of the caller’s units (audited)', probes: units((c) => ({ id: officerOf(c) }), bySubtree(ok())) },
  'personnel.officers.create': { access: perm('personnel.manage'), rule: 'an officer of a unit of the caller’s scope', probes: once(() => officer, unitRefusal) },
  'personnel.officers.update': { access: perm('personnel.manage'), rule: 'an officer of the caller’s units, moved only within them', probes: once(() => ({ id: NO_SUCH_ID, version: STALE, ...officer }), unitRefusal) },
  'personnel.officers.setStatus': {
    access: perm('personnel.manage'),
    rule: 'an officer of the caller’s units',
    probes: units((c) => ({ id: officerOf(c), version: STALE, status: 'retired' }), bySubtree(conflict)),
  },
  'personnel.officers.linkUser': {
    access: perm('personnel.manage'),
    rule: 'an officer of the caller’s units, an account of its scope',
    probes: units((c) => ({ id: officerOf(c), version: STALE, userId: null }), bySubtree(conflict)),
  },
  'personnel.imports.check': { access: perm('personnel.manage'), rule: 'officers of the caller’s units', probes: once(() => ({ fileName: '名册.xls', base64: 'AA==' }), () => badRequest(importStrings.fileNameXlsx)) },
  'personnel.imports.confirm': { access: perm('personnel.manage'), rule: 'officers of the caller’s units', probes: once(() => ({ fileName: '名册.xls', base64: 'AA==' }), () => badRequest(importStrings.fileNameXlsx)) },
  'personnel.imports.template': { access: perm('personnel.manage'), rule: 'the template: no data', probes: once(() => undefined, () => ok()) },
  'personnel.imports.mapUnit': {
    access: perm('personnel.manage'),
    rule: 'the committee, units of its county',
    probes: once(() => ({ name: '探针局', orgId: NO_SUCH_ID }), (c) => (c.who.committee ? badRequest(importStrings.aliasUnitNotFound) : forbidden(importStrings.aliasCommitteeOnly))),
  },
  'personnel.imports.aliases': {
    access: perm('personnel.manage'),
    rule: 'the committee, its county’s aliases',
    probes: once(() => undefined, (c) => (c.who.committee ? ok() : forbidden(importStrings.aliasCommitteeOnly))),
  },
  'personnel.imports.removeAlias': {
    access: perm('personnel.manage'),
    rule: 'the committee, its county’s aliases',
    probes: once(() => ({ alias: '没有这个别名' }), (c) => (c.who.committee ? notFound(importStrings.aliasNotFound) : forbidden(importStrings.aliasCommitteeOnly))),
  },
  'personnel.training.settings': { access: perm('personnel.read'), rule: 'the county’s minimum', probes: once(() => undefined, () => ok()) },
  'personnel.training.setRequiredHours': {
    access: perm('personnel.manage'),
    rule: 'the county’s minimum, on the version read',
    probes: once(() => ({ hours: 90, version: STALE }), () => badRequest(trainingStrings.settingsConflict)),
  },
  'personnel.training.plans.list': { access: perm('personnel.read'), rule: 'the plans of the caller’s units', probes: once(() => ({ year: year() }), () => ok()) },
  'personnel.training.plans.get': { access: perm('personnel.read'), rule: 'a plan of the caller’s units', probes: once(() => ({ id: NO_SUCH_ID }), () => notFound(trainingStrings.planNotFound)) },
  'personnel.training.plans.create': {
    access: perm('personnel.training'),
    rule: 'a plan of a unit of the caller’s scope',
    probes: once(() => ({ unitId: NO_SUCH_ID, year: year(), title: '探针计划', items: [] }), () => badRequest(trainingStrings.planUnitOutOfScope)),
  },
  'personnel.training.plans.update': {
    access: perm('personnel.training'),
    rule: 'a plan of the caller’s units',
    probes: once(() => ({ id: NO_SUCH_ID, version: STALE, title: '探针计划', items: [] }), () => notFound(trainingStrings.planNotFound)),
  },
  'personnel.training.plans.document': { access: perm('personnel.read'), rule: 'a plan of the caller’s units', probes: once(() => ({ id: NO_SUCH_ID }), () => notFound(trainingStrings.planNotFound)) },
  'personnel.training.courses.list': { access: perm('personnel.read'), rule: 'the committee’s courses and the caller’s units’', probes: once(() => undefined, () => ok()) },
  'personnel.training.courses.create': {
    access: perm('personnel.training'),
    rule: 'a course of a unit of the caller’s scope (the committee: also its own)',
    probes: once(() => ({ unitId: NO_SUCH_ID, kind: 'post', title: '探针课程' }), () => badRequest(trainingStrings.courseUnitOutOfScope)),
  },
  'personnel.training.sessions.list': { access: perm('personnel.read'), rule: 'sessions of the courses the caller sees', probes: once(() => undefined, () => ok()) },
  'personnel.training.sessions.create': {
    access: perm('personnel.training'),
    rule: 'a session of a course the caller organises',
    probes: once(
      () => ({ courseId: NO_SUCH_ID, startsAt: `${inDays(1)}T09:00:00+08:00`, endsAt: `${inDays(1)}T11:00:00+08:00`, classHours: 2 }),
      () => notFound(trainingStrings.courseNotFound),
    ),
  },
  'personnel.training.sessions.get': { access: perm('personnel.read'), rule: 'a session the caller sees', probes: once(() => ({ id: NO_SUCH_ID }), () => notFound(trainingStrings.sessionNotFound)) },
  'personnel.training.sessions.attendance': {
    access: perm('personnel.read'),
    rule: 'a session the caller sees, its officers of the caller’s units',
    probes: once(() => ({ id: NO_SUCH_ID }), () => notFound(trainingStrings.sessionNotFound)),
  },
  'personnel.training.sessions.recordAttendance': {
    access: perm('personnel.training'),
    rule: 'a session the caller sees, officers of the caller’s units',
    probes: once(() => ({ sessionId: NO_SUCH_ID, entries: [{ officerId: NO_SUCH_ID, status: 'present' }] }), () => notFound(trainingStrings.sessionNotFound)),
  },
  'personnel.training.signIn': {
    access: authed,
    rule: 'the signed-in officer’s own attendance (an account linked to the registry)',
    probes: once(() => ({ code: '00000000' }), () => badRequest(trainingStrings.signInNoOfficer)),
  },
  'personnel.training.mine': {
    access: authed,
    rule: 'the signed-in officer’s own training',
    probes: once(() => ({ year: year() }), () => badRequest(trainingStrings.signInNoOfficer)),
  },
  'personnel.training.exams.list': { access: perm('personnel.read'), rule: 'a course the caller sees, its officers of the caller’s units', probes: once(() => ({ courseId: NO_SUCH_ID }), () => notFound(trainingStrings.courseNotFound)) },
  'personnel.training.certificates.list': { access: perm('personnel.read'), rule: 'the certificates of the officers of the caller’s units', probes: once(() => undefined, () => ok()) },
  'personnel.training.exams.record': {
    access: perm('personnel.training'),
    rule: 'a course the caller sees, an officer of the caller’s units',
    probes: once(() => ({ courseId: NO_SUCH_ID, officerNo: 'PROBE-001', takenOn: inDays(-1), score: 80 }), () => notFound(trainingStrings.courseNotFound)),
  },
  'personnel.training.certificates.record': {
    access: perm('personnel.training'),
    rule: 'an officer of the caller’s units',
    probes: once(() => ({ officerNo: 'PROBE-001', certificateNo: 'PROBE-CERT-1', title: '探针证书', issuedOn: inDays(-1) }), () => badRequest(trainingStrings.examOfficerUnknown)),
  },
  'personnel.training.progress': {
    access: perm('personnel.read'),
    rule: 'the officers of the caller’s units',
    probes: units(() => ({ year: year() }), listsOfficer((r) => r.officers.map((o: { officerId: string }) => o.officerId))),
  },
  'personnel.training.behind': { access: perm('personnel.read'), rule: 'the officers of the caller’s units', probes: once(() => ({ year: year(), checkpoint: 'midYear' }), () => ok()) },
  // ── conduct and discipline (纪律作风): no identity of the world is linked to the registry, so
  // the signed-in-user procedures meet the no-officer refusal; the others name an officer,
  // record, clue or matter that does not exist, or a month not yet begun, and write nothing.
  'personnel.conduct.record': {
    access: authed,
    rule: 'the caller’s own 三个规定 record (an account linked to the registry)',
    probes: once(() => ({ intervenerKind: 'lawyer', intervenerName: '探针', occurredOn: inDays(-1), manner: 'phone', caseRef: '探针案件', content: '探针' }), () => forbidden(dm.noOfficer)),
  },
  'personnel.conduct.mine': { access: authed, rule: 'the caller’s own 三个规定 records (none without a registry entry)', probes: once(() => undefined, () => ok()) },
  'personnel.conduct.list': { access: perm('personnel.discipline'), rule: 'every record of the county with its reporter (audited)', probes: once(() => ({}), () => ok()) },
  'personnel.conduct.get': { access: perm('personnel.discipline'), rule: 'a record of the county with its reporter (audited)', probes: once(() => ({ id: NO_SUCH_ID }), () => badRequest(dm.recordNotFound)) },
  'personnel.conduct.unitMonth': { access: perm('personnel.conduct_report'), rule: 'the counts of the caller’s unit and its sub-units (a committee reports none)', probes: once(() => ({ month: inDays(-31).slice(0, 7) }), (c) => (c.who.committee ? forbidden(dm.noReportingUnit) : ok())) },
  'personnel.conduct.submitReport': {
    access: perm('personnel.conduct_report'),
    rule: 'the monthly report of the caller’s unit',
    probes: once(() => ({ month: nextMonth() }), () => badRequest(dm.monthInFuture(inDays(0).slice(0, 7)))),
  },
  'personnel.conduct.quarterSummary': { access: perm('personnel.conduct_summary'), rule: 'the county’s counts by unit', probes: once(() => ({ year: year(), quarter: 1 }), () => ok()) },
  'personnel.clues.create': {
    access: perm('personnel.discipline'),
    rule: 'a clue about an officer of the county',
    probes: once(() => ({ officerId: NO_SUCH_ID, source: 'complaint', receivedOn: inDays(-1), summary: '探针' }), () => badRequest(dm.officerNotFound)),
  },
  'personnel.clues.list': { access: perm('personnel.discipline'), rule: 'the county’s clues (audited)', probes: once(() => ({}), () => ok()) },
  'personnel.clues.get': { access: perm('personnel.discipline'), rule: 'a clue of the county (audited)', probes: once(() => ({ id: NO_SUCH_ID }), () => badRequest(dm.clueNotFound)) },
  'personnel.clues.advance': {
    access: perm('personnel.discipline'),
    rule: 'a clue of the county, on the version read',
    probes: once(() => ({ id: NO_SUCH_ID, version: STALE, to: 'verifying', on: inDays(0) }), () => badRequest(dm.clueNotFound)),
  },
  'personnel.clues.assignHandler': {
    access: perm('personnel.discipline'),
    rule: 'a clue of the county, a handler of the discipline staff',
    probes: once(() => ({ id: NO_SUCH_ID, version: STALE, handlerUserId: NO_SUCH_ID }), () => badRequest(dm.clueNotFound)),
  },
  'personnel.clues.withdrawHandler': {
    access: perm('personnel.discipline'),
    rule: 'a clue of the county, a replacement of the discipline staff',
    probes: once(() => ({ id: NO_SUCH_ID, version: STALE, reason: 'relative', replacementUserId: NO_SUCH_ID, on: inDays(0) }), () => badRequest(dm.clueNotFound)),
  },
  'personnel.clues.transfer': {
    access: perm('personnel.discipline'),
    rule: 'a clue of the county, on the version read',
    probes: once(() => ({ id: NO_SUCH_ID, version: STALE, to: '县纪委监委', on: inDays(0) }), () => badRequest(dm.clueNotFound)),
  },
  'personnel.sanctions.decide': {
    access: perm('personnel.discipline'),
    rule: 'a decision on an officer of the county',
    probes: once(() => ({ officerId: NO_SUCH_ID, form: 1, kind: 'criticism', decidedOn: inDays(0), reason: '探针' }), () => badRequest(dm.officerNotFound)),
  },
  'personnel.sanctions.list': { access: perm('personnel.discipline'), rule: 'the county’s decisions (audited)', probes: once(() => ({}), () => ok()) },
  'personnel.sanctions.periods': { access: perm('personnel.discipline'), rule: 'the county’s effect periods', probes: once(() => undefined, () => ok()) },
  'personnel.sanctions.setPeriod': {
    access: perm('personnel.discipline'),
    rule: 'the county’s effect period of a kind',
    probes: once(() => ({ kind: 'talk_reminder', months: 6 }), () => badRequest(dm.periodNotAdjustable)),
  },
  'personnel.sanctions.eligibility': { access: perm('personnel.commendations'), rule: 'an officer of the county', probes: once(() => ({ officerId: NO_SUCH_ID }), () => badRequest(dm.officerNotFound)) },
  'personnel.sanctions.statistics': { access: perm('personnel.discipline'), rule: 'the county’s counts by unit (audited)', probes: once(() => ({ from: `${year()}-01-01`, to: inDays(0) }), () => ok()) },
  'personnel.statistics.training': {
    access: perm('personnel.read'),
    rule: 'the officers of the caller’s units, counted by unit',
    probes: once(() => ({ from: `${year()}-01-01`, to: inDays(0) }), () => ok()),
  },
  'personnel.statistics.discipline': { access: perm('personnel.discipline'), rule: 'the county’s counts by unit (audited)', probes: once(() => ({ from: `${year()}-01-01`, to: inDays(0) }), () => ok()) },
  'personnel.accountability.find': {
    access: perm('personnel.discipline'),
    rule: 'a matter about an officer of the county',
    probes: once(() => ({ officerId: NO_SUCH_ID, caseRef: '探针案件', finding: '探针', foundOn: inDays(-1) }), () => badRequest(dm.officerNotFound)),
  },
  'personnel.accountability.defend': {
    access: authed,
    rule: 'the defence of the officer concerned (or the discipline staff)',
    probes: once(() => ({ id: NO_SUCH_ID, version: STALE, defence: '探针', on: inDays(0) }), () => badRequest(dm.accountabilityNotFound)),
  },
  'personnel.accountability.decide': {
    access: perm('personnel.discipline'),
    rule: 'a matter of the county, after the defence',
    probes: once(() => ({ id: NO_SUCH_ID, version: STALE, decision: '探针', on: inDays(0) }), () => badRequest(dm.accountabilityNotFound)),
  },
  'personnel.accountability.review': {
    access: perm('personnel.discipline'),
    rule: 'a decided matter of the county',
    probes: once(() => ({ id: NO_SUCH_ID, version: STALE, request: '探针', result: 'upheld', on: inDays(0) }), () => badRequest(dm.accountabilityNotFound)),
  },
  'personnel.accountability.list': { access: perm('personnel.discipline'), rule: 'the county’s matters (audited)', probes: once(() => ({}), () => ok()) },
  'personnel.accountability.mine': { access: authed, rule: 'the caller’s own matters (none without a registry entry)', probes: once(() => undefined, () => ok()) },
  'personnel.commendations.award': {
    access: perm('personnel.commendations'),
    rule: 'a commendation of an officer, unit or case of the county',
    probes: once(() => ({ kind: 'merit', officerId: NO_SUCH_ID, title: '探针', awardedOn: inDays(-1) }), () => badRequest(dm.officerNotFound)),
  },
  'personnel.commendations.list': { access: perm('personnel.commendations'), rule: 'the county’s commendations', probes: once(() => ({}), () => ok()) },
  'personnel.assessments.record': {
    access: perm('personnel.commendations'),
    rule: 'a grade of an officer of the county',
    probes: once(() => ({ officerId: NO_SUCH_ID, period: `${year()}-Q1`, grade: 'competent', assessedOn: inDays(-1) }), () => badRequest(dm.officerNotFound)),
  },
  'personnel.assessments.list': { access: perm('personnel.commendations'), rule: 'the county’s grades', probes: once(() => ({}), () => ok()) },
  'personnel.file.mine': { access: authed, rule: 'the caller’s own law-enforcement file', probes: once(() => undefined, () => forbidden(dm.noOfficer)) },
  'personnel.file.unitSummary': {
    access: authed,
    rule: 'the file summary, for a leader of the officer’s unit (audited); the caller is checked before the officer',
    probes: once(() => ({ officerId: NO_SUCH_ID }), () => forbidden(dm.notUnitLeader)),
  },
  'personnel.file.get': { access: perm('personnel.files'), rule: 'the full file of an officer of the county (audited)', probes: once(() => ({ officerId: NO_SUCH_ID }), () => badRequest(dm.officerNotFound)) },
  'personnel.file.export': { access: perm('personnel.files'), rule: 'the full file as docx (audited)', probes: once(() => ({ officerId: NO_SUCH_ID }), () => badRequest(dm.officerNotFound)) },
};
