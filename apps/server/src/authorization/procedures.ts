// Every procedure of the kernel and the installed plugins, with who may call it and what
// a call answers each identity, for a target of its own unit, another unit and another
// county. A procedure without a declaration here fails the matrix (matrix.test.ts).
//
// Probes leave the world as they found it wherever they can: a mutation is called with a
// stale version, an already decided request or a duplicate name, so that a call past the
// access and data rules meets a business refusal that comes after them (and proves it got
// that far); a refusal before that point is the rule's. The few that succeed write
// something harmless (a dispatch record, a repeat visit, a reveal in the audit log).
import { apiStrings } from '@zhengfa/plugin-api';
import { caseStrings, clockStrings, exportStrings, kernelStrings, passwordProblem, supervisionStrings, workbenchStrings } from '@zhengfa/kernel';
import { messages as inspectionStrings } from '@zhengfa/plugin-inspections/strings';
import { lookupStrings as mediationLookup, messages as mediationMessages, staffMessages as mediationStaff } from '@zhengfa/plugin-mediation/strings';
import { fourVisitStrings, importStrings, lookupStrings, matterStrings } from '@zhengfa/plugin-petitions/strings';
import { inDays } from '@zhengfa/test-utils';
import { sql } from 'kysely';
import {
  badRequest,
  conflict,
  forbidden,
  inSubtree,
  lists,
  notFound,
  ok,
  refused,
  sameCounty,
  seesCase,
  type Outcome,
  type ProbeContext,
  type ProcedureDeclaration,
} from './matrix.js';
import { personnelProcedureDeclarations } from './personnel-procedures.js';
import { identityKeys } from './world.js';

const STALE = 999_999;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const STRONG_PASSWORD = 'Probe#Pw-5738x';

const target = (c: ProbeContext) => c.target!;
const rel = (c: ProbeContext) => c.rel!;
/** The identity is a user of the committee (its county's whole scope). */
const committee = (c: ProbeContext) => c.who.committee;

/** Visible by the case rule, else the kernel's not-found. */
const byCase = (visible: Outcome | ((c: ProbeContext) => Outcome), hidden = notFound(caseStrings.notFound)) => (c: ProbeContext) =>
  seesCase(rel(c)) ? (typeof visible === 'function' ? visible(c) : visible) : hidden;
/** Visible within the organisation subtree (instruments addressed to a unit, meetings it is invited to, users, organisations). */
const bySubtree = (visible: Outcome | ((c: ProbeContext) => Outcome), hidden: Outcome) => (c: ProbeContext) =>
  inSubtree(rel(c)) ? (typeof visible === 'function' ? visible(c) : visible) : hidden;
/** Visible within the county (tenant-wide records). */
const byCounty = (visible: Outcome | ((c: ProbeContext) => Outcome), hidden: Outcome) => (c: ProbeContext) =>
  sameCounty(rel(c)) ? (typeof visible === 'function' ? visible(c) : visible) : hidden;
/** Committee users only (the plugin's rule), then `then`. */
const committeeOnly = (message: string, then: (c: ProbeContext) => Outcome) => (c: ProbeContext) => (committee(c) ? then(c) : forbidden(message));

const perm = (...permissions: [string, ...string[]]) => ({ access: 'permission' as const, permissions });
const anyPerm = (...permissions: [string, ...string[]]) => ({ access: 'anyPermission' as const, permissions });
const authed = { access: 'authed' as const };
const open = { access: 'public' as const };

const idsOf = (items: { id: string }[]) => items.map((i) => i.id);

const transitionActions = ['submitForApproval', 'approve', 'assign', 'acknowledge', 'reportProgress', 'transfer', 'submitResult', 'review', 'returnForRework', 'withdraw', 'archive', 'reopen'] as const;
const actionPermission: Record<(typeof transitionActions)[number], string> = {
  submitForApproval: 'cases.register',
  approve: 'cases.approve',
  assign: 'cases.assign',
  acknowledge: 'cases.handle',
  reportProgress: 'cases.handle',
  transfer: 'cases.assign',
  submitResult: 'cases.handle',
  review: 'cases.review',
  returnForRework: 'cases.review',
  withdraw: 'cases.register',
  archive: 'cases.archive',
  reopen: 'cases.review',
};
const instrumentSteps = { submit: 'supervision.instruments', sign: 'supervision.sign', acknowledge: 'cases.handle', answer: 'cases.handle', decide: 'supervision.instruments' } as const;

/** A case's current version, read when the call is made (earlier probes may have moved it). */
async function caseVersion(c: ProbeContext, id: string): Promise<number> {
  const r = await sql<{ version: number }>`select version from kernel.cases where id = ${id}`.execute(c.w.t.database.db);
  return Number(r.rows[0]!.version);
}

const petitionInput = (c: ProbeContext) => ({
  channel: 'visit',
  receivedOn: inDays(0),
  personCount: 1,
  category: 'law',
  content: '再次来访反映同一问题',
  petitioners: [{ name: '王明', phone: `1391111000${target(c).phoneLast4.slice(-1)}` }],
  linkToMatterId: target(c).matterId,
});

