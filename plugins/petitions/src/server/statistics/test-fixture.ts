// Test fixtures: matters and visits written straight into the plugin's tables (statistics
// need no kernel case, so case ids are random). Used only by the statistics tests.
import { randomUUID } from 'node:crypto';
import type { Kysely } from '@zhengfa/plugin-api';
import { sql } from '@zhengfa/plugin-api';

export interface FixtureVisit {
  on: string;
  persons: number;
  channel: 'letter' | 'visit' | 'online' | 'phone' | 'leader_mailbox';
  repeat?: boolean;
  content?: string;
}

export interface FixtureMatter {
  category: 'law' | 'litigation' | 'other';
  firstReceivedOn: string;
  visits: FixtureVisit[];
  unitId?: string | null;
  outcome?: 'resolved' | 'stopped' | 'concluded' | 'written_off';
  outcomeOn?: string;
  petitioners?: string[];
  isAccusation?: boolean;
  content?: string;
  relief?: { amount: number; status: 'pending' | 'approved' | 'rejected' | 'paid'; approvedOn?: string; paidOn?: string }[];
}

let seq = 0;

export async function insertMatter(db: Kysely<any>, tenantId: string, m: FixtureMatter): Promise<string> {
  const id = randomUUID();
  seq += 1;
  await sql`insert into petitions.matters (tenant_id, id, case_id, category, is_accusation, involved_org_id, content,
      receiving_officer_id, first_received_on, outcome, outcome_on, query_code)
    values (${tenantId}, ${id}::uuid, ${randomUUID()}::uuid, ${m.category}, ${m.isAccusation ?? false}, ${m.unitId ?? null}::uuid,
      ${m.content ?? `测试事项${seq}`}, ${randomUUID()}::uuid, ${m.firstReceivedOn}::date, ${m.outcome ?? null},
      ${m.outcomeOn ?? null}::date, ${`T${seq}-${randomUUID().slice(0, 8)}`})`.execute(db);
  for (const v of m.visits) {
    await sql`insert into petitions.visits (tenant_id, matter_id, channel, received_on, person_count, is_repeat, content)
      values (${tenantId}, ${id}::uuid, ${v.channel}, ${v.on}::date, ${v.persons}, ${v.repeat ?? false}, ${v.content ?? ''})`.execute(db);
  }
  for (const r of m.relief ?? []) {
    await sql`insert into petitions.relief (tenant_id, matter_id, amount, reason, status, requested_by, approved_on, paid_on)
      values (${tenantId}, ${id}::uuid, ${r.amount}, '生活困难', ${r.status}, ${randomUUID()}::uuid, ${r.approvedOn ?? null}::date, ${r.paidOn ?? null}::date)`.execute(db);
  }
  for (const [i, name] of (m.petitioners ?? []).entries()) {
    await sql`insert into petitions.petitioners (tenant_id, matter_id, name, is_primary)
      values (${tenantId}, ${id}::uuid, ${name}, ${i === 0})`.execute(db);
  }
  return id;
}
