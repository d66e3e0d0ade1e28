// The head of each tenant's audit chain (its last seq and hash) in one row, locked with
// FOR UPDATE by the appending transaction: one round trip that waits for a concurrent
// append and then reads its result, instead of an advisory lock followed by a read of the
// newest log row (found by the benchmark's register scenario).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table kernel.audit_heads (
    tenant_id text primary key,
    seq bigint not null,
    hash text not null
  )`.execute(db);
  await sql`insert into kernel.audit_heads (tenant_id, seq, hash)
    select distinct on (tenant_id) tenant_id, seq, hash from kernel.audit_log order by tenant_id, seq desc`.execute(db);
}
