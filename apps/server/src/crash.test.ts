// The crash probe (issue 29): the real server, on PostgreSQL (a fresh database) and on the
// embedded database (DATA_DIR in a temporary folder), takes a burst of concurrent
// registrations and case transitions over HTTP and is killed with SIGKILL in the middle of
// it, then restarted; several times. Afterwards every write the server acknowledged (a 2xx
// answer) is there, every document number of every kind and year runs from 1 to its
// counter without a gap or a repeat, sessions made before a crash still work after it, and
// `pnpm zhengfa audit:verify` finds the audit chain intact.
//
// PROBE_CRASH_RUNS sets the number of kill runs per engine (default 5 on PostgreSQL, 2 on
// the embedded database, whose start is slower).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@zhengfa/db';
import { createTestDatabase, type TestDatabase } from '@zhengfa/db/testing';
import { createKernel, DEMO_PASSWORD } from '@zhengfa/kernel';
import { availableEngines, writeProbeSummary, type TestEngine, testVault } from '@zhengfa/test-utils';
import { loadInstalledPlugins } from './plugins.js';
import { killHard, runCli, signInOverHttp, startServerProcess, stopGracefully, trpc, type ServerProcess } from './testing/server-process.js';

const RUNS: Record<TestEngine, number> = {
  postgres: Number(process.env.PROBE_CRASH_RUNS ?? 5),
  pglite: Number(process.env.PROBE_CRASH_RUNS ?? 2),
};
/** Writers firing at once during a burst. */
const WRITERS = 6;
/** Acknowledged writes in a run before the kill is armed (then it falls 0–250 ms later, mid-burst). */
const ARM_AFTER = 30;

interface Acknowledged {
  registrations: { id: string; docNo: string }[];
  transitions: { caseId: string; action: string; version: number }[];
  /** Requests the kill cut off in flight (sent, never answered). */
  cut: number;
}

interface Sessions {
  supervisor: string;
  leader: string;
  auditor: string;
}

function today(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** fetch's failure when the server is gone: refused, reset, or cut off in the middle of the answer. */
function droppedConnection(err: unknown): boolean {
  return err instanceof TypeError && (err.message === 'fetch failed' || err.message === 'terminated');
}

/**
 * One writer: registers a case and walks it through 立项 (submit, approve), or registers a
 * petition, again and again, until the server stops answering. Records what was acknowledged.
 */
async function writer(url: string, s: Sessions, n: number, ack: Acknowledged, onAck: () => void): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      if (n % 3 === 2) {
        const r = await trpc(url, 'petitions.matters.register', {
          channel: 'visit',
          receivedOn: today(),
          personCount: 1,
          category: 'law',
          content: `第${n}号写入者第${i}次登记：反映派出所对报警不予处理`,
          petitioners: [{ name: '王明', phone: '13912345678' }],
        }, { cookie: s.supervisor });
        if (!r.ok) throw new Error(`petition registration refused: ${r.status} ${r.message}`);
        ack.registrations.push({ id: r.data.caseId, docNo: r.data.docNo });
        onAck();
        continue;
      }
      const reg = await trpc(url, 'cases.register', { title: `第${n}号写入者第${i}件督办事项`, summary: '压力下的登记', source: 'letter', urgency: 'urgent' }, { cookie: s.supervisor });
      if (!reg.ok) throw new Error(`registration refused: ${reg.status} ${reg.message}`);
      ack.registrations.push({ id: reg.data.id, docNo: reg.data.docNo });
      onAck();
      const submitted = await trpc(url, 'cases.transition', { id: reg.data.id, version: 1, action: 'submitForApproval' }, { cookie: s.supervisor });
      if (!submitted.ok) throw new Error(`submission refused: ${submitted.status} ${submitted.message}`);
      ack.transitions.push({ caseId: reg.data.id, action: 'submitForApproval', version: submitted.data.version });
      onAck();
      const approved = await trpc(url, 'cases.transition', { id: reg.data.id, version: submitted.data.version, action: 'approve' }, { cookie: s.leader });
      if (!approved.ok) throw new Error(`approval refused: ${approved.status} ${approved.message}`);
      ack.transitions.push({ caseId: reg.data.id, action: 'approve', version: approved.data.version });
      onAck();
    } catch (err) {
      // The server was killed: the request in flight has no answer, which is no acknowledgement.
      if (!droppedConnection(err)) throw err;
      if ((err as { cause?: { code?: string } }).cause?.code !== 'ECONNREFUSED') ack.cut += 1;
      return;
    }
  }
}

