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
import { caseStrings, clockStrings, exportStrings, kernelStrings, passwordProblem, supervisionStrings } from '@zhengfa/kernel';
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
  sameCounty,
  seesCase,
  type Outcome,
  type ProbeContext,
  type ProcedureDeclaration,
} from './matrix.js';

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
  'audit.actions': { access: perm('audit.read'), rule: 'the caller’s county’s log', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'audit.verify': { access: perm('audit.read'), rule: 'the caller’s county’s chain', probes: [{ over: 'once', input: () => undefined, expect: () => ok((r) => (r.ok ? null : `the chain is broken: ${JSON.stringify(r.firstBroken)}`)) }] },
  'system.modules': { access: perm('system.modules'), rule: 'the deployment’s modules: no county data', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'system.enabledPlugins': { access: authed, rule: 'the deployment’s plugins: no county data', probes: [{ over: 'once', input: () => undefined, expect: () => ok() }] },
  'calendar.year': { access: perm('orgs.read'), rule: 'the caller’s county’s calendar', probes: [{ over: 'once', input: () => ({ year: 2030 }), expect: () => ok() }] },
  'calendar.set': {
    access: perm('calendar.manage'),
    rule: 'the caller’s county’s calendar',
    probes: [{ over: 'once', input: () => ({ date: '2030-01-02', kind: 'official' }), expect: () => ok() }],
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
};

/** A dry run is its maker's: another user of any county is told it does not exist. */
function ownImport(c: ProbeContext): Outcome {
  const owner = target(c).tenantId === c.w.t.tenantId ? 'supervisor' : 'neighbour';
  return c.who.key === owner ? badRequest(importStrings.importDone) : notFound(importStrings.importNotFound);
}

function usernameOf(c: ProbeContext): string {
  return { police: 'liaison', procuratorate: 'procurator-liaison', neighbour: 'neighbour-liaison' }[target(c).key];
}

