// The outcomes of a mediation: the agreement (调解协议, written and signed or oral) with its
// obligations and signatures, the judicial confirmation (司法确认) of a written agreement, the
// termination (终止调解) with the routes still open, and the return visits (履行回访) that
// follow the performance of each obligation. Written, forward-only: never edit it once released.
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  // One agreement per dispute. A written one takes effect on the day the last party signed
  // (effective_on) and may be confirmed by the court if applied for by confirmation_due_on.
  await sql`create table mediation.agreements (
    tenant_id text not null,
    dispute_id uuid not null,
    form text not null check (form in ('written', 'oral')),
    agreed_on date not null,
    terms text not null,
    effective_on date,
    confirmation_due_on date,
    applied_on date,
    court text,
    application_note text,
    ruling text check (ruling in ('confirmed', 'rejected')),
    ruled_on date,
    ruling_no text,
    closed_on date,
    recorded_by uuid not null,
    recorded_by_name text not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, dispute_id),
    foreign key (tenant_id, dispute_id) references mediation.disputes (tenant_id, id),
    check ((form = 'written') = (effective_on is not null)),
    check ((effective_on is null) = (confirmation_due_on is null)),
    check ((applied_on is null) = (court is null)),
    check ((ruling is null) = (ruled_on is null))
  )`.execute(db);
  await sql`create index agreements_confirmation_due on mediation.agreements (tenant_id, confirmation_due_on) where applied_on is null`.execute(db);

  // Which party signed a written agreement, and when.
  await sql`create table mediation.agreement_signatures (
    tenant_id text not null,
    dispute_id uuid not null,
    party_id uuid not null,
    signed_on date not null,
    primary key (tenant_id, dispute_id, party_id),
    foreign key (tenant_id, dispute_id) references mediation.agreements (tenant_id, dispute_id),
    foreign key (tenant_id, party_id) references mediation.parties (tenant_id, id)
  )`.execute(db);

  // What a party undertook: the amount in yuan (no fees: mediation is free), the date due and
  // how it was performed as the last return visit found it.
  await sql`create table mediation.obligations (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    dispute_id uuid not null,
    position integer not null,
    obligor_party_id uuid not null,
    content text not null,
    amount numeric(16, 2) check (amount >= 0),
    due_on date not null,
    performance text not null default 'pending' check (performance in ('pending', 'full', 'partial', 'none')),
    primary key (tenant_id, id),
    unique (tenant_id, dispute_id, position),
    foreign key (tenant_id, dispute_id) references mediation.agreements (tenant_id, dispute_id),
    foreign key (tenant_id, obligor_party_id) references mediation.parties (tenant_id, id)
  )`.execute(db);
  await sql`create index obligations_due on mediation.obligations (tenant_id, due_on) where performance <> 'full'`.execute(db);

  // A return visit (回访) on one obligation, or on the agreement as a whole.
  await sql`create table mediation.follow_ups (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    dispute_id uuid not null,
    obligation_id uuid,
    visited_on date not null,
    method text not null check (method in ('visit', 'phone', 'interview', 'other')),
    visitor text not null,
    result text not null check (result in ('full', 'partial', 'none')),
    note text,
    recorded_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, dispute_id) references mediation.agreements (tenant_id, dispute_id),
    foreign key (tenant_id, obligation_id) references mediation.obligations (tenant_id, id)
  )`.execute(db);

  // Mediation ended without agreement: why, and the routes the parties were told remain open.
  await sql`create table mediation.terminations (
    tenant_id text not null,
    dispute_id uuid not null,
    terminated_on date not null,
    reason text not null,
    routes text[] not null,
    recorded_by uuid not null,
    recorded_by_name text not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, dispute_id),
    foreign key (tenant_id, dispute_id) references mediation.disputes (tenant_id, id)
  )`.execute(db);
}
