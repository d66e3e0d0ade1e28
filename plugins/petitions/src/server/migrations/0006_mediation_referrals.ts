// Referrals to the joint mediation center (访调对接): one per matter, made with the
// petitioner's consent, and what the center reported back through its events (the dispute's
// code, the day it was settled by agreement and the day the agreement was found performed).
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table petitions.mediation_referrals (
    tenant_id text not null,
    matter_id uuid not null,
    referred_on date not null,
    referred_by uuid not null,
    referred_by_name text not null,
    dispute_id text,
    dispute_code text,
    settled_on date,
    performed_on date,
    created_at timestamptz not null default now(),
    primary key (tenant_id, matter_id),
    foreign key (tenant_id, matter_id) references petitions.matters (tenant_id, id)
  )`.execute(db);
}