/** A burst of writers, killed with SIGKILL once it is well under way. */
async function burstAndKill(server: ServerProcess, s: Sessions, ack: Acknowledged): Promise<number> {
  let acks = 0;
  let armed = false;
  let killed: Promise<void> | null = null;
  const onAck = () => {
    acks += 1;
    if (acks < ARM_AFTER || armed) return;
    armed = true;
    killed = new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 250))).then(() => killHard(server));
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, n) => writer(server.url, s, n, ack, onAck)));
  if (!killed) throw new Error(`the burst ended after ${acks} acknowledged writes, before the kill`);
  await killed;
  return acks;
}

interface Gap {
  tenant_id: string;
  kind: string;
  year: number;
  last_no: number;
  numbers: number;
  distinct_numbers: number;
  lowest: number | null;
  highest: number | null;
}

/** Counters whose cases do not number exactly 1..last_no. */
async function numberingGaps(db: Kysely<any>): Promise<{ gaps: Gap[]; counters: number; numbers: number }> {
  const r = await sql<Gap>`
    select dc.tenant_id, dc.kind, dc.year, dc.last_no,
      count(c.id)::int as numbers, count(distinct c.doc_seq)::int as distinct_numbers, min(c.doc_seq) as lowest, max(c.doc_seq) as highest
    from kernel.doc_counters dc
    left join kernel.cases c on c.tenant_id = dc.tenant_id and c.kind = dc.kind and c.doc_year = dc.year
    where dc.kind not in ('instrument', 'coordination', 'bulletin')
    group by dc.tenant_id, dc.kind, dc.year, dc.last_no`.execute(db);
  const gaps = r.rows.filter((g) => !(g.numbers === g.last_no && g.distinct_numbers === g.last_no && Number(g.lowest) === 1 && Number(g.highest) === g.last_no));
  return { gaps, counters: r.rows.length, numbers: r.rows.reduce((n, g) => n + g.numbers, 0) };
}

async function missingWrites(db: Kysely<any>, ack: Acknowledged): Promise<string[]> {
  const missing: string[] = [];
  const ids = ack.registrations.map((r) => r.id);
  const cases = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const r = await sql<{ id: string; doc_no: string }>`select id, doc_no from kernel.cases where id = any(${sql.val(ids.slice(i, i + 500))}::uuid[])`.execute(db);
    for (const row of r.rows) cases.set(row.id, row.doc_no);
  }
  for (const r of ack.registrations) if (cases.get(r.id) !== r.docNo) missing.push(`registration ${r.docNo} (${r.id})`);
  const events = await sql<{ case_id: string; type: string }>`select case_id, type from kernel.case_events where type in ('submitForApproval', 'approve')`.execute(db);
  const seen = new Set(events.rows.map((e) => `${e.case_id} ${e.type}`));
  for (const t of ack.transitions) if (!seen.has(`${t.caseId} ${t.action}`)) missing.push(`${t.action} of ${t.caseId}`);
  return missing;
}