export const procedureDeclarations: Record<string, ProcedureDeclaration> = {
  // ── auth ──────────────────────────────────────────────────────────────────────────────
  'auth.tenants': { access: open, rule: 'the sign-in form’s county picker: open to anyone', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'auth.me': {
    access: open,
    rule: 'the caller’s own session, or nothing',
    probes: [{ over: 'once', input: () => undefined, expect: (c) => ok((r) => ((r?.user.id ?? null) === c.who.userId ? null : `answered the session of ${r?.user.id ?? 'nobody'}`)) }],
  },
  'auth.signIn': {
    access: open,
    rule: 'open to anyone: the credentials are the rule',
    probes: [{ over: 'once', input: (c) => ({ tenantId: c.w.t.tenantId, username: 'leader', password: 'Zhengfa@2026' }), expect: () => ok() }],
  },
  'auth.signOut': { access: authed, rule: 'the caller’s own session', last: true, probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'auth.changePassword': {
    access: authed,
    rule: 'the caller’s own password, which the caller must know',
    probes: [{ over: 'once', input: () => ({ currentPassword: 'Not-the-password#1', newPassword: STRONG_PASSWORD }), expect: () => badRequest(kernelStrings.auth.wrongCurrentPassword) }],
  },

  // ── organisations and users ────────────────────────────────────────────────────────────
  'orgs.tree': {
    access: perm('orgs.read'),
    rule: 'the committee sees its county’s tree, a unit its own subtree',
    probes: [{ over: 'units', input: () => undefined, expect: (c) => lists(inSubtree(rel(c)), target(c).unitOrgId, idsOf) }],
  },
  'orgs.create': {
    access: perm('orgs.manage'),
    rule: 'under an organisation in the caller’s scope',
    probes: [
      {
        over: 'units',
        input: (c) => ({ parentId: target(c).unitOrgId, name: target(c).county.existingChildOrgName, kind: 'department', level: 'county' }),
        expect: bySubtree((c) => badRequest(kernelStrings.orgs.duplicateName(target(c).county.existingChildOrgName)), badRequest(kernelStrings.orgs.parentNotFound)),
      },
    ],
  },
  'orgs.update': {
    access: perm('orgs.manage'),
    rule: 'an organisation in the caller’s scope',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).unitOrgId, version: STALE, name: '改名后的单位', kind: 'police', level: 'county' }), expect: bySubtree(conflict, notFound(kernelStrings.orgs.notFound)) }],
  },
  'orgs.vocab': { access: perm('orgs.read'), rule: 'names of kinds and levels: no data', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'users.list': {
    access: perm('users.read'),
    rule: 'the committee sees its county’s users, a unit those of its subtree',
    probes: [{ over: 'units', input: () => ({ pageSize: 100 }), expect: (c) => lists(inSubtree(rel(c)), target(c).userId, (r) => idsOf(r.items)) }],
  },
  'users.create': {
    access: perm('users.manage'),
    rule: 'in an organisation of the caller’s scope',
    probes: [
      {
        over: 'units',
        input: (c) => ({ orgId: target(c).unitOrgId, username: usernameOf(c), displayName: '重复的用户', password: STRONG_PASSWORD, roleIds: [] }),
        expect: bySubtree((c) => badRequest(kernelStrings.users.duplicateUsername(usernameOf(c))), badRequest(kernelStrings.users.orgNotFound)),
      },
    ],
  },
  'users.update': {
    access: perm('users.manage'),
    rule: 'a user of the caller’s scope',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).userId, version: STALE, orgId: target(c).unitOrgId, displayName: '改名后的用户' }), expect: bySubtree(conflict, notFound(kernelStrings.users.notFound)) }],
  },
  'users.resetPassword': {
    access: perm('users.manage'),
    rule: 'a user of the caller’s scope holding no security or audit duty',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).userId, password: '123' }), expect: bySubtree((c) => badRequest(passwordProblem('123', usernameOf(c))!), notFound(kernelStrings.users.notFound)) }],
  },
  'users.resetAuditorPassword': {
    access: perm('security.manage'),
    rule: 'an audit administrator of the caller’s scope',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).userId, password: STRONG_PASSWORD }), expect: bySubtree(forbidden(kernelStrings.users.securityResetsOnlyAuditors), notFound(kernelStrings.users.notFound)) }],
  },
  'users.assignRoles': {
    access: perm('roles.assign'),
    rule: 'a user of the caller’s scope other than the caller, with roles of the county',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).userId, roleIds: [NO_SUCH_ID] }), expect: bySubtree(badRequest(kernelStrings.roles.notFound), notFound(kernelStrings.users.notFound)) }],
  },
  'users.unlock': {
    access: perm('security.manage'),
    rule: 'a user of the caller’s scope',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).userId }), expect: bySubtree(ok(), notFound(kernelStrings.users.notFound)) }],
  },
  'passwordResets.list': {
    access: anyPerm('users.manage', 'security.manage', 'audit.countersign'),
    rule: 'requests of the caller’s county',
    probes: [{ over: 'counties', input: () => undefined, expect: (c) => lists(sameCounty(rel(c)), target(c).county.resetRequestId, idsOf) }],
  },
  'passwordResets.request': {
    access: anyPerm('users.manage', 'security.manage'),
    rule: 'for a security administrator of the caller’s scope',
    probes: [{ over: 'units', input: (c) => ({ userId: target(c).userId, reason: '忘记密码' }), expect: bySubtree(badRequest(kernelStrings.passwordResets.onlySecurityAdmins), notFound(kernelStrings.users.notFound)) }],
  },
  'passwordResets.countersign': {
    access: perm('audit.countersign'),
    rule: 'a pending request of the caller’s county',
    probes: [{ over: 'counties', input: (c) => ({ id: target(c).county.resetRequestId }), expect: byCounty(badRequest(kernelStrings.passwordResets.decided('已驳回')), notFound(kernelStrings.passwordResets.notFound)) }],
  },
  'passwordResets.reject': {
    access: perm('audit.countersign'),
    rule: 'a pending request of the caller’s county',
    probes: [{ over: 'counties', input: (c) => ({ id: target(c).county.resetRequestId, note: '再次驳回' }), expect: byCounty(badRequest(kernelStrings.passwordResets.decided('已驳回')), notFound(kernelStrings.passwordResets.notFound)) }],
  },
  'passwordResets.cancel': {
    access: anyPerm('users.manage', 'security.manage'),
    rule: 'the caller’s own pending request',
    probes: [{ over: 'counties', input: (c) => ({ id: target(c).county.resetRequestId }), expect: byCounty(badRequest(kernelStrings.passwordResets.decided('已驳回')), notFound(kernelStrings.passwordResets.notFound)) }],
  },
  'roles.list': {
    access: perm('users.read'),
    rule: 'roles of the caller’s county',
    probes: [{ over: 'counties', input: () => undefined, expect: (c) => lists(sameCounty(rel(c)), target(c).county.roleId, idsOf) }],
  },
  'roles.permissions': { access: perm('users.read'), rule: 'the deployment’s permissions: no data', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'roles.create': {
    access: perm('roles.manage'),
    rule: 'in the caller’s county (names are unique per county)',
    probes: [{ over: 'once', input: () => ({ name: '执法监督室', permissions: [] }), expect: () => badRequest(kernelStrings.roles.duplicateName('执法监督室')) }],
  },
  'roles.update': {
    access: perm('roles.manage'),
    rule: 'a role of the caller’s county',
    probes: [
      {
        over: 'counties',
        input: (c) => ({ id: target(c).county.roleId, version: STALE, name: target(c).county.roleName, permissions: target(c).county.rolePermissions }),
        expect: byCounty(conflict, notFound(kernelStrings.roles.notFound)),
      },
    ],
  },
  'audit.list': {
    access: perm('audit.read'),
    rule: 'the caller’s county’s log',
    probes: [
      {
        over: 'counties',
        input: (c) => ({ actorId: target(c).userId, pageSize: 1 }),
        expect: (c) => ok((r) => ((r.total > 0) === sameCounty(rel(c)) ? null : `${r.total} entries of a user of ${sameCounty(rel(c)) ? 'the caller’s county' : 'another county'}`)),
      },
    ],
  },
  'audit.export': {
    access: perm('audit.read'),
    rule: 'the caller’s county’s log (the export is audited)',
    probes: [
      {
        over: 'counties',
        input: (c) => ({ actorId: target(c).userId }),
        expect: (c) => ok((r) => ((r.rows > 0) === sameCounty(rel(c)) ? null : `${r.rows} entries of a user of ${sameCounty(rel(c)) ? 'the caller’s county' : 'another county'}`)),
      },
    ],
  },
  'audit.actions': { access: perm('audit.read'), rule: 'the caller’s county’s log', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'audit.verify': { access: perm('audit.read'), rule: 'the caller’s county’s chain', probes: [{ over: 'once', input: () => undefined, expect: () => ok((r) => (r.ok ? null : `the chain is broken: ${JSON.stringify(r.firstBroken)}`)) }] },
  'system.modules': { access: perm('system.modules'), rule: 'the deployment’s modules and the caller’s county’s switches', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'system.enableModule': {
    access: perm('system.modules'),
    rule: 'the caller’s county’s switch (a plugin already on: nothing written)',
    probes: [{ over: 'once', input: () => ({ pluginId: 'petitions', version: STALE }), expect: () => ok((r) => (r.changed ? 'switched a plugin that was on' : null)) }],
  },
  'system.disableModule': {
    access: perm('system.modules'),
    rule: 'the caller’s county’s switch',
    probes: [{ over: 'once', input: () => ({ pluginId: 'petitions', version: STALE }), expect: () => conflict }],
  },
  'system.enabledPlugins': { access: authed, rule: 'the plugins on for the caller’s county: no county data', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'system.eventSubscribers': { access: perm('system.events'), rule: 'the deployment’s subscribers and their progress: no payloads', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'system.deadLetters': { access: perm('system.events'), rule: 'dead letters of the caller’s county and of no county (jobs)', probes: [{ over: 'once', input: () => ({ limit: 100 }), expect: () => ok() }] },
  'system.retryDeadLetter': {
    access: perm('system.events'),
    rule: 'a dead letter of the caller’s county or of no county',
    probes: [{ over: 'once', input: () => ({ subscriber: 'notes:notes.note.added', eventId: 999_999_999 }), expect: () => notFound(kernelStrings.events.deadLetterNotFound) }],
  },
  'calendar.year': { access: perm('orgs.read'), rule: 'the caller’s county’s calendar', probes: [{ over: 'once', input: () => ({ year: 2030 }), expect: () => ok() }] },
  'calendar.set': {
    access: perm('calendar.manage'),
    rule: 'the caller’s county’s calendar',
    probes: [{ over: 'once', input: () => ({ date: '2030-01-02', kind: 'official' }), expect: () => ok() }],
  },
  'calendar.cadence': { access: perm('orgs.read'), rule: 'the caller’s county’s cadence settings', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'calendar.setDispatchCounting': {
    access: perm('calendar.manage'),
    rule: 'the caller’s county’s cadence settings',
    // Sets the default again (特急件 counts calendar days): harmless.
    probes: [{ over: 'once', input: () => ({ urgency: 'critical', counting: 'natural' }), expect: () => ok() }],
  },

  // ── cases ─────────────────────────────────────────────────────────────────────────────
  'cases.vocab': { access: authed, rule: 'names: no data', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'cases.register': {
    access: perm('cases.register'),
    rule: 'in the caller’s county, of a kind an enabled module declares',
    probes: [{ over: 'once', input: () => ({ kind: 'no-such-kind', title: '不存在的事项类型', source: 'letter' }), expect: () => badRequest(caseStrings.unknownKind('no-such-kind')) }],
  },
  'cases.update': {
    access: perm('cases.register'),
    rule: 'a case the caller sees',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).caseId, version: STALE, title: '修改后的标题', summary: '', source: 'letter', isKey: false, receivedOn: inDays(0) }), expect: byCase(conflict) }],
  },
  'cases.setFourFixes': {
    access: perm('cases.assign'),
    rule: 'a case the caller sees',
    probes: [
      {
        over: 'units',
        input: (c) => ({ id: target(c).caseId, version: STALE, leadLeaderId: c.w.leaderId, handlerName: '李承办', resolutionPlan: '约谈当事人限期处理', deadline: inDays(30), leadUnitId: target(c).unitOrgId }),
        expect: byCase(conflict),
      },
    ],
  },
  'cases.transition': {
    access: perm('cases.read'),
    rule: 'a case the caller sees; each action needs its own permission, the unit’s actions its lead unit (or the committee)',
    probes: [
      ...transitionActions.map((action) => ({
        variant: `${action}, stale version`,
        over: 'units' as const,
        needs: actionPermission[action],
        input: (c: ProbeContext) => ({ id: target(c).caseId, version: STALE, action, comment: '理由', report: '办理结果', toUnitId: target(c).unitOrgId }),
        expect: byCase(conflict),
      })),
      {
        variant: 'reportProgress, current version',
        over: 'units',
        needs: 'cases.handle',
        input: async (c) => ({ id: target(c).caseId, version: await caseVersion(c, target(c).caseId), action: 'reportProgress', comment: '本周已约谈当事人' }),
        expect: byCase((c) => (rel(c) === 'cooperating' ? forbidden(caseStrings.notLeadUnit) : ok())),
      },
    ],
  },
  'cases.dispatch': {
    access: perm('cases.urge'),
    rule: 'a case the caller sees',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).caseId, heldOn: inDays(0), summary: '调度会听取进展' }), expect: byCase(ok()) }],
  },
  'cases.dispatchMany': {
    access: perm('cases.urge'),
    rule: 'every case of the batch one the caller sees (all or none)',
    probes: [{ over: 'units', input: (c) => ({ ids: [target(c).caseId], heldOn: inDays(0), summary: '批量催办调度' }), expect: byCase(ok(), notFound(caseStrings.batchNotFound(1))) }],
  },
  'cases.changeUrgency': {
    access: perm('cases.urge'),
    rule: 'a case the caller sees',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).caseId, version: STALE, urgency: 'critical', reason: '群众反映强烈' }), expect: byCase(conflict) }],
  },
  'cases.link': {
    access: perm('cases.register'),
    rule: 'two cases the caller sees',
    probes: [{ over: 'units', input: (c) => ({ fromId: target(c).caseId, toId: target(c).county.hubCaseId, kind: 'related' }), expect: byCase(ok()) }],
  },
  'cases.get': {
    access: perm('cases.read'),
    rule: 'a case the caller sees',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).caseId }), expect: byCase((c) => ok((r) => (r.id === target(c).caseId ? null : `answered case ${r.id}`))) }],
  },
  'cases.pauseClock': {
    access: perm('cases.urge'),
    rule: 'a clock of a case the caller sees',
    probes: [{ over: 'units', input: (c) => ({ clockId: target(c).handleClockId, version: STALE, from: inDays(0), reason: '听证' }), expect: byCase(conflict, notFound(clockStrings.notFound)) }],
  },
  'cases.resumeClock': {
    access: perm('cases.urge'),
    rule: 'a clock of a case the caller sees',
    probes: [{ over: 'units', input: (c) => ({ clockId: target(c).handleClockId, version: STALE, lastPausedDay: inDays(0) }), expect: byCase(conflict, notFound(clockStrings.notFound)) }],
  },
  'cases.requestExtension': {
    access: perm('cases.read'),
    rule: 'a clock of a case the caller sees, asked for by its lead unit or the committee',
    probes: [
      {
        over: 'units',
        input: (c) => ({ clockId: target(c).handleClockId, days: 1, reason: '需要补充调查' }),
        expect: byCase((c) => (rel(c) === 'cooperating' ? forbidden(clockStrings.extensionLeadUnitOnly) : badRequest(clockStrings.stopped)), notFound(clockStrings.notFound)),
      },
    ],
  },
  'cases.decideExtension': {
    access: perm('cases.approve'),
    rule: 'an extension of a clock of a case the caller sees',
    probes: [{ over: 'units', input: (c) => ({ extensionId: target(c).decidedExtensionId, approve: true }), expect: byCase(badRequest(clockStrings.extensionDecided), notFound(clockStrings.extensionNotFound)) }],
  },
  'cases.revealParty': {
    access: perm('cases.reveal'),
    rule: 'a party of a case the caller sees (audited)',
    probes: [{ over: 'units', input: (c) => ({ caseId: target(c).caseId, partyId: target(c).partyId }), expect: byCase(ok((r) => (r.name === '张三丰' ? null : `revealed ${r.name}`)), notFound(caseStrings.partyNotFound)) }],
  },
  'cases.startExport': {
    access: perm('cases.export'),
    rule: 'exports the cases the caller sees',
    probes: [{ over: 'units', input: (c) => ({ keyword: target(c).caseTitle }), expect: (c) => ok((r) => (r.total === (seesCase(rel(c)) ? 1 : 0) ? null : `the export holds ${r.total} rows`)) }],
  },
  'cases.exportStatus': {
    access: perm('cases.export'),
    rule: 'the caller’s own exports',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).exportId }), expect: (c) => (c.who.key === target(c).exportOwner ? ok() : notFound(exportStrings.notFound)) }],
  },
  'cases.dashboard': { access: perm('cases.read'), rule: 'figures of the cases the caller sees', probes: [{ over: 'once', input: () => ({}), expect: () => ok() }] },
  'cases.ledger': {
    access: perm('cases.read'),
    rule: 'the cases the caller sees',
    probes: [{ over: 'units', input: (c) => ({ keyword: target(c).caseTitle }), expect: (c) => lists(seesCase(rel(c)), target(c).caseId, (r) => idsOf(r.items)) }],
  },
  'notifications.list': {
    access: authed,
    rule: 'the caller’s own notifications',
    probes: [{ over: 'units', input: () => ({ pageSize: 100 }), expect: (c) => lists(c.who.userId === target(c).userId, target(c).notificationId, (r) => idsOf(r.items)) }],
  },
  'workbench.todos': { access: authed, rule: 'what waits for the caller, counted within the caller’s own scope', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'workbench.kernelTodos': { access: authed, rule: 'the kernel’s to-dos of the caller, counted within the caller’s own scope', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'workbench.follows': { access: perm('cases.read'), rule: 'the cases the caller follows and still sees', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'workbench.activity': { access: perm('cases.read'), rule: 'steps on the cases the caller sees and that concern the caller', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'workbench.following': {
    access: perm('cases.read'),
    rule: 'the caller’s own follow of a case',
    probes: [{ over: 'units', input: (c) => ({ caseId: target(c).caseId }), expect: () => ok((r) => (r === false ? null : 'answered that the caller follows the case')) }],
  },
  'workbench.follow': {
    access: perm('cases.read'),
    rule: 'a case the caller sees (unfollowing one not followed changes nothing)',
    probes: [{ over: 'units', input: (c) => ({ caseId: target(c).caseId, follow: false }), expect: byCase(ok((r) => (r.following === false ? null : 'answered following')), notFound(workbenchStrings.caseNotFound)) }],
  },
  'notifications.digest': { access: authed, rule: 'the caller’s own notifications of one day', probes: [{ over: 'once', input: () => ({}), expect: () => ok() }] },
  'notifications.unreadCount': { access: authed, rule: 'the caller’s own notifications', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'notifications.markRead': {
    access: authed,
    rule: 'the caller’s own notifications',
    probes: [{ over: 'units', input: (c) => ({ ids: [target(c).notificationId] }), expect: (c) => ok((r) => (r.updated === (c.who.userId === target(c).userId ? 1 : 0) ? null : `marked ${r.updated} read`)) }],
  },

  // ── supervision ───────────────────────────────────────────────────────────────────────
  'supervision.vocab': { access: perm('cases.read'), rule: 'names: no data', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'supervision.draftInstrument': {
    access: perm('supervision.instruments'),
    rule: 'on a case the caller sees',
    probes: [
      {
        over: 'units',
        input: (c) => ({
          caseId: target(c).caseId,
          kind: 'warning',
          recipientOrgId: target(c).unitOrgId,
          facts: '该案超过办案期限未作处理。',
          requirement: '书面说明情况',
          responseDeadline: inDays(10),
          previousId: target(c).instrumentId,
        }),
        expect: byCase(badRequest(supervisionStrings.notHigherRung), notFound(apiStrings.notFound)),
      },
    ],
  },
  'supervision.reviseInstrument': {
    access: perm('supervision.instruments'),
    rule: 'an instrument the caller sees: the committee all, a unit those addressed to it once issued',
    probes: [
      {
        over: 'units',
        input: (c) => ({ id: target(c).instrumentId, version: STALE, kind: 'correction', recipientOrgId: target(c).unitOrgId, facts: '该案超过办案期限未作处理。', requirement: '立即纠正', responseDeadline: inDays(10) }),
        expect: bySubtree(conflict, notFound(supervisionStrings.instrumentNotFound)),
      },
    ],
  },
  'supervision.instrumentStep': {
    access: perm('cases.read'),
    rule: 'an instrument the caller sees; each step needs its own permission',
    probes: Object.entries(instrumentSteps).map(([step, needs]) => ({
      variant: `${step}, stale version`,
      over: 'units' as const,
      needs,
      input: (c: ProbeContext) => ({ id: target(c).instrumentId, version: STALE, step, approve: true, comment: '意见', answer: '已整改' }),
      expect: bySubtree(conflict, notFound(supervisionStrings.instrumentNotFound)),
    })),
  },
  'supervision.instruments': {
    access: perm('cases.read'),
    rule: 'the instruments the caller sees',
    probes: [{ over: 'units', input: (c) => ({ caseId: target(c).caseId }), expect: (c) => lists(inSubtree(rel(c)), target(c).instrumentId, idsOf) }],
  },
  'supervision.instrument': {
    access: perm('cases.read'),
    rule: 'an instrument the caller sees',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).instrumentId }), expect: bySubtree(ok(), notFound(supervisionStrings.instrumentNotFound)) }],
  },
  'supervision.recordPower': {
    access: perm('supervision.powers'),
    rule: 'on a case the caller sees',
    probes: [{ over: 'units', input: (c) => ({ caseId: target(c).caseId, power: 'inquiry', usedOn: inDays(0), description: '约见承办人了解情况' }), expect: byCase(ok(), notFound(apiStrings.notFound)) }],
  },
  'supervision.powerUses': {
    access: perm('cases.read'),
    rule: 'on a case the caller sees (others answer nothing)',
    probes: [{ over: 'units', input: (c) => ({ caseId: target(c).caseId }), expect: (c) => ok((r) => ((r.length > 0) === seesCase(rel(c)) ? null : `${r.length} uses answered`)) }],
  },
  'supervision.scheduleMeeting': {
    access: perm('supervision.meetings'),
    rule: 'units of the caller’s county, on cases the caller sees',
    probes: [
      {
        over: 'units',
        input: (c) => ({ title: '矩阵检查协调会', scheduledAt: new Date(Date.now() + 86_400_000), orgIds: [target(c).unitOrgId], caseIds: [target(c).caseId] }),
        expect: (c) => (!sameCounty(rel(c)) ? badRequest(supervisionStrings.noOrgs) : seesCase(rel(c)) ? ok() : badRequest(supervisionStrings.noCases)),
      },
    ],
  },
  'supervision.holdMeeting': {
    access: perm('supervision.meetings'),
    rule: 'a meeting the caller sees: the committee all, a unit those it is invited to',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).meetingId, version: STALE, minutes: '会议纪要', attendance: [] }), expect: bySubtree(conflict, notFound(supervisionStrings.meetingNotFound)) }],
  },
  'supervision.concludeMeeting': {
    access: perm('supervision.meetings'),
    rule: 'a meeting the caller sees',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).meetingId, version: STALE, outcome: 'consensus', opinion: '依法处理' }), expect: bySubtree(conflict, notFound(supervisionStrings.meetingNotFound)) }],
  },
  'supervision.signOpinion': {
    access: perm('supervision.sign'),
    rule: 'a meeting the caller sees',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).meetingId, version: STALE }), expect: bySubtree(conflict, notFound(supervisionStrings.meetingNotFound)) }],
  },
  'supervision.acknowledgeOpinion': {
    access: perm('cases.handle'),
    rule: 'an opinion of a meeting the caller’s unit is invited to',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).meetingId }), expect: bySubtree(ok(), notFound(supervisionStrings.meetingNotFound)) }],
  },
  'supervision.reportExecution': {
    access: perm('cases.handle'),
    rule: 'an opinion of a meeting the caller’s unit is invited to',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).meetingId, report: '已按协调意见办理' }), expect: bySubtree(ok(), notFound(supervisionStrings.meetingNotFound)) }],
  },
  'supervision.meetings': {
    access: perm('cases.read'),
    rule: 'the meetings the caller sees',
    probes: [{ over: 'units', input: () => ({}), expect: (c) => lists(inSubtree(rel(c)), target(c).meetingId, idsOf) }],
  },
  'supervision.meeting': {
    access: perm('cases.read'),
    rule: 'a meeting the caller sees',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).meetingId }), expect: bySubtree(ok(), notFound(supervisionStrings.meetingNotFound)) }],
  },
  'supervision.meetingFigures': { access: perm('cases.read'), rule: 'figures of the meetings the caller sees', probes: [{ over: 'once', input: () => ({ year: Number(inDays(0).slice(0, 4)) }), expect: () => ok() }] },

  // ── petitions (信访接待) ───────────────────────────────────────────────────────────────
  'petitions.matters.register': {
    access: perm('petitions.register'),
    rule: 'the committee registers; a repeat visit links to a matter of its county',
    probes: [{ over: 'units', input: petitionInput, expect: committeeOnly(matterStrings.registerCommitteeOnly, byCounty(ok(), badRequest(matterStrings.linkTargetNotFound))) }],
  },
  'petitions.matters.findRepeats': {
    access: perm('petitions.register'),
    rule: 'the committee, among its county’s matters',
    probes: [
      {
        over: 'units',
        input: (c) => ({ petitioners: [{ name: '王明', phone: `1391111000${target(c).phoneLast4.slice(-1)}` }], content: '' }),
        expect: committeeOnly(matterStrings.committeeOnly, (c) => lists(sameCounty(rel(c)), target(c).matterId, (r) => r.map((m: { matterId: string }) => m.matterId))),
      },
    ],
  },
  'petitions.matters.list': {
    access: perm('petitions.read'),
    rule: 'the committee its county’s matters, a unit those routed to it to lead',
    probes: [{ over: 'units', input: () => ({ pageSize: 200 }), expect: (c) => lists(inSubtree(rel(c)), target(c).matterId, (r) => idsOf(r.items)) }],
  },
  'petitions.matters.export': {
    access: perm('petitions.read'),
    rule: 'the committee its county’s matters, a unit those routed to it to lead (masked as the list)',
    probes: [{ over: 'once', input: () => ({}), expect: () => ok() }],
  },
  'petitions.matters.get': {
    access: perm('petitions.read'),
    rule: 'a matter whose kernel case the caller sees',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).matterId }), expect: byCase(ok(), notFound(matterStrings.notFound)) }],
  },
  'petitions.matters.byCase': {
    access: perm('petitions.read'),
    rule: 'the matter of a kernel case the caller sees (the case page’s petition panel)',
    probes: [{ over: 'units', input: (c) => ({ caseId: target(c).matterCaseId }), expect: byCase(ok(), notFound(matterStrings.notFound)) }],
  },
  'petitions.matters.reveal': {
    access: perm('petitions.reveal'),
    rule: 'petitioners of a matter the caller sees (audited)',
    probes: [{ over: 'units', input: (c) => ({ matterId: target(c).matterId }), expect: byCase(ok(), notFound(matterStrings.notFound)) }],
  },
  'petitions.matters.route': {
    access: perm('petitions.route'),
    rule: 'the committee, a matter of its county not yet routed',
    probes: [
      {
        over: 'units',
        input: (c) => ({ id: target(c).matterId, version: STALE, leadLeaderId: c.w.leaderId, handlerName: '李承办', resolutionPlan: '核实后答复', deadline: inDays(30), leadUnitId: target(c).unitOrgId }),
        expect: committeeOnly(matterStrings.routeCommitteeOnly, byCounty(badRequest(matterStrings.alreadyRouted), notFound(matterStrings.notFound))),
      },
    ],
  },
  'petitions.matters.continueRouting': {
    access: perm('petitions.route'),
    rule: 'the committee, a matter of its county not yet routed',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).matterId, version: STALE }), expect: committeeOnly(matterStrings.routeCommitteeOnly, byCounty(badRequest(matterStrings.alreadyRouted), notFound(matterStrings.notFound))) }],
  },
  'petitions.matters.recordAcceptance': {
    access: perm('petitions.read'),
    rule: 'a matter the caller sees, by its lead unit or the committee',
    probes: [
      {
        over: 'units',
        input: (c) => ({ id: target(c).matterId, version: STALE, accepted: true }),
        expect: byCase((c) => (rel(c) === 'cooperating' ? forbidden(matterStrings.leadUnitOnly) : badRequest(matterStrings.acceptanceRecorded)), notFound(matterStrings.notFound)),
      },
    ],
  },
  'petitions.matters.recordAnswer': {
    access: perm('petitions.read'),
    rule: 'a matter the caller sees, by its lead unit or the committee',
    probes: [
      {
        over: 'units',
        input: (c) => ({ id: target(c).matterId, version: STALE, answer: '再次答复' }),
        expect: byCase((c) => (rel(c) === 'cooperating' ? forbidden(matterStrings.leadUnitOnly) : badRequest(matterStrings.alreadyAnswered)), notFound(matterStrings.notFound)),
      },
    ],
  },
  'petitions.matters.requestReview': {
    access: perm('petitions.register'),
    rule: 'the committee, a matter of its county',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).matterId, version: STALE }), expect: committeeOnly(matterStrings.committeeOnly, byCounty(conflict, notFound(matterStrings.notFound))) }],
  },
  'petitions.matters.decideReview': {
    access: perm('petitions.conclude'),
    rule: 'the committee, a matter of its county',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).matterId, version: STALE, result: '维持原处理意见' }), expect: committeeOnly(matterStrings.committeeOnly, byCounty(badRequest(matterStrings.reviewNotRequested), notFound(matterStrings.notFound))) }],
  },
  'petitions.matters.requestReReview': {
    access: perm('petitions.register'),
    rule: 'the committee, a matter of its county',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).matterId, version: STALE }), expect: committeeOnly(matterStrings.committeeOnly, byCounty(badRequest(matterStrings.reReviewNeedsReview), notFound(matterStrings.notFound))) }],
  },
  'petitions.matters.decideReReview': {
    access: perm('petitions.conclude'),
    rule: 'the committee, a matter of its county',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).matterId, version: STALE, result: '维持' }), expect: committeeOnly(matterStrings.committeeOnly, byCounty(badRequest(matterStrings.reReviewNotRequested), notFound(matterStrings.notFound))) }],
  },
  'petitions.matters.conclude': {
    access: perm('petitions.conclude'),
    rule: 'the committee, a matter of its county',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).matterId, version: STALE, outcome: 'resolved', note: '已化解' }), expect: committeeOnly(matterStrings.committeeOnly, byCounty(conflict, notFound(matterStrings.notFound))) }],
  },
  'petitions.matters.referToMediation': {
    access: perm('petitions.route'),
    rule: 'the committee, a matter of its county (with the petitioner’s consent)',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).matterId, version: STALE, consent: true }), expect: committeeOnly(matterStrings.committeeOnly, byCounty(conflict, notFound(matterStrings.notFound))) }],
  },
  'petitions.matters.concludeMediated': {
    access: perm('petitions.conclude'),
    rule: 'the committee, a matter of its county the mediation center settled',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).matterId, version: STALE, outcome: 'resolved' }), expect: committeeOnly(matterStrings.committeeOnly, byCounty(badRequest(matterStrings.mediationNotReferred), notFound(matterStrings.notFound))) }],
  },
  'petitions.matters.requestWriteOff': {
    access: perm('petitions.conclude'),
    rule: 'the committee, a matter of its county',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).matterId, version: STALE, reason: '不属于涉法涉诉' }), expect: committeeOnly(matterStrings.committeeOnly, byCounty(conflict, notFound(matterStrings.notFound))) }],
  },
  'petitions.matters.decideWriteOff': {
    access: perm('petitions.writeoff'),
    rule: 'the committee, a matter of its county',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).matterId, version: STALE, approve: true }), expect: committeeOnly(matterStrings.committeeOnly, byCounty(conflict, notFound(matterStrings.notFound))) }],
  },
  'petitions.matters.setCategory': {
    access: perm('petitions.register'),
    rule: 'the committee, a matter of its county',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).matterId, version: STALE, category: 'law', reason: '核实后确认' }), expect: committeeOnly(matterStrings.committeeOnly, byCounty(badRequest(matterStrings.categoryUnchanged), notFound(matterStrings.notFound))) }],
  },
  'petitions.matters.requestRelief': {
    access: perm('petitions.relief'),
    rule: 'the committee, a matter of its county',
    probes: [{ over: 'units', input: (c) => ({ matterId: target(c).matterId, amount: 100, reason: '生活困难' }), expect: committeeOnly(matterStrings.committeeOnly, byCounty(ok(), notFound(matterStrings.notFound))) }],
  },
  'petitions.matters.decideRelief': {
    access: perm('petitions.relief'),
    rule: 'the committee, relief of a matter of its county',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).reliefId, version: STALE, approve: true }), expect: committeeOnly(matterStrings.committeeOnly, byCounty(conflict, notFound(matterStrings.reliefNotFound))) }],
  },
  'petitions.matters.payRelief': {
    access: perm('petitions.relief'),
    rule: 'the committee, relief of a matter of its county',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).reliefId, version: STALE, paidOn: inDays(0) }), expect: committeeOnly(matterStrings.committeeOnly, byCounty(conflict, notFound(matterStrings.reliefNotFound))) }],
  },
  'petitions.matters.document': {
    access: perm('petitions.read'),
    rule: 'a matter the caller sees',
    probes: [{ over: 'units', input: (c) => ({ id: target(c).matterId, kind: 'registration' }), expect: byCase(ok(), notFound(matterStrings.notFound)) }],
  },
  'petitions.fourVisits.calendar': {
    access: perm('petitions.read'),
    rule: 'the committee, its county’s calendar',
    probes: [{ over: 'counties', input: () => ({ month: inDays(3).slice(0, 7) }), expect: committeeOnly(fourVisitStrings.listCommitteeOnly, (c) => lists(sameCounty(rel(c)), target(c).county.visitId, (r) => idsOf(r.items))) }],
  },
  'petitions.fourVisits.schedule': {
    access: perm('petitions.visits'),
    rule: 'the committee, about a matter of its county',
    probes: [
      {
        over: 'units',
        input: (c) => ({ type: 'visit_down', scheduledOn: inDays(5), leaderName: '刘书记', matterId: target(c).matterId }),
        expect: committeeOnly(fourVisitStrings.listCommitteeOnly, byCounty(ok(), badRequest(fourVisitStrings.matterNotFound))),
      },
    ],
  },
  'petitions.fourVisits.record': {
    access: perm('petitions.visits'),
    rule: 'the committee, a visit of its county',
    probes: [{ over: 'counties', input: (c) => ({ id: target(c).county.visitId, version: STALE, heldOn: inDays(0) }), expect: committeeOnly(fourVisitStrings.listCommitteeOnly, byCounty(conflict, notFound(fourVisitStrings.notFound))) }],
  },
  'petitions.lookup.progress': {
    access: open,
    rule: 'open to anyone holding the query code and the phone’s last four digits',
    probes: [{ over: 'units', input: (c) => ({ code: target(c).queryCode, phoneLast4: target(c).phoneLast4 }), expect: () => ok((r) => (r.status === 'answered' ? null : `status ${r.status}`)) }],
  },
  'petitions.lookup.rate': {
    access: open,
    rule: 'open to the holder of the code and phone, once the matter is concluded',
    probes: [{ over: 'units', input: (c) => ({ code: target(c).queryCode, phoneLast4: target(c).phoneLast4, rating: 5 }), expect: () => badRequest(lookupStrings.notConcluded) }],
  },
  'petitions.statistics.summary': { access: perm('petitions.stats'), rule: 'figures of the matters the caller sees', probes: [{ over: 'once', input: () => ({ from: inDays(-30), to: inDays(0) }), expect: () => ok() }] },
  'petitions.statistics.monthly': { access: perm('petitions.stats'), rule: 'figures of the matters the caller sees', probes: [{ over: 'once', input: () => ({ year: Number(inDays(0).slice(0, 4)) }), expect: () => ok() }] },
  'petitions.statistics.exportLedger': {
    access: perm('petitions.stats'),
    rule: 'the matters the caller sees',
    probes: [{ over: 'once', input: () => ({ year: Number(inDays(0).slice(0, 4)), month: Number(inDays(0).slice(5, 7)) }), expect: () => ok() }],
  },
  'petitions.statistics.exportAnnual': { access: perm('petitions.stats'), rule: 'the matters the caller sees', probes: [{ over: 'once', input: () => ({ year: Number(inDays(0).slice(0, 4)) }), expect: () => ok() }] },
  'petitions.imports.check': {
    access: perm('petitions.import'),
    rule: 'the committee',
    probes: [{ over: 'once', input: () => ({ fileName: '台账.xls', base64: 'AA==' }), expect: committeeOnly(matterStrings.registerCommitteeOnly, () => badRequest(importStrings.fileNameXlsx)) }],
  },
  'petitions.imports.recheck': {
    access: perm('petitions.import'),
    rule: 'the committee, the caller’s own dry run',
    probes: [{ over: 'counties', input: (c) => ({ importId: target(c).county.importId }), expect: committeeOnly(matterStrings.registerCommitteeOnly, ownImport) }],
  },
  'petitions.imports.mapUnit': {
    access: perm('petitions.import'),
    rule: 'the committee, the caller’s own dry run, units of its county',
    probes: [{ over: 'counties', input: (c) => ({ importId: target(c).county.importId, name: '县住建局', orgId: target(c).unitOrgId }), expect: committeeOnly(matterStrings.registerCommitteeOnly, ownImport) }],
  },
  'petitions.imports.aliases': { access: perm('petitions.import'), rule: 'the committee, its county’s aliases', probes: [{ over: 'once', input: () => undefined, expect: committeeOnly(matterStrings.registerCommitteeOnly, () => ok()) }] },
  'petitions.imports.removeAlias': {
    access: perm('petitions.import'),
    rule: 'the committee, its county’s aliases',
    probes: [{ over: 'once', input: () => ({ alias: '没有这个对照' }), expect: committeeOnly(matterStrings.registerCommitteeOnly, () => notFound(importStrings.aliasNotFound)) }],
  },
  'petitions.imports.confirm': {
    access: perm('petitions.import'),
    rule: 'the committee, the caller’s own dry run',
    probes: [{ over: 'counties', input: (c) => ({ importId: target(c).county.importId }), expect: committeeOnly(matterStrings.registerCommitteeOnly, ownImport) }],
  },
  'petitions.imports.columns': { access: perm('petitions.import'), rule: 'the template’s columns: no data', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'petitions.imports.template': { access: perm('petitions.import'), rule: 'the template: no data', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },

  // ── inspections (专项检查与案件质量评查) ────────────────────────────────────────────────
  // The committee organises campaigns (a unit's user holding inspections.manage is refused);
  // every record is its county's. Probes name no record of the world: a list answers, an id
  // that does not exist is not found, a create meets a business refusal and writes nothing.
  'inspections.settings.get': { access: perm('inspections.manage'), rule: 'the committee, its county’s settings', probes: [{ over: 'once', input: () => undefined, expect: committeeOnly(inspectionStrings.committeeOnly, () => ok()) }] },
  'inspections.settings.update': {
    access: perm('inspections.manage'),
    rule: 'the committee, its county’s settings (versioned)',
    probes: [{ over: 'once', input: () => ({ campaignKinds: ['案件质量评查'], version: STALE }), expect: committeeOnly(inspectionStrings.committeeOnly, () => conflict) }],
  },
  'inspections.scales.list': { access: perm('inspections.manage'), rule: 'the committee, its county’s scales', probes: [{ over: 'once', input: () => undefined, expect: committeeOnly(inspectionStrings.committeeOnly, () => ok()) }] },
  'inspections.scales.create': {
    access: perm('inspections.manage'),
    rule: 'the committee, in its county',
    probes: [
      {
        over: 'once',
        input: () => ({ name: '探测等级标准', total: 100, grades: [{ label: '达标', minScore: 120, band: 'excellent' }, { label: '不达标', minScore: 0, band: 'fail' }] }),
        expect: committeeOnly(inspectionStrings.committeeOnly, () => badRequest(inspectionStrings.gradeOutside('达标', 100))),
      },
    ],
  },
  'inspections.scales.update': {
    access: perm('inspections.manage'),
    rule: 'the committee, a scale of its county',
    probes: [
      {
        over: 'once',
        input: () => ({ id: NO_SUCH_ID, version: STALE, name: '探测等级标准', total: 100, grades: [{ label: '达标', minScore: 60, band: 'excellent' }, { label: '不达标', minScore: 0, band: 'fail' }] }),
        expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.scaleNotFound)),
      },
    ],
  },
  'inspections.templates.list': { access: perm('inspections.manage'), rule: 'the committee, its county’s templates', probes: [{ over: 'once', input: () => undefined, expect: committeeOnly(inspectionStrings.committeeOnly, () => ok()) }] },
  'inspections.templates.get': {
    access: perm('inspections.manage'),
    rule: 'the committee, a template of its county',
    probes: [{ over: 'once', input: () => ({ id: NO_SUCH_ID }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.templateNotFound)) }],
  },
  'inspections.templates.create': {
    access: perm('inspections.manage'),
    rule: 'the committee, in its county',
    probes: [
      {
        over: 'once',
        input: () => ({ name: '探测评查标准', unitType: 'any', total: 100, items: [{ aspect: '实体', content: '事实清楚', kind: 'points', maxPoints: 90 }] }),
        expect: committeeOnly(inspectionStrings.committeeOnly, () => badRequest(inspectionStrings.weightsSum(90, 100))),
      },
    ],
  },
  'inspections.templates.revise': {
    access: perm('inspections.manage'),
    rule: 'the committee, a template of its county',
    probes: [
      {
        over: 'once',
        input: () => ({ id: NO_SUCH_ID, name: '探测评查标准', unitType: 'any', total: 100, items: [{ aspect: '实体', content: '事实清楚', kind: 'points', maxPoints: 100 }] }),
        expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.templateNotFound)),
      },
    ],
  },
  'inspections.campaigns.list': { access: perm('inspections.manage'), rule: 'the committee, its county’s campaigns', probes: [{ over: 'once', input: () => undefined, expect: committeeOnly(inspectionStrings.committeeOnly, () => ok()) }] },
  'inspections.campaigns.get': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [{ over: 'once', input: () => ({ id: NO_SUCH_ID }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)) }],
  },
  'inspections.campaigns.create': {
    access: perm('inspections.manage'),
    rule: 'the committee, units of its county',
    probes: [{ over: 'units', input: (c) => inspectionCampaign(c, { kind: '未列入清单的检查' }), expect: committeeOnly(inspectionStrings.committeeOnly, () => badRequest(inspectionStrings.unknownKind('未列入清单的检查'))) }],
  },
  'inspections.campaigns.update': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [{ over: 'units', input: (c) => ({ id: NO_SUCH_ID, version: STALE, ...inspectionCampaign(c, {}) }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)) }],
  },
  'inspections.campaigns.setScale': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [{ over: 'once', input: () => ({ id: NO_SUCH_ID, version: STALE, scaleId: NO_SUCH_ID }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)) }],
  },
  'inspections.campaigns.advance': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [{ over: 'once', input: () => ({ id: NO_SUCH_ID, version: STALE }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)) }],
  },
  'inspections.campaigns.publish': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [{ over: 'once', input: () => ({ id: NO_SUCH_ID, version: STALE, objectionDays: 3 }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)) }],
  },
  'inspections.objections.list': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [{ over: 'once', input: () => ({ campaignId: NO_SUCH_ID }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)) }],
  },
  'inspections.objections.decide': {
    access: perm('inspections.manage'),
    rule: 'the committee, an objection in its county',
    probes: [
      { over: 'once', input: () => ({ id: NO_SUCH_ID, version: STALE, outcome: 'dismissed', note: '探测合议' }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.objectionNotFound)) },
    ],
  },
  'inspections.findings.create': {
    access: perm('inspections.manage'),
    rule: 'the committee, a file of its county’s campaign',
    probes: [
      {
        over: 'once',
        input: () => ({ fileId: NO_SUCH_ID, scope: 'individual', defectType: '法律文书', severity: 'general', description: '探测问题', responsibleName: '探测人', deadline: inDays(30) }),
        expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.fileNotFound)),
      },
    ],
  },
  'inspections.findings.list': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [{ over: 'once', input: () => ({ campaignId: NO_SUCH_ID }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)) }],
  },
  'inspections.findings.get': {
    access: perm('inspections.manage'),
    rule: 'the committee, a problem in its county',
    probes: [{ over: 'once', input: () => ({ id: NO_SUCH_ID }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.findingNotFound)) }],
  },
  'inspections.findings.evidence': {
    access: perm('inspections.manage'),
    rule: 'the committee, evidence in its county',
    probes: [{ over: 'once', input: () => ({ id: NO_SUCH_ID }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.evidenceNotFound)) }],
  },
  'inspections.findings.recheck': {
    access: perm('inspections.manage'),
    rule: 'the committee, a problem in its county',
    probes: [{ over: 'once', input: () => ({ id: NO_SUCH_ID, version: STALE, outcome: 'closed' }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.findingNotFound)) }],
  },
  'inspections.findings.escalate': {
    access: perm('inspections.manage'),
    rule: 'the committee, a problem in its county (registers and assigns a kernel matter)',
    probes: [
      {
        over: 'once',
        input: (c) => ({ id: NO_SUCH_ID, version: STALE, leadLeaderId: c.w.leaderId, handlerName: '探测承办', resolutionPlan: '探测整改方案', deadline: inDays(30) }),
        expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.findingNotFound)),
      },
    ],
  },
  'inspections.documents.build': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [{ over: 'once', input: () => ({ campaignId: NO_SUCH_ID, kind: 'bulletin' }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)) }],
  },
  'inspections.personnel.officers': {
    access: perm('inspections.personnel'),
    rule: 'the committee, a campaign of its county: the officers problems are attributed to',
    probes: [{ over: 'once', input: () => ({ campaignId: NO_SUCH_ID }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)) }],
  },
  'inspections.members.add': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [{ over: 'once', input: () => ({ campaignId: NO_SUCH_ID, kind: 'external', role: 'lawyer', name: '探测律师' }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)) }],
  },
  'inspections.members.recordPledge': {
    access: perm('inspections.manage'),
    rule: 'the committee, a member of its county’s campaign',
    probes: [{ over: 'once', input: () => ({ id: NO_SUCH_ID, version: STALE, pledgeSignedOn: inDays(0) }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.memberNotFound)) }],
  },
  'inspections.selfChecks.list': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [{ over: 'once', input: () => ({ campaignId: NO_SUCH_ID }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)) }],
  },
  'inspections.selfChecks.report': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [
      {
        over: 'units',
        input: (c) => ({ campaignId: NO_SUCH_ID, unitId: target(c).unitOrgId, filesChecked: 1, problemsFound: 0, problemsFixed: 0, version: 0 }),
        expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)),
      },
    ],
  },
  'inspections.files.register': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [
      {
        over: 'units',
        input: (c) => ({ campaignId: NO_SUCH_ID, unitId: target(c).unitOrgId, files: [{ caseNo: '探测〔2026〕1号', caseType: '刑事', volumes: 1 }] }),
        expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)),
      },
    ],
  },
  'inspections.files.list': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [{ over: 'once', input: () => ({ campaignId: NO_SUCH_ID }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)) }],
  },
  'inspections.files.superviseRecheck': {
    access: perm('inspections.manage'),
    rule: 'the committee, a file of its county’s campaign (registers a kernel matter)',
    probes: [{ over: 'once', input: () => ({ fileId: NO_SUCH_ID, version: STALE, reason: '探测督促复查' }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.fileNotFound)) }],
  },
  'inspections.sampling.draw': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [
      {
        over: 'units',
        input: (c) => ({ campaignId: NO_SUCH_ID, unitId: target(c).unitOrgId, strata: [{ caseType: '刑事', count: 1 }], seed: 'probe' }),
        expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)),
      },
    ],
  },
  'inspections.sampling.target': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [
      {
        over: 'units',
        input: (c) => ({ campaignId: NO_SUCH_ID, unitId: target(c).unitOrgId, caseNos: ['探测〔2026〕1号'], reason: '探测抽取' }),
        expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)),
      },
    ],
  },
  'inspections.sampling.manual': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [
      { over: 'units', input: (c) => ({ campaignId: NO_SUCH_ID, unitId: target(c).unitOrgId, fileIds: [NO_SUCH_ID] }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)) },
    ],
  },
  'inspections.sampling.draws': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [{ over: 'once', input: () => ({ campaignId: NO_SUCH_ID }), expect: committeeOnly(inspectionStrings.committeeOnly, () => ok((r) => (r.length === 0 ? null : 'draws of a campaign that does not exist'))) }],
  },
  'inspections.scoring.assign': {
    access: perm('inspections.manage'),
    rule: 'the committee, a file of its county’s campaign',
    probes: [{ over: 'once', input: () => ({ fileId: NO_SUCH_ID, memberId: NO_SUCH_ID, role: 'first' }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.fileNotFound)) }],
  },
  'inspections.scoring.mine': { access: perm('inspections.review'), rule: 'the reviewer’s own tasks', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'inspections.scoring.sheet': {
    access: perm('inspections.review'),
    rule: 'the reviewer’s own task (or a member without an account, for the committee)',
    probes: [{ over: 'once', input: () => ({ assignmentId: NO_SUCH_ID }), expect: () => notFound(inspectionStrings.assignmentNotFound) }],
  },
  'inspections.scoring.submit': {
    access: perm('inspections.review'),
    rule: 'the reviewer’s own task (or a member without an account, for the committee)',
    probes: [{ over: 'once', input: () => ({ assignmentId: NO_SUCH_ID, version: STALE, scores: [{ itemId: NO_SUCH_ID, points: 1 }] }), expect: () => notFound(inspectionStrings.assignmentNotFound) }],
  },
  'inspections.scoring.panel': {
    access: perm('inspections.manage'),
    rule: 'the committee, a file of its county’s campaign',
    probes: [
      { over: 'once', input: () => ({ fileId: NO_SUCH_ID, version: STALE, finalTotal: 80, vetoed: false, note: '探测合议' }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.fileNotFound)) },
    ],
  },
  'inspections.results.campaign': {
    access: perm('inspections.manage'),
    rule: 'the committee, a campaign of its county',
    probes: [{ over: 'once', input: () => ({ campaignId: NO_SUCH_ID }), expect: committeeOnly(inspectionStrings.committeeOnly, () => notFound(inspectionStrings.campaignNotFound)) }],
  },
  'inspections.unit.campaigns': { access: perm('inspections.unit'), rule: 'campaigns covering a unit of the caller’s scope', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'inspections.unit.selfChecks': {
    access: perm('inspections.unit'),
    rule: 'the units of the caller’s scope in a campaign of its county',
    probes: [{ over: 'once', input: () => ({ campaignId: NO_SUCH_ID }), expect: () => notFound(inspectionStrings.campaignNotFound) }],
  },
  'inspections.unit.reportSelfCheck': {
    access: perm('inspections.unit'),
    rule: 'a unit of the caller’s scope, in a campaign of its county',
    probes: [
      { over: 'units', input: (c) => ({ campaignId: NO_SUCH_ID, unitId: target(c).unitOrgId, filesChecked: 1, problemsFound: 0, problemsFixed: 0, version: 0 }), expect: () => notFound(inspectionStrings.campaignNotFound) },
    ],
  },
  'inspections.unit.results': {
    access: perm('inspections.unit'),
    rule: 'the units of the caller’s scope in a campaign of its county',
    probes: [{ over: 'once', input: () => ({ campaignId: NO_SUCH_ID }), expect: () => notFound(inspectionStrings.campaignNotFound) }],
  },
  'inspections.unit.files': {
    access: perm('inspections.unit'),
    rule: 'the files of the caller’s scope in a campaign of its county',
    probes: [{ over: 'once', input: () => ({ campaignId: NO_SUCH_ID }), expect: () => notFound(inspectionStrings.campaignNotFound) }],
  },
  'inspections.unit.object': {
    access: perm('inspections.unit'),
    rule: 'a file of the caller’s scope (scoped in SQL)',
    probes: [{ over: 'once', input: () => ({ fileId: NO_SUCH_ID, reason: '探测异议理由' }), expect: () => notFound(inspectionStrings.fileNotFound) }],
  },
  'inspections.unit.findings': { access: perm('inspections.unit'), rule: 'the problems of the caller’s scope', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'inspections.unit.finding': {
    access: perm('inspections.unit'),
    rule: 'a problem of the caller’s scope (scoped in SQL)',
    probes: [{ over: 'once', input: () => ({ id: NO_SUCH_ID }), expect: () => notFound(inspectionStrings.findingNotFound) }],
  },
  'inspections.unit.evidence': {
    access: perm('inspections.unit'),
    rule: 'evidence of a problem of the caller’s scope (scoped in SQL)',
    probes: [{ over: 'once', input: () => ({ id: NO_SUCH_ID }), expect: () => notFound(inspectionStrings.evidenceNotFound) }],
  },
  'inspections.unit.reportRectification': {
    access: perm('inspections.unit'),
    rule: 'a problem of the caller’s scope (scoped in SQL)',
    probes: [{ over: 'once', input: () => ({ findingId: NO_SUCH_ID, version: STALE, measures: '探测整改措施', attachments: [] }), expect: () => notFound(inspectionStrings.findingNotFound) }],
  },

  // ── personnel (教育培训与纪律作风) ─────────────────────────────────────────────────────
  ...personnelProcedureDeclarations,

  // ── mediation (联合调处中心) ───────────────────────────────────────────────────────────
  // Every record of the center is its county's: whoever holds the permission sees the county's
  // disputes and roster, nobody another county's (each probe names an id no county has).
  'mediation.settings.get': { access: perm('mediation.read'), rule: 'its county’s settings', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'mediation.settings.update': {
    access: perm('mediation.settings'),
    rule: 'its county’s settings, guarded by their version',
    probes: [{ over: 'once', input: () => ({ triageDays: 3, disputeTypes: ['其他'], version: STALE }), expect: () => refused('CONFLICT', mediationMessages.versionConflict) }],
  },
  'mediation.organisations.list': { access: perm('mediation.read'), rule: 'its county’s organisations', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'mediation.organisations.create': {
    access: perm('mediation.roster'),
    rule: 'an organisation of its county',
    probes: [{ over: 'once', input: () => ({ kind: 'administrative', name: '探针调解组织' }), expect: () => badRequest(mediationMessages.departmentRequired) }],
  },
  'mediation.organisations.update': {
    access: perm('mediation.roster'),
    rule: 'an organisation of its county',
    probes: [{ over: 'once', input: () => ({ id: NO_SUCH_ID, version: 1, kind: 'village', name: '探针调解组织' }), expect: () => badRequest(mediationMessages.orgNotFound) }],
  },
  'mediation.mediators.list': { access: perm('mediation.read'), rule: 'its county’s mediators', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'mediation.mediators.create': {
    access: perm('mediation.roster'),
    rule: 'a mediator of an organisation of its county',
    probes: [{ over: 'once', input: () => ({ orgId: NO_SUCH_ID, name: '探针调解员', specialities: [] }), expect: () => badRequest(mediationMessages.orgNotFound) }],
  },
  'mediation.mediators.update': {
    access: perm('mediation.roster'),
    rule: 'a mediator of its county',
    probes: [{ over: 'once', input: () => ({ id: NO_SUCH_ID, version: 1, orgId: NO_SUCH_ID, name: '探针调解员', specialities: [] }), expect: () => badRequest(mediationMessages.mediatorNotFound) }],
  },
  'mediation.disputes.register': {
    access: perm('mediation.intake'),
    rule: 'a dispute of its county; one from petitions only with consent',
    probes: [
      {
        over: 'once',
        input: () => ({ source: 'petition', receivedOn: inDays(0), summary: '探针纠纷', disputeType: '其他', personCount: 1, riskLevel: 'low', parties: [{ kind: 'person', role: 'applicant', name: '探针' }] }),
        expect: () => badRequest(mediationMessages.consentRequired),
      },
    ],
  },
  'mediation.disputes.list': { access: perm('mediation.read'), rule: 'its county’s disputes', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'mediation.disputes.get': { access: perm('mediation.read'), rule: 'a dispute of its county', probes: [{ over: 'once', input: () => ({ id: NO_SUCH_ID }), expect: () => badRequest(mediationMessages.disputeNotFound) }] },
  'mediation.disputes.triage': {
    access: perm('mediation.triage'),
    rule: 'a dispute of its county',
    probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID, version: 1, route: 'decline', reason: '探针' }), expect: () => badRequest(mediationMessages.disputeNotFound) }],
  },
  'mediation.disputes.acknowledgeHandoff': {
    access: perm('mediation.triage'),
    rule: 'a hand-off of its county',
    probes: [{ over: 'once', input: () => ({ handoffId: NO_SUCH_ID, receivedBy: '探针' }), expect: () => badRequest(mediationMessages.handoffNotFound) }],
  },
  'mediation.disputes.urge': {
    access: perm('mediation.triage'),
    rule: 'a dispute of its county',
    probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID, urgedOn: inDays(0), urgedParty: '探针' }), expect: () => badRequest(mediationMessages.disputeNotFound) }],
  },
  'mediation.disputes.reveal': { access: perm('mediation.reveal'), rule: 'the parties of a dispute of its county', probes: [{ over: 'once', input: () => ({ id: NO_SUCH_ID }), expect: () => badRequest(mediationMessages.disputeNotFound) }] },
  // The mediation phase, the outcome, confirmation, follow-up and documents: each probe names a
  // dispute no county has, so the call meets the plugin's not-found after the access rule.
  'mediation.mediations.get': { access: perm('mediation.read'), rule: 'a dispute of its county', probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID }), expect: () => badRequest(mediationMessages.disputeNotFound) }] },
  'mediation.mediations.sessions': { access: perm('mediation.read'), rule: 'a dispute of its county', probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID }), expect: () => badRequest(mediationMessages.disputeNotFound) }] },
  'mediation.mediations.accept': {
    access: perm('mediation.mediate'),
    rule: 'a dispute of its county under mediation',
    probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID, version: STALE, acceptedOn: inDays(0), consents: [{ partyId: NO_SUCH_ID, consentedOn: inDays(0) }] }), expect: () => badRequest(mediationMessages.disputeNotFound) }],
  },
  'mediation.mediations.withdraw': {
    access: perm('mediation.mediate'),
    rule: 'a dispute of its county under mediation',
    probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID, version: STALE, partyId: NO_SUCH_ID, withdrawnOn: inDays(0), reason: '探针' }), expect: () => badRequest(mediationMessages.disputeNotFound) }],
  },
  'mediation.mediations.assignMediators': {
    access: perm('mediation.mediate'),
    rule: 'a dispute of its county under mediation, mediators of its organisation',
    probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID, version: STALE, mediatorIds: [NO_SUCH_ID] }), expect: () => badRequest(mediationMessages.disputeNotFound) }],
  },
  'mediation.mediations.declareConflict': {
    access: perm('mediation.mediate'),
    rule: 'a mediator assigned to a dispute of its county',
    probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID, version: STALE, assignmentId: NO_SUCH_ID, kind: 'party', detail: '探针', declaredOn: inDays(0) }), expect: () => badRequest(mediationMessages.disputeNotFound) }],
  },
  'mediation.mediations.replaceMediator': {
    access: perm('mediation.mediate'),
    rule: 'a mediator assigned to a dispute of its county',
    probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID, version: STALE, assignmentId: NO_SUCH_ID, replacementId: NO_SUCH_ID }), expect: () => badRequest(mediationMessages.disputeNotFound) }],
  },
  'mediation.mediations.recordSession': {
    access: perm('mediation.mediate'),
    rule: 'a session of a dispute of its county under mediation',
    probes: [
      {
        over: 'once',
        input: () => ({ disputeId: NO_SUCH_ID, version: STALE, heldOn: inDays(0), place: '探针', partyIds: [NO_SUCH_ID], mediatorIds: [NO_SUCH_ID], record: '探针' }),
        expect: () => badRequest(mediationMessages.disputeNotFound),
      },
    ],
  },
  'mediation.mediations.extend': {
    access: perm('mediation.mediate'),
    rule: 'a dispute of its county under mediation',
    probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID, version: STALE, reason: '探针', agreedOn: inDays(0), days: 10 }), expect: () => badRequest(mediationMessages.disputeNotFound) }],
  },
  'mediation.mediations.escalate': {
    access: perm('mediation.escalate'),
    rule: 'a dispute of its county under mediation, into a case of its county',
    probes: [
      {
        over: 'once',
        input: () => ({
          disputeId: NO_SUCH_ID,
          version: STALE,
          urgency: 'normal',
          leadLeaderId: NO_SUCH_ID,
          handlerName: '探针人员',
          resolutionPlan: '探针化解方案',
          deadline: inDays(30),
          leadUnitId: NO_SUCH_ID,
          flagReason: '探针',
        }),
        expect: () => badRequest(mediationMessages.disputeNotFound),
      },
    ],
  },
  'mediation.outcomes.get': { access: perm('mediation.read'), rule: 'a dispute of its county', probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID }), expect: () => badRequest(mediationMessages.disputeNotFound) }] },
  'mediation.outcomes.settle': {
    access: perm('mediation.outcomes'),
    rule: 'a dispute of its county under mediation',
    probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID, version: STALE, form: 'oral', agreedOn: inDays(0), terms: '探针', obligations: [] }), expect: () => badRequest(mediationMessages.disputeNotFound) }],
  },
  'mediation.outcomes.terminate': {
    access: perm('mediation.outcomes'),
    rule: 'a dispute of its county under mediation',
    probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID, version: STALE, terminatedOn: inDays(0), reason: '探针终止', routes: ['litigation'] }), expect: () => badRequest(mediationMessages.disputeNotFound) }],
  },
  'mediation.confirmation.application': {
    access: perm('mediation.outcomes'),
    rule: 'an agreement of a dispute of its county',
    probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID, version: STALE, appliedOn: inDays(0), court: '探针法院' }), expect: () => badRequest(mediationMessages.disputeNotFound) }],
  },
  'mediation.confirmation.ruling': {
    access: perm('mediation.outcomes'),
    rule: 'an agreement of a dispute of its county',
    probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID, version: STALE, ruling: 'confirmed', ruledOn: inDays(0), rulingNo: '探针号' }), expect: () => badRequest(mediationMessages.disputeNotFound) }],
  },
  'mediation.followUp.visit': {
    access: perm('mediation.outcomes'),
    rule: 'an agreement of a dispute of its county',
    probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID, version: STALE, visitedOn: inDays(0), method: 'phone', visitor: '探针', result: 'full' }), expect: () => badRequest(mediationMessages.disputeNotFound) }],
  },
  'mediation.followUp.escalate': {
    access: perm('mediation.escalate'),
    rule: 'an obligation of a dispute of its county, into a case of its county',
    probes: [
      {
        over: 'once',
        input: () => ({ disputeId: NO_SUCH_ID, version: STALE, obligationId: NO_SUCH_ID, urgency: 'normal', leadLeaderId: NO_SUCH_ID, handlerName: '探针承办', resolutionPlan: '探针化解方案', deadline: inDays(10), leadUnitId: NO_SUCH_ID }),
        expect: () => badRequest(mediationMessages.disputeNotFound),
      },
    ],
  },
  'mediation.followUp.close': {
    access: perm('mediation.outcomes'),
    rule: 'an agreement of a dispute of its county',
    probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID, version: STALE }), expect: () => badRequest(mediationMessages.disputeNotFound) }],
  },
  'mediation.documents.build': {
    access: perm('mediation.read'),
    rule: 'a document of a dispute of its county',
    probes: [{ over: 'once', input: () => ({ disputeId: NO_SUCH_ID, kind: 'registration' }), expect: () => badRequest(mediationMessages.disputeNotFound) }],
  },
  // The staff seconded to the center and the duty rota: county-wide records.
  'mediation.staff.list': { access: perm('mediation.read'), rule: 'its county’s seconded staff', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'mediation.staff.create': {
    access: perm('mediation.roster'),
    rule: 'a seconded person of its county',
    probes: [{ over: 'once', input: () => ({ name: '探针', unit: '探针单位', secondedFrom: inDays(0), secondedTo: inDays(-1) }), expect: () => badRequest(mediationStaff.toBeforeFrom) }],
  },
  'mediation.staff.update': {
    access: perm('mediation.roster'),
    rule: 'a seconded person of its county',
    probes: [{ over: 'once', input: () => ({ id: NO_SUCH_ID, version: 1, name: '探针', unit: '探针单位', secondedFrom: inDays(0) }), expect: () => badRequest(mediationStaff.staffNotFound) }],
  },
  'mediation.rota.list': { access: perm('mediation.read'), rule: 'its county’s duty rota', probes: [{ over: 'once', input: () => ({ from: inDays(0), to: inDays(6) }), expect: () => ok() }] },
  'mediation.rota.set': {
    access: perm('mediation.roster'),
    rule: 'a day of its county’s duty rota, its own seconded staff',
    probes: [{ over: 'once', input: () => ({ dutyOn: inDays(0), staffIds: [NO_SUCH_ID] }), expect: () => badRequest(mediationStaff.staffNotFound) }],
  },
  'mediation.statistics.summary': { access: perm('mediation.stats'), rule: 'figures of its county', probes: [{ over: 'once', input: () => ({ from: inDays(-30), to: inDays(0) }), expect: () => ok() }] },
  'mediation.statistics.exportAnnual': { access: perm('mediation.stats'), rule: 'figures of its county', probes: [{ over: 'once', input: () => ({ year: Number(inDays(0).slice(0, 4)) }), expect: () => ok() }] },
  // A code of no county per identity: two failed attempts each (5 per code, 20 per address allowed).
  'mediation.lookup.progress': {
    access: open,
    rule: 'open to a party holding the dispute code and a phone’s last four digits',
    probes: [{ over: 'once', input: (c) => ({ code: probeCode(c), phoneLast4: '0000' }), expect: () => badRequest(mediationLookup.notMatched) }],
  },
  'mediation.lookup.rate': {
    access: open,
    rule: 'open to a party holding the code and phone, once the mediation ended',
    probes: [{ over: 'once', input: (c) => ({ code: probeCode(c), phoneLast4: '0000', rating: 5 }), expect: () => badRequest(mediationLookup.notMatched) }],
  },
};

