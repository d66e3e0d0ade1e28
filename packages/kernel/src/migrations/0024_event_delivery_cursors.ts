// Outbox delivery per subscriber with a cursor, bounded attempts and dead letters (issue 30).
//
// Each outbox row records the transaction that wrote it (`tx`). Events are read in (tx, id)
// order; every row whose tx is below the oldest transaction still running (the snapshot's
// xmin) is final — no row can later appear before it in that order — so a subscriber's
// cursor may move past it once it is handled. The pending query starts at the cursor, so
// its cost does not grow with the delivered history.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table kernel.outbox add column tx xid8 not null default pg_current_xact_id()`.execute(db);
  await sql`create index outbox_position_idx on kernel.outbox (tx, id)`.execute(db);
  // Pruning reads the oldest events first.
  await sql`create index outbox_occurred_idx on kernel.outbox (occurred_at)`.execute(db);

  // One row per subscriber (`<plugin id>:<event name>`): where it has got to, and the event
  // it is failing on (retried with exponential back-off until its attempts run out).
  await sql`create table kernel.event_subscribers (
    subscriber text primary key,
    cursor_tx xid8 not null default '0',
    cursor_id bigint not null default 0,
    failing_event_id bigint,
    attempts int not null default 0,
    next_attempt_at timestamptz,
    last_error text,
    updated_at timestamptz not null default now()
  )`.execute(db);

  // An event a subscriber failed on its last attempt: a copy of the event (the outbox row
  // may be pruned), shown to the system administrator, who may queue it for another try.
  await sql`create table kernel.event_dead_letters (
    subscriber text not null,
    event_id bigint not null,
    tenant_id text,
    name text not null,
    payload jsonb not null,
    occurred_at timestamptz not null,
    attempts int not null,
    last_error text not null,
    failed_at timestamptz not null,
    retry_requested_at timestamptz,
    retry_requested_by uuid,
    primary key (subscriber, event_id)
  )`.execute(db);
  await sql`create index event_dead_letters_failed_idx on kernel.event_dead_letters (failed_at desc)`.execute(db);
}
