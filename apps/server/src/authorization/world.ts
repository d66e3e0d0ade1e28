// The world the authorization matrix runs in: the demo county with its built-in roles and
// two more users, a neighbouring county, and in each county a matter of every kind the
// procedures take an id of, made through the real procedures. Built once per engine.
import ExcelJS from 'exceljs';
import pino from 'pino';
import { sql } from 'kysely';
import type { Hono } from 'hono';
import { adminDuties, DEMO_PASSWORD, SESSION_COOKIE } from '@zhengfa/kernel';
import type { RequestContext } from '@zhengfa/plugin-api';
import inspections from '@zhengfa/plugin-inspections';
import mediation from '@zhengfa/plugin-mediation';
import personnel from '@zhengfa/plugin-personnel';
import petitions from '@zhengfa/plugin-petitions';
import { addUserWithPermissions, inDays, orgIdByName, startTestKernel, userIdByName, type ActingUser, type Caller, type TestEngine, type TestKernel } from '@zhengfa/test-utils';
import { createApp } from '../app.js';

export const NEIGHBOUR = { code: '990002', name: '邻县' } as const;

/** Who calls: every demo built-in role, two more users of the demo county, one of the neighbour, and nobody. */
export const identityKeys = ['anonymous', 'sysadmin', 'secadmin', 'auditor', 'leader', 'supervisor', 'liaison', 'policeChief', 'procuratorLiaison', 'neighbour'] as const;
export type IdentityKey = (typeof identityKeys)[number];

/** The unit a target belongs to, as seen from the demo county. */
export const targetKeys = ['police', 'procuratorate', 'neighbour'] as const;
export type TargetKey = (typeof targetKeys)[number];

type Unit = 'committee' | 'police' | 'procuratorate' | 'neighbourCommittee' | 'neighbourPolice';

export interface Identity {
  key: IdentityKey;
  /** What the identity is, in words, for failure messages. */
  label: string;
  tenantId: string | null;
  unit: Unit | null;
  committee: boolean;
  userId: string | null;
  permissions: ReadonlySet<string>;
  cookie: string | null;
  ctx: RequestContext;
  caller: Caller;
}

/** Everything of one county's unit that procedures take an id of. */
export interface Target {
  key: TargetKey;
  tenantId: string;
  lead: Unit;
  cooperating: Unit[];
  unitOrgId: string;
  caseId: string;
  caseTitle: string;
  caseDocNo: string;
  partyId: string;
  attachmentId: string;
  instrumentId: string;
  /** A draft instrument on the case the leader sent back, with the leader's reason: the committee's alone. */
  draftInstrumentId: string;
  draftComment: string;
  meetingId: string;
  matterId: string;
  matterCaseId: string;
  matterContent: string;
  /** An officer of the unit on the personnel plugin's registry. */
  personnelOfficerId: string;
  queryCode: string;
  phoneLast4: string;
  handleClockId: string;
  decidedExtensionId: string;
  reliefId: string;
  /** A user of the unit (its liaison) and one of their notifications. */
  userId: string;
  notificationId: string;
  /** A ledger export started by the unit's liaison (the neighbour's officer), finished. */
  exportId: string;
  exportOwner: IdentityKey;
  /** The county's own (tenant-wide) records. */
  county: {
    roleId: string;
    roleName: string;
    rolePermissions: string[];
    resetRequestId: string;
    importId: string;
    visitId: string;
    /** A case every user of the county who may see cases sees (led by the unit, with the others cooperating). */
    hubCaseId: string;
    existingChildOrgName: string;
  };
}

export interface World {
  engine: TestEngine;
  t: TestKernel;
  app: Hono;
  who: Record<IdentityKey, Identity>;
  targets: Record<TargetKey, Target>;
  leaderId: string;
  neighbourOfficerId: string;
  stop(): Promise<void>;
}

/** Every permission of the deployment that is no administrator's duty: business work. */
function businessPermissions(t: TestKernel): string[] {
  const duties = new Set<string>(Object.values(adminDuties).flatMap((d) => d.permissions));
  return t.kernel.host.permissions.map((p) => p.key).filter((k) => !duties.has(k));
}