/** A campaign's input for a probe, on the target's unit. */
function inspectionCampaign(c: ProbeContext, over: Record<string, unknown>) {
  return {
    kind: '案件质量评查',
    title: '探测检查活动',
    year: 2026,
    unitIds: [target(c).unitOrgId],
    caseTypes: [],
    selfCheckFrom: inDays(1),
    selfCheckTo: inDays(2),
    reviewFrom: inDays(3),
    reviewTo: inDays(4),
    rectifyFrom: inDays(5),
    rectifyTo: inDays(6),
    bulletinOn: inDays(7),
    templates: [],
    doubleScoring: false,
    margin: 0,
    ...over,
  };
}

/** A dispute code no county has, one per identity. */
function probeCode(c: ProbeContext): string {
  return `调1999-${String(900000 + identityKeys.indexOf(c.who.key)).padStart(6, '0')}`;
}

/** A dry run is its maker's: another user of any county is told it does not exist. */
function ownImport(c: ProbeContext): Outcome {
  const owner = target(c).tenantId === c.w.t.tenantId ? 'supervisor' : 'neighbour';
  return c.who.key === owner ? badRequest(importStrings.importDone) : notFound(importStrings.importNotFound);
}

function usernameOf(c: ProbeContext): string {
  return { police: 'liaison', procuratorate: 'procurator-liaison', neighbour: 'neighbour-liaison' }[target(c).key];
}

