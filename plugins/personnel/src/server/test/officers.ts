// Test helpers for the conduct and discipline records: officers inserted directly into the
// registry (its procedures are built separately), users holding exactly the permissions a test
// needs, and a world on a fixed clock.
import { sql } from '@zhengfa/plugin-api';
import { addUserWithPermissions, createTestClock, orgIdByName, startTestKernel, type ActingUser, type TestClock, type TestEngine, type TestKernel } from '@zhengfa/test-utils';
import personnel from '../index.js';

export interface OfficerSpec {
  name: string;
  officerNo: string;
  unit?: string;
  post?: string;
  isLeader?: boolean;
  isPartyMember?: boolean;
  userId?: string | null;
}

/** Inserts an officer into personnel.officers and returns its id. */
export async function insertOfficer(t: TestKernel, spec: OfficerSpec): Promise<string> {
  const unitId = await orgIdByName(t, spec.unit ?? '示范县公安局');
  const createdBy = (await sql<{ id: string }>`select id from kernel.users where tenant_id = ${t.tenantId} and username = 'admin'`.execute(t.database.db)).rows[0]!.id;
  const r = await sql<{ id: string }>`insert into personnel.officers (tenant_id, unit_id, name, officer_no, post, is_leader, is_party_member, user_id, created_by)
    values (${t.tenantId}, ${unitId}, ${spec.name}, ${spec.officerNo}, ${spec.post ?? null}, ${spec.isLeader ?? false}, ${spec.isPartyMember ?? true},
      ${spec.userId ?? null}, ${createdBy}) returning id`.execute(t.database.db);
  return r.rows[0]!.id;
}

export type Officer = ActingUser & { userId: string; officerId: string };

/** An officer with an account (holding `permissions`, by default only the registry read) linked to the registry. */
export async function officerWithAccount(t: TestKernel, spec: OfficerSpec & { username: string; permissions?: string[] }): Promise<Officer> {
  const u = await addUserWithPermissions(t, {
    username: spec.username,
    displayName: spec.name,
    orgName: spec.unit ?? '示范县公安局',
    permissions: spec.permissions ?? ['personnel.read'],
  });
  const officerId = await insertOfficer(t, { ...spec, userId: u.id });
  return { ...u, userId: u.id, officerId };
}

/** 10:00 in China on `day`. */
export function chinaMorning(day: string): string {
  return `${day}T02:00:00Z`;
}

export interface World {
  t: TestKernel;
  clock: TestClock;
  /** Discipline staff (纪检): personnel.discipline. */
  staff: ActingUser & { id: string };
  /** A second member of the discipline staff. */
  staff2: ActingUser & { id: string };
  /** The political department: the full file and commendations. */
  political: ActingUser & { id: string };
}

export async function startWorld(engine: TestEngine, today: string): Promise<World> {
  const clock = createTestClock(chinaMorning(today));
  const t = await startTestKernel({ engine, plugins: [personnel], clock });
  const staff = await addUserWithPermissions(t, { username: 'jijian1', displayName: '纪检一', orgName: '示范县委政法委', permissions: ['personnel.discipline'] });
  const staff2 = await addUserWithPermissions(t, { username: 'jijian2', displayName: '纪检二', orgName: '示范县委政法委', permissions: ['personnel.discipline'] });
  const political = await addUserWithPermissions(t, {
    username: 'zhengzhibu',
    displayName: '政治部',
    orgName: '示范县委政法委',
    permissions: ['personnel.files', 'personnel.commendations'],
  });
  return { t, clock, staff, staff2, political };
}

/** The plugin's procedures on a caller. */
export function api(u: ActingUser): any {
  return (u.caller as any).personnel;
}

/** How many rows a table of the plugin holds. */
export async function rowCount(t: TestKernel, table: string): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from ${sql.id('personnel', table)}`.execute(t.database.db)).rows[0]!.n;
}

/** Audit rows of an action (optionally on a target). */
export async function auditRows(t: TestKernel, action: string, targetId?: string): Promise<{ actor_id: string; target_id: string | null; detail: Record<string, unknown> }[]> {
  const r = await sql<{ actor_id: string; target_id: string | null; detail: Record<string, unknown> }>`select actor_id, target_id, detail from kernel.audit_log
    where tenant_id = ${'990001'} and action = ${action} and (${targetId ?? null}::text is null or target_id = ${targetId ?? null}) order by seq`.execute(t.database.db);
  return r.rows;
}