async function contextFor(t: TestKernel, cookie: string | null): Promise<RequestContext> {
  const headers = new Headers({ 'user-agent': 'vitest' });
  if (cookie) headers.set('cookie', `${SESSION_COOKIE}=${cookie}`);
  return t.kernel.createContext({ headers, ip: '127.0.0.1', responseHeaders: new Headers() });
}

/** Signs in to a named county (the test kernel's own signIn needs a single county). */
async function signInAt(t: TestKernel, tenantId: string, username: string, password: string): Promise<ActingUser> {
  const responseHeaders = new Headers();
  const ctx = await t.kernel.createContext({ headers: new Headers({ 'user-agent': 'vitest' }), ip: '127.0.0.1', responseHeaders });
  await t.kernel.createCaller(ctx).auth.signIn({ tenantId, username, password });
  const m = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(responseHeaders.get('set-cookie') ?? '');
  if (!m) throw new Error(`signing in ${username}@${tenantId} set no cookie`);
  const session = await contextFor(t, m[1]!);
  return { ctx: session, cookie: m[1]!, caller: t.kernel.createCaller(session) };
}

const p = (u: ActingUser): any => (u.caller as any).petitions;

async function ledgerXlsx(unitName: string, content: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['日期', '渠道', '人数', '姓名', '身份证号', '电话', '住址', '涉及单位', '类别', '内容', '诉求']);
  ws.addRow(['2023-03-05', '来访', 1, '郑导入', null, '13812345678', '城关镇东街1号', unitName, '涉法', content, '依法处理']);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A user with a built-in role, opened by the county's administrators as a county does. */
async function addBuiltinUser(t: TestKernel, admin: ActingUser, secadmin: ActingUser, tenantId: string, spec: { username: string; displayName: string; orgId: string; roleKey: string }): Promise<ActingUser & { id: string }> {
  const initial = 'Initial#Pw-7391';
  const password = 'Tested#Pw-4826';
  const { id } = await admin.caller.users.create({ orgId: spec.orgId, username: spec.username, displayName: spec.displayName, password: initial, roleIds: [] });
  const role = (await secadmin.caller.roles.list()).find((r) => r.key === spec.roleKey)!;
  await secadmin.caller.users.assignRoles({ id, roleIds: [role.id] });
  const first = await signInAt(t, tenantId, spec.username, initial);
  await first.caller.auth.changePassword({ currentPassword: initial, newPassword: password });
  return { ...(await signInAt(t, tenantId, spec.username, password)), id };
}

interface CaseActors {
  register: ActingUser;
  approve: ActingUser;
  acknowledge: ActingUser;
  leadLeaderId: string;
}

/** Registers a case with one party, walks it to 办理中 with the given lead unit and cooperating units, and uploads a file. */
async function caseInProgress(t: TestKernel, a: CaseActors, title: string, leadUnitId: string, cooperatingUnitIds: string[]) {
  const c = a.register.caller;
  const reg = await c.cases.register({ title, summary: '群众反映案件办理久拖不决', source: 'letter', urgency: 'urgent', isKey: false, parties: [{ name: '张三丰', phone: '13812345678' }] });
  let v = (await c.cases.get({ id: reg.id })).version;
  v = (await c.cases.transition({ id: reg.id, version: v, action: 'submitForApproval' })).version;
  v = (await a.approve.caller.cases.transition({ id: reg.id, version: v, action: 'approve' })).version;
  v = (await c.cases.setFourFixes({ id: reg.id, version: v, leadLeaderId: a.leadLeaderId, handlerName: '李承办', resolutionPlan: '约谈当事人，限期依法处理', deadline: inDays(30), leadUnitId, cooperatingUnitIds })).version;
  v = (await c.cases.transition({ id: reg.id, version: v, action: 'assign' })).version;
  await a.acknowledge.caller.cases.transition({ id: reg.id, version: v, action: 'acknowledge' });
  const detail = (await c.cases.get({ id: reg.id })) as any;
  const file = await t.kernel.storeAttachment(a.register.ctx as never, { caseId: reg.id, name: '来信.txt', bytes: new TextEncoder().encode('来信内容') });
  return { id: reg.id, title, docNo: reg.docNo, partyId: detail.parties[0].id as string, attachmentId: file.id };
}

