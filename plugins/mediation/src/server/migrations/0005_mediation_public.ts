// What the public and the petitions office see of a dispute: the petition a dispute was
// referred from (访调对接; one dispute per petition, so a redelivered referral creates
// nothing), the parties' ratings of a mediation that ended (one per party), and the failed
// attempts of the public look-up (counted per code and per address, across every server
// process, before the county is known: hence no tenant).
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table mediation.disputes add column petition_ref text`.execute(db);
  await sql`create unique index disputes_petition_ref on mediation.disputes (tenant_id, petition_ref) where petition_ref is not null`.execute(db);
  await sql`create index disputes_code on mediation.disputes (code)`.execute(db);

  await sql`create table mediation.ratings (
    tenant_id text not null,
    dispute_id uuid not null,
    party_id uuid not null,
    rating integer not null check (rating between 1 and 5),
    comment text,
    rated_at timestamptz not null default now(),
    primary key (tenant_id, dispute_id, party_id),
    foreign key (tenant_id, dispute_id) references mediation.disputes (tenant_id, id),
    foreign key (tenant_id, party_id) references mediation.parties (tenant_id, id)
  )`.execute(db);

  await sql`create table mediation.lookup_attempts (
    key text not null,
    at timestamptz not null default now(),
    ok boolean not null
  )`.execute(db);
  await sql`create index lookup_attempts_key_at on mediation.lookup_attempts (key, at)`.execute(db);
}
