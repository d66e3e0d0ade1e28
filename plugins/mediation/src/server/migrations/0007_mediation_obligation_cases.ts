// An obligation of an agreement found unperformed at a return visit may be escalated to a
// kernel matter (矛盾纠纷, with its four fixes): the obligation keeps the case it went to.
// Written, forward-only: never edit it once released.
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table mediation.obligations
    add column kernel_case_id uuid,
    add column kernel_case_doc_no text,
    add column escalated_on date`.execute(db);
}
