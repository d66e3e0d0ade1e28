// The plugin's third migration: a problem the overdue job sent to the kernel (整改督办) as the
// system waits for the committee's four fixes (四定); this marks those already set.
// Forward-only: never edit it once released.
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table inspections.findings add column kernel_four_fixes boolean not null default false`.execute(db);
  // Problems escalated before: the committee's escalation set the four fixes with the matter.
  await sql`update inspections.findings set kernel_four_fixes = true where kernel_case_id is not null`.execute(db);
  await sql`comment on column inspections.findings.kernel_four_fixes is 'The committee set the four fixes (四定) of the kernel matter (整改督办); false while the matter the overdue job registered waits for them.'`.execute(db);
}
