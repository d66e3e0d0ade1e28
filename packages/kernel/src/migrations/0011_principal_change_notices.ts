// Every change that can alter a request's principal (auth/sessions.ts: session, user,
// organisation, tenant, roles) sends a notification on the channel `kernel_principals`,
// whoever makes it: the server, the CLI, another server process or an operator's SQL.
// Each server process listens and forgets the sessions it remembered for reads
// (auth/principal-cache.ts), so a sign-out or a withdrawn role reaches every process's
// reads as soon as the change commits (PostgreSQL delivers notifications at commit, and
// one per transaction however many rows changed). Sessions notify only when they end:
// their other updates (the idle clock) change nothing a request is allowed to do.
import { sql, type Kysely } from 'kysely';

export const PRINCIPALS_CHANNEL = 'kernel_principals';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create function kernel.notify_principals_changed() returns trigger language plpgsql as $fn$
    begin
      perform pg_notify('kernel_principals', '');
      return null;
    end
    $fn$`.execute(db);
  for (const table of ['users', 'roles', 'user_roles', 'orgs', 'tenants']) {
    await sql`create trigger ${sql.raw(`${table}_principals_changed`)} after insert or update or delete on ${sql.table(`kernel.${table}`)}
      for each statement execute function kernel.notify_principals_changed()`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_principals_truncated`)} after truncate on ${sql.table(`kernel.${table}`)}
      for each statement execute function kernel.notify_principals_changed()`.execute(db);
  }
  await sql`create trigger sessions_ended after delete on kernel.sessions
    for each statement execute function kernel.notify_principals_changed()`.execute(db);
  await sql`create trigger sessions_truncated after truncate on kernel.sessions
    for each statement execute function kernel.notify_principals_changed()`.execute(db);
}
