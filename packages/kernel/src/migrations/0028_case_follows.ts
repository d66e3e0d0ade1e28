// 我的关注: the cases a user follows, shown on the workbench (issue 34). A row per user and
// case; following twice is the same row. Walls (RLS) are applied by kernel.apply_walls after
// every migration run, as for every table with tenant_id.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table kernel.case_follows (
    tenant_id text not null references kernel.tenants(id),
    user_id uuid not null,
    case_id uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, user_id, case_id),
    foreign key (tenant_id, user_id) references kernel.users(tenant_id, id),
    foreign key (tenant_id, case_id) references kernel.cases(tenant_id, id)
  )`.execute(db);
}
