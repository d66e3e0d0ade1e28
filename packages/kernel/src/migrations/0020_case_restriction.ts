// A case whose material only some committee users may see (an accusation, 检举控告: the
// accuser's identity and material are never shown to the accused unit or person). The
// registering plugin names the permission that guards it (CaseRegistration.restrictedTo);
// the kernel then withholds the case's summary, parties, committee-uploaded attachments,
// the committee's notes on the timeline and its dispatch records from everyone else, and
// keeps the summary and parties out of the search grams and the ledger's party names.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table kernel.cases add column restricted_to text`.execute(db);
}