/** A correction notice on the case, addressed to its lead unit, issued (the unit sees it). */
async function issuedInstrument(drafter: ActingUser, signer: ActingUser, caseId: string, recipientOrgId: string): Promise<string> {
  const s = drafter.caller.supervision;
  const { id } = await s.draftInstrument({ caseId, kind: 'correction', recipientOrgId, facts: '该案超过办案期限未作处理，且未告知当事人。', requirement: '立即纠正并书面报告', responseDeadline: inDays(10) });
  let v = (await s.instrument({ id })).version;
  v = (await s.instrumentStep({ id, version: v, step: 'submit' })).version;
  await signer.caller.supervision.instrumentStep({ id, version: v, step: 'sign', approve: true });
  return id;
}

/** A draft on the case, submitted and sent back by the leader with `comment`. */
async function rejectedDraft(drafter: ActingUser, signer: ActingUser, caseId: string, recipientOrgId: string, comment: string): Promise<string> {
  const s = drafter.caller.supervision;
  const { id } = await s.draftInstrument({ caseId, kind: 'guidance', recipientOrgId, facts: '该案证据收集不全，需补充调查。', requirement: '补充调查并书面报告', responseDeadline: inDays(10) });
  const v = (await s.instrumentStep({ id, version: 1, step: 'submit' })).version;
  await signer.caller.supervision.instrumentStep({ id, version: v, step: 'sign', approve: false, comment });
  return id;
}

/** A coordination meeting on the case with its lead unit, held, concluded and its opinion signed. */
async function signedMeeting(convener: ActingUser, signer: ActingUser, caseId: string, orgId: string, title: string): Promise<string> {
  const s = convener.caller.supervision;
  const { id } = await s.scheduleMeeting({ title, scheduledAt: new Date(Date.now() - 3600_000), place: '政法委会议室', orgIds: [orgId], caseIds: [caseId] });
  let v = (await s.meeting({ id })).version;
  v = (await s.holdMeeting({ id, version: v, minutes: '各方陈述意见并形成一致意见', attendance: [{ orgId, attended: true }] })).version;
  v = (await s.concludeMeeting({ id, version: v, outcome: 'consensus', opinion: '由承办单位限期依法处理并报告' })).version;
  await signer.caller.supervision.signOpinion({ id, version: v });
  return id;
}

interface MatterActors {
  office: ActingUser;
  unit: ActingUser;
  leadLeaderId: string;
}

/** A petition routed to the unit, accepted and answered by it, with a decided extension of its (then stopped) handling time and a pending relief request. */
async function answeredMatter(a: MatterActors, approver: ActingUser, leadUnitId: string, cooperatingUnitIds: string[], phone: string, content: string) {
  const m = await p(a.office).matters.register({
    channel: 'visit',
    receivedOn: inDays(0),
    personCount: 1,
    category: 'law',
    content,
    demands: '要求依法处理',
    petitioners: [{ name: '王明', phone, address: '城关镇东街18号' }],
  });
  let detail = await p(a.office).matters.get({ id: m.matterId });
  await p(a.office).matters.route({ id: m.matterId, version: detail.version, leadLeaderId: a.leadLeaderId, handlerName: '李承办', resolutionPlan: '核实后限期答复', deadline: inDays(60), leadUnitId, cooperatingUnitIds });
  detail = await p(a.unit).matters.get({ id: m.matterId });
  await p(a.unit).matters.recordAcceptance({ id: m.matterId, version: detail.version, accepted: true });
  const kase = (await a.office.caller.cases.get({ id: m.caseId })) as any;
  const handle = kase.clocks.find((k: any) => k.key === 'handle');
  const first = await a.unit.caller.cases.requestExtension({ clockId: handle.id, days: 5, reason: '需调取外地材料' });
  await approver.caller.cases.decideExtension({ extensionId: first.id, approve: true, comment: '同意' });
  // The answer stops the handling clock: what asks for more time now is refused as stopped.
  detail = await p(a.unit).matters.get({ id: m.matterId });
  await p(a.unit).matters.recordAnswer({ id: m.matterId, version: detail.version, answer: '经核实，已依法处理' });
  const relief = await p(a.office).matters.requestRelief({ matterId: m.matterId, amount: 2000, reason: '家庭困难，申请救助' });
  return { content, matterId: m.matterId as string, caseId: m.caseId as string, queryCode: m.queryCode as string, handleClockId: handle.id as string, decidedExtensionId: first.id as string, reliefId: relief.id as string };
}

