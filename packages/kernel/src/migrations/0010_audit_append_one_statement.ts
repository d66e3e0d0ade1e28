// An audit entry is appended in one statement (audit/audit-log.ts): the chain head's
// upsert computes the new row's hash in the database from the previous hash, the row's
// sequence number and a digest of its content made by the server, so the append no longer
// reads the head in one round trip and writes in another (nor needs a transaction of its
// own when the caller has none). Rows keep the hash scheme they were written with: 1 for
// the rows before this migration (the hash over all fields and the previous hash, made by
// the server), 2 from now on. The head remembers the previous hash for the row to carry.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A constant default fills the existing rows without rewriting them (no row trigger
  // fires, so the append-only guard is not in the way); new rows must state their scheme.
  await sql`alter table kernel.audit_log add column scheme smallint not null default 1`.execute(db);
  await sql`alter table kernel.audit_log alter column scheme drop default`.execute(db);
  await sql`alter table kernel.audit_log add constraint audit_log_scheme_check check (scheme in (1, 2))`.execute(db);
  await sql`alter table kernel.audit_heads add column prev_hash text`.execute(db);
}
