// Accusations (检举控告) registered before the kernel could restrict a case's material
// (kernel migration 0020) get the restriction new ones get at registration, so their
// attachments and the committee's notes are withheld from the accused unit as well.
//
// The one statement of this plugin that writes a kernel table: an upgrade step over the
// plugin's own cases, run once by the migration runner (kernel migrations run first).
// Nothing at run time does this; registration passes `restrictedTo` through ctx.kernel.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`update kernel.cases c set restricted_to = 'petitions.accusations'
    from petitions.matters m
    where m.tenant_id = c.tenant_id and m.case_id = c.id and m.is_accusation and c.restricted_to is null`.execute(db);
}