async function finishedExport(u: ActingUser, title: string): Promise<string> {
  const { id } = await u.caller.cases.startExport({ keyword: title });
  await until(`the export ${id}`, async () => (await u.caller.cases.exportStatus({ id })).status === 'done');
  return id;
}

async function draftCommentOf(t: TestKernel, instrumentId: string): Promise<string | undefined> {
  const r = await sql<{ comment: string }>`select decision_comment as comment from kernel.instruments where id = ${instrumentId}`.execute(t.database.db);
  return r.rows[0]?.comment;
}

async function notificationOf(t: TestKernel, userId: string): Promise<string> {
  const r = await sql<{ id: string }>`select id from kernel.notifications where user_id = ${userId} order by created_at limit 1`.execute(t.database.db);
  if (!r.rows[0]) throw new Error(`user ${userId} has no notification`);
  return r.rows[0].id;
}

/** A reset request for the county's security administrator, rejected by its auditor: decided, so no call may act on it again. */
async function rejectedResetRequest(admin: ActingUser, auditor: ActingUser, secadminId: string): Promise<string> {
  const { id } = await admin.caller.passwordResets.request({ userId: secadminId, reason: '忘记密码' });
  await auditor.caller.passwordResets.reject({ id, note: '未经本人确认' });
  return id;
}

async function confirmedImport(office: ActingUser, unitName: string, content: string): Promise<string> {
  const report = await p(office).imports.check({ fileName: '2023年台账.xlsx', base64: await ledgerXlsx(unitName, content) });
  await p(office).imports.confirm({ importId: report.importId });
  return report.importId as string;
}

