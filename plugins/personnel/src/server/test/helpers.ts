// Fixtures of the personnel tests: valid ID numbers and officers made through the procedures.
import { sql } from '@zhengfa/plugin-api';
import type { TestKernel } from '@zhengfa/test-utils';
import { idCheckCharacter } from '../personal-data.js';

export function validId(first17: string): string {
  return first17 + idCheckCharacter(first17);
}

/** The personnel router of a caller. */
export function personnel(caller: unknown): any {
  return (caller as { personnel: unknown }).personnel;
}

export async function count(t: TestKernel, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`personnel.${table}`)}`.execute(t.database.db);
  return r.rows[0]!.n;
}

export async function auditCount(t: TestKernel, action: string, targetId?: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from kernel.audit_log
    where action = ${action} ${targetId ? sql`and target_id = ${targetId}` : sql``}`.execute(t.database.db);
  return r.rows[0]!.n;
}