for (const engine of availableEngines()) {
  describe(`a server killed with SIGKILL in the middle of a burst of writes [${engine}]`, () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), `zf-crash-${engine}-`));
    let pg: TestDatabase | null = null;
    let env: Record<string, string>;
    const ack: Acknowledged = { registrations: [], transitions: [], cut: 0 };
    let sessions: Sessions;
    let server: ServerProcess | null = null;
    let runs = 0;
    /** The embedded database, opened once the server has stopped (one process at a time). */
    let embedded: Database | null = null;
    const checkDb = () => (pg ?? embedded)!.db;
    let gapsFound: Awaited<ReturnType<typeof numberingGaps>> | null = null;
    let missing: string[] | null = null;
    let audit: { status: number; stdout: string } | null = null;

    beforeAll(async () => {
      if (engine === 'postgres') {
        // A fresh database, migrated and seeded with the demo county as an operator would.
        pg = await createTestDatabase('postgres');
        const kernel = createKernel({ vault: testVault(), database: pg, plugins: await loadInstalledPlugins(), dataDir });
        await kernel.migrate();
        await kernel.prepare();
        await kernel.seedDemo();
        env = { DATABASE_URL: pg.url!, DATA_DIR: dataDir };
      } else {
        env = { DATA_DIR: dataDir, DEMO_DATA: '0' };
      }
      server = await startServerProcess(env);
      sessions = {
        supervisor: await signInOverHttp(server.url, 'supervisor', DEMO_PASSWORD),
        leader: await signInOverHttp(server.url, 'leader', DEMO_PASSWORD),
        auditor: await signInOverHttp(server.url, 'auditor', DEMO_PASSWORD),
      };
    }, 180_000);

    afterAll(async () => {
      if (server) await killHard(server);
      await embedded?.close();
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
      const acknowledged = ack.registrations.length + ack.transitions.length;
      const held = missing?.length === 0 && gapsFound?.gaps.length === 0 && audit?.status === 0;
      writeProbeSummary(
        `crash-${engine}`,
        `crash test [${engine}]: ${runs} kill -9 runs mid-burst (${ack.cut} requests cut off in flight), ${acknowledged} writes acknowledged (${ack.registrations.length} registrations, ${ack.transitions.length} transitions), ` +
          `${missing === null ? 'not checked' : `${missing.length} missing`}, ${gapsFound ? `${gapsFound.numbers} numbers in ${gapsFound.counters} series, ${gapsFound.gaps.length} with gaps` : 'numbers not checked'}, ` +
          `audit:verify ${audit ? (audit.status === 0 ? 'passed' : 'failed') : 'not run'}${held ? ', all held' : ''}`,
      );
    }, 120_000);

    it(`acknowledges writes, dies mid-burst and comes back with its sessions, ${RUNS[engine]} times`, async () => {
      for (let run = 0; run < RUNS[engine]; run++) {
        const before = ack.registrations.length + ack.transitions.length;
        await burstAndKill(server!, sessions, ack);
        expect(ack.registrations.length + ack.transitions.length).toBeGreaterThanOrEqual(before + ARM_AFTER);
        server = await startServerProcess(env);
        runs += 1;
        // The sessions made before the crash still work, and the county's audit chain holds.
        const verified = await trpc(server.url, 'audit.verify', {}, { cookie: sessions.auditor });
        expect(verified).toMatchObject({ ok: true, data: { ok: true } });
      }
      await stopGracefully(server!);
      server = null;
    }, 900_000);

    it('kept every acknowledged registration and transition', async () => {
      if (!pg) embedded = await openDatabase({ dataDir, databaseUrl: undefined });
      missing = await missingWrites(checkDb(), ack);
      expect(missing).toEqual([]);
    }, 120_000);

    it('numbers every kind of every year from 1 without a gap or a repeat', async () => {
      gapsFound = await numberingGaps(checkDb());
      // The CLI opens the embedded database itself.
      await embedded?.close();
      embedded = null;
      expect(gapsFound.gaps).toEqual([]);
      expect(gapsFound.numbers).toBeGreaterThanOrEqual(ack.registrations.length);
    }, 120_000);

    it('passes pnpm zhengfa audit:verify', async () => {
      const r = await runCli(env, 'audit:verify');
      audit = r;
      expect(r.stdout).toMatch(/^审计日志完整：已校验 \d+ 条记录。/);
      expect(r.status).toBe(0);
    }, 180_000);
  });
}