export async function buildWorld(engine: TestEngine): Promise<World> {
  const t = await startTestKernel({ engine, plugins: [petitions, mediation, inspections, personnel] });
  const app = createApp({ kernel: t.kernel, log: pino({ level: 'silent' }), consoleHandler: null, trustProxy: false });
  const A = t.tenantId;

  // The demo county: its built-in roles, a police chief holding every business permission
  // (so every data rule meets a unit user allowed to call), and the procuratorate's liaison.
  const admin = await t.signIn('admin');
  const secadmin = await t.signIn('secadmin');
  const auditor = await t.signIn('auditor');
  const leader = await t.signIn('leader');
  const supervisor = await t.signIn('supervisor');
  const liaison = await t.signIn('liaison');
  const policeChief = await addUserWithPermissions(t, { username: 'police-chief', displayName: '孙局长', orgName: '示范县公安局', permissions: businessPermissions(t), roleName: '公安局全部业务权限' });
  const committeeOrg = await orgIdByName(t, '示范县委政法委');
  const policeOrg = await orgIdByName(t, '示范县公安局');
  const procuratorateOrg = await orgIdByName(t, '示范县人民检察院');
  const courtOrg = await orgIdByName(t, '示范县人民法院');
  const procuratorLiaison = await addBuiltinUser(t, admin, secadmin, A, { username: 'procurator-liaison', displayName: '钱联络', orgId: procuratorateOrg, roleKey: 'liaison' });
  const leaderId = await userIdByName(t, 'leader');
  const liaisonId = await userIdByName(t, 'liaison');
  const secadminId = await userIdByName(t, 'secadmin');

  // The neighbouring county: its three administrators, an officer of its committee holding
  // every business permission, and its police liaison.
  await t.kernel.provisionTenant({
    code: NEIGHBOUR.code,
    name: NEIGHBOUR.name,
    docAbbr: '邻',
    passwords: { sysadmin: DEMO_PASSWORD, secadmin: DEMO_PASSWORD, auditor: DEMO_PASSWORD },
    orgTree: [
      {
        name: '邻县委政法委',
        kind: 'committee',
        level: 'county',
        children: [{ name: '邻县公安局', kind: 'police', level: 'county', children: [{ name: '邻县城关派出所', kind: 'police', level: 'township' }] }],
      },
    ],
  });
  const B = NEIGHBOUR.code;
  const bAdmin = await signInAt(t, B, 'admin', DEMO_PASSWORD);
  const bSecadmin = await signInAt(t, B, 'secadmin', DEMO_PASSWORD);
  const bAuditor = await signInAt(t, B, 'auditor', DEMO_PASSWORD);
  const bOrgs = Object.fromEntries((await bAdmin.caller.orgs.tree()).map((o) => [o.name, o.id]));
  const bRole = await bSecadmin.caller.roles.create({ name: '邻县政法委全部业务权限', permissions: businessPermissions(t) });
  const bOfficerId = (await bAdmin.caller.users.create({ orgId: bOrgs['邻县委政法委']!, username: 'officer', displayName: '周专员', password: 'Initial#Pw-7391', roleIds: [] })).id;
  await bSecadmin.caller.users.assignRoles({ id: bOfficerId, roleIds: [bRole.id] });
  await (await signInAt(t, B, 'officer', 'Initial#Pw-7391')).caller.auth.changePassword({ currentPassword: 'Initial#Pw-7391', newPassword: 'Tested#Pw-4826' });
  const officer = await signInAt(t, B, 'officer', 'Tested#Pw-4826');
  const bLiaison = await addBuiltinUser(t, bAdmin, bSecadmin, B, { username: 'neighbour-liaison', displayName: '吴联络', orgId: bOrgs['邻县公安局']!, roleKey: 'liaison' });

  // Cases, each in 办理中: the police's (the procuratorate cooperating), the procuratorate's,
  // the neighbour's, and a hub per county for links.
  const aCase = { register: supervisor, approve: leader, leadLeaderId: leaderId };
  const policeCase = await caseInProgress(t, { ...aCase, acknowledge: liaison }, '城关派出所久拖不决问题的督办', policeOrg, [procuratorateOrg]);
  const procuratorateCase = await caseInProgress(t, { ...aCase, acknowledge: procuratorLiaison }, '检察院审查逮捕久拖不决问题的督办', procuratorateOrg, []);
  const hubA = await caseInProgress(t, { ...aCase, acknowledge: liaison }, '多部门共同办理的信访积案督办', policeOrg, [procuratorateOrg, courtOrg]);
  const bCase = { register: officer, approve: officer, acknowledge: officer, leadLeaderId: bOfficerId };
  const neighbourCase = await caseInProgress(t, bCase, '邻县公安局执法问题的督办', bOrgs['邻县公安局']!, []);
  const hubB = await caseInProgress(t, bCase, '邻县多部门共同办理的积案督办', bOrgs['邻县公安局']!, []);

  const instruments = {
    police: await issuedInstrument(supervisor, leader, policeCase.id, policeOrg),
    procuratorate: await issuedInstrument(supervisor, leader, procuratorateCase.id, procuratorateOrg),
    neighbour: await issuedInstrument(officer, officer, neighbourCase.id, bOrgs['邻县公安局']!),
  };
  const drafts = {
    police: await rejectedDraft(supervisor, leader, policeCase.id, policeOrg, '内部意见：城关派出所问题证据尚不充分'),
    procuratorate: await rejectedDraft(supervisor, leader, procuratorateCase.id, procuratorateOrg, '内部意见：检察院问题需再核实'),
    neighbour: await rejectedDraft(officer, officer, neighbourCase.id, bOrgs['邻县公安局']!, '内部意见：邻县公安局问题暂缓发文'),
  };
  const meetings = {
    police: await signedMeeting(supervisor, leader, policeCase.id, policeOrg, '城关派出所积案协调会'),
    procuratorate: await signedMeeting(supervisor, leader, procuratorateCase.id, procuratorateOrg, '检察院积案协调会'),
    neighbour: await signedMeeting(officer, officer, neighbourCase.id, bOrgs['邻县公安局']!, '邻县积案协调会'),
  };
  const fileReview = (u: ActingUser, caseId: string) => u.caller.supervision.recordPower({ caseId, power: 'file_review', usedOn: inDays(0), description: '调阅该案全部卷宗' });
  await fileReview(supervisor, policeCase.id);
  await fileReview(supervisor, procuratorateCase.id);
  await fileReview(officer, neighbourCase.id);

  const aMatter = { office: supervisor, leadLeaderId: leaderId };
  const matters = {
    police: await answeredMatter({ ...aMatter, unit: liaison }, leader, policeOrg, [procuratorateOrg], '13911110001', '反映城关派出所对报警不予处理'),
    procuratorate: await answeredMatter({ ...aMatter, unit: procuratorLiaison }, leader, procuratorateOrg, [], '13911110002', '反映检察院对控告长期不予答复'),
    neighbour: await answeredMatter({ office: officer, unit: officer, leadLeaderId: bOfficerId }, officer, bOrgs['邻县公安局']!, [], '13911110003', '反映邻县公安局对报警不予处理'),
  };

  const exports = {
    police: await finishedExport(liaison, policeCase.title),
    procuratorate: await finishedExport(procuratorLiaison, procuratorateCase.title),
    neighbour: await finishedExport(officer, neighbourCase.title),
  };
  const visits = {
    A: (await p(supervisor).fourVisits.schedule({ type: 'reception_day', scheduledOn: inDays(3), leaderName: '刘书记', place: '信访接待大厅' })).id as string,
    B: (await p(officer).fourVisits.schedule({ type: 'reception_day', scheduledOn: inDays(3), leaderName: '周专员', place: '邻县信访接待大厅' })).id as string,
  };
  const roleA = (await secadmin.caller.roles.list()).find((r) => r.name === '公安局全部业务权限')!;
  const roleB = (await bSecadmin.caller.roles.list()).find((r) => r.id === bRole.id)!;
  const countyA = {
    roleId: roleA.id,
    roleName: roleA.name,
    rolePermissions: roleA.permissions,
    resetRequestId: await rejectedResetRequest(admin, auditor, secadminId),
    importId: await confirmedImport(supervisor, '示范县公安局', '反映派出所出警不及时（历史台账）'),
    visitId: visits.A,
    hubCaseId: hubA.id,
    existingChildOrgName: '',
  };
  const bSecadminId = (await bAdmin.caller.users.list({ keyword: 'secadmin' })).items.find((u) => u.username === 'secadmin')!.id;
  const countyB = {
    roleId: roleB.id,
    roleName: roleB.name,
    rolePermissions: roleB.permissions,
    resetRequestId: await rejectedResetRequest(bAdmin, bAuditor, bSecadminId),
    importId: await confirmedImport(officer, '邻县公安局', '反映邻县派出所出警不及时（历史台账）'),
    visitId: visits.B,
    hubCaseId: hubB.id,
    existingChildOrgName: '',
  };

  // An officer of each target unit on the personnel registry (教育培训与纪律作风).
  const registered = async (u: ActingUser, unitId: string, officerNo: string) =>
    ((await (u.caller as any).personnel.officers.create({ unitId, name: '矩阵干警', officerNo })) as { id: string }).id;
  const personnelOfficers = {
    police: await registered(supervisor, policeOrg, 'MATRIX-GA'),
    procuratorate: await registered(supervisor, procuratorateOrg, 'MATRIX-JC'),
    neighbour: await registered(officer, bOrgs['邻县公安局']!, 'MATRIX-LX'),
  };

  const targets: Record<TargetKey, Target> = {
    police: {
      key: 'police',
      personnelOfficerId: personnelOfficers.police,
      tenantId: A,
      lead: 'police',
      cooperating: ['procuratorate'],
      unitOrgId: policeOrg,
      caseId: policeCase.id,
      caseTitle: policeCase.title,
      caseDocNo: policeCase.docNo,
      partyId: policeCase.partyId,
      attachmentId: policeCase.attachmentId,
      instrumentId: instruments.police,
      draftInstrumentId: drafts.police,
      draftComment: (await draftCommentOf(t, drafts.police))!,
      meetingId: meetings.police,
      matterId: matters.police.matterId,
      matterCaseId: matters.police.caseId,
      matterContent: matters.police.content,
      queryCode: matters.police.queryCode,
      phoneLast4: '0001',
      handleClockId: matters.police.handleClockId,
      decidedExtensionId: matters.police.decidedExtensionId,
      reliefId: matters.police.reliefId,
      userId: liaisonId,
      notificationId: await notificationOf(t, liaisonId),
      exportId: exports.police,
      exportOwner: 'liaison',
      county: { ...countyA, existingChildOrgName: '城关派出所' },
    },
    procuratorate: {
      key: 'procuratorate',
      personnelOfficerId: personnelOfficers.procuratorate,
      tenantId: A,
      lead: 'procuratorate',
      cooperating: [],
      unitOrgId: procuratorateOrg,
      caseId: procuratorateCase.id,
      caseTitle: procuratorateCase.title,
      caseDocNo: procuratorateCase.docNo,
      partyId: procuratorateCase.partyId,
      attachmentId: procuratorateCase.attachmentId,
      instrumentId: instruments.procuratorate,
      draftInstrumentId: drafts.procuratorate,
      draftComment: (await draftCommentOf(t, drafts.procuratorate))!,
      meetingId: meetings.procuratorate,
      matterId: matters.procuratorate.matterId,
      matterCaseId: matters.procuratorate.caseId,
      matterContent: matters.procuratorate.content,
      queryCode: matters.procuratorate.queryCode,
      phoneLast4: '0002',
      handleClockId: matters.procuratorate.handleClockId,
      decidedExtensionId: matters.procuratorate.decidedExtensionId,
      reliefId: matters.procuratorate.reliefId,
      userId: procuratorLiaison.id,
      notificationId: await notificationOf(t, procuratorLiaison.id),
      exportId: exports.procuratorate,
      exportOwner: 'procuratorLiaison',
      county: { ...countyA, existingChildOrgName: '刑事检察部' },
    },
    neighbour: {
      key: 'neighbour',
      personnelOfficerId: personnelOfficers.neighbour,
      tenantId: B,
      lead: 'neighbourPolice',
      cooperating: [],
      unitOrgId: bOrgs['邻县公安局']!,
      caseId: neighbourCase.id,
      caseTitle: neighbourCase.title,
      caseDocNo: neighbourCase.docNo,
      partyId: neighbourCase.partyId,
      attachmentId: neighbourCase.attachmentId,
      instrumentId: instruments.neighbour,
      draftInstrumentId: drafts.neighbour,
      draftComment: (await draftCommentOf(t, drafts.neighbour))!,
      meetingId: meetings.neighbour,
      matterId: matters.neighbour.matterId,
      matterCaseId: matters.neighbour.caseId,
      matterContent: matters.neighbour.content,
      queryCode: matters.neighbour.queryCode,
      phoneLast4: '0003',
      handleClockId: matters.neighbour.handleClockId,
      decidedExtensionId: matters.neighbour.decidedExtensionId,
      reliefId: matters.neighbour.reliefId,
      userId: bLiaison.id,
      notificationId: await notificationOf(t, bLiaison.id),
      exportId: exports.neighbour,
      exportOwner: 'neighbour',
      county: { ...countyB, existingChildOrgName: '邻县城关派出所' },
    },
  };

  const identity = async (key: IdentityKey, label: string, u: ActingUser | null, unit: Unit | null): Promise<Identity> => {
    const ctx = await contextFor(t, u?.cookie ?? null);
    return {
      key,
      label,
      tenantId: ctx.tenant?.id ?? null,
      unit,
      committee: ctx.user?.committee ?? false,
      userId: ctx.user?.id ?? null,
      permissions: ctx.user?.permissions ?? new Set(),
      cookie: u?.cookie ?? null,
      ctx,
      caller: t.kernel.createCaller(ctx),
    };
  };
  const who: Record<IdentityKey, Identity> = {
    anonymous: await identity('anonymous', 'nobody signed in', null, null),
    sysadmin: await identity('sysadmin', 'the system administrator (admin)', admin, 'committee'),
    secadmin: await identity('secadmin', 'the security administrator', secadmin, 'committee'),
    auditor: await identity('auditor', 'the audit administrator', auditor, 'committee'),
    leader: await identity('leader', 'the committee leader', leader, 'committee'),
    supervisor: await identity('supervisor', 'the supervision office', supervisor, 'committee'),
    liaison: await identity('liaison', 'the police liaison', liaison, 'police'),
    policeChief: await identity('policeChief', 'a police user holding every business permission', policeChief, 'police'),
    procuratorLiaison: await identity('procuratorLiaison', 'the procuratorate liaison', procuratorLiaison, 'procuratorate'),
    neighbour: await identity('neighbour', "a committee officer of the neighbouring county holding every business permission", officer, 'neighbourCommittee'),
  };
  if (who.sysadmin.unit === 'committee' && who.sysadmin.ctx.user?.orgId !== committeeOrg) throw new Error('the demo administrators are expected in the committee');
  return { engine, t, app, who, targets, leaderId, neighbourOfficerId: bOfficerId, stop: () => t.stop() };
}
