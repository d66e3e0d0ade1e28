// The statuses a dispute takes after triage to mediation: withdrawn by the parties, escalated
// to a kernel matter, ended without agreement (终止调解), settled by agreement (达成协议) and
// closed after the follow-up (回访结案). Widened in one migration so that the session flow
// (0003) and the agreement and confirmation flow (0004) add only their own tables.
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table mediation.disputes drop constraint disputes_status_check`.execute(db);
  await sql`alter table mediation.disputes add constraint disputes_status_check check (status in (
    'registered', 'mediating', 'handed_off', 'guided', 'returned', 'declined',
    'withdrawn', 'escalated', 'terminated', 'agreed', 'closed'))`.execute(db);
}
