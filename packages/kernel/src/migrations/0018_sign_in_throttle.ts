// Failed sign-ins counted where every server process sees them (auth/throttle.ts): per
// client address (the platform's row, tenant '000000': an address is refused whatever
// county it signs in to) and per unknown user name (so a name that is not an account locks
// as an account would, and the answers do not tell the two apart). Accounts keep their
// count on kernel.users. A row is reserved before the password is checked, so parallel
// attempts cannot outrun the count; the background loop deletes rows a day after their
// last use.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table kernel.sign_in_throttle (
    tenant_id text not null,
    kind text not null check (kind in ('address', 'username')),
    subject text not null,
    failures integer not null,
    counting_since timestamptz not null,
    last_attempt_at timestamptz not null,
    locked_until timestamptz,
    primary key (tenant_id, kind, subject)
  )`.execute(db);
}
