// The data generator: a province of 100 counties (tenants 43ccnn), each with its
// organisation tree, users and built-in roles, and matters spread over ten years with
// their parties and timelines. Seeded, so every run builds the same province.
//
// Loading is bulk: rows are sent as PostgreSQL array literals and inserted with
// `insert … select from unnest(…)` in batches of thousands (the same statement works on
// PostgreSQL and PGlite). The cases tables' secondary indexes and constraints are dropped
// for the load and recreated from their captured definitions afterwards.
import { builtinRoles, createKernel, DEMO_PASSWORD } from '@zhengfa/kernel';
import { appendAudit, documentGrams, formatDocNumber, hashPassword, rebuildCaseTallies, tenantGrams } from '@zhengfa/kernel/internal';
import { loadInstalledPlugins } from '@zhengfa/server';
import { benchVault as openBenchVault } from './data-key.js';
import { Rng, seedOf } from './prng.js';
import { openTarget, readMeta, writeMeta, type BenchMeta, type Raw, type Target } from './db.js';
import { schemaFingerprint, staleMigrations } from './schema-fingerprint.js';
import { GENERATOR_VERSION, sizes, type EngineKey, type SizeKey } from './sizes.js';
import * as v from './vocab.js';

export const BENCH_PASSWORD = DEMO_PASSWORD;
export const COUNTIES = 100;
/** Share of all matters held by the first county (the provincial capital's district). */
export const BIG_COUNTY_SHARE = 0.11;
const YEARS = 10;
const DAY = 86_400_000;

// ---------------------------------------------------------------- helpers

/** A PostgreSQL array literal of the values (every element quoted; null as NULL). */
export function arrayLiteral(values: readonly (string | number | boolean | null | undefined)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === null || x === undefined) parts[i] = 'NULL';
    else {
      const str = typeof x === 'string' ? x : String(x);
      parts[i] = str.includes('"') || str.includes('\\') ? `"${str.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : `"${str}"`;
    }
  }
  return `{${parts.join(',')}}`;
}

let todayCache: { at: number; day: number } | null = null;
export function todayDay(): number {
  if (todayCache && Date.now() - todayCache.at < 60_000) return todayCache.day;
  todayCache = { at: Date.now(), day: computeToday() };
  return todayCache.day;
}

function computeToday(): number {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return Date.parse(`${iso}T00:00:00Z`) / DAY;
}

export function isoOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** A timestamp (ISO, +08:00) on `day` at `minutes` after midnight China time. */
function stampOf(day: number, minutes: number): string {
  const m = Math.max(0, Math.min(24 * 60 - 1, Math.round(minutes)));
  return `${isoOf(day)}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+08:00`;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

function personName(rng: Rng): string {
  const n = rng.chance(0.25) ? 1 : 2;
  let given = '';
  for (let i = 0; i < n; i++) given += rng.pick(v.givenChars);
  return rng.pick(v.surnames) + given;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
function idNumber(rng: Rng, tenantId: string): string {
  const birth = isoOf(todayDay() - rng.int(18 * 365, 80 * 365)).replace(/-/g, '');
  const body = `${tenantId}${birth}${String(rng.int(0, 999)).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]!;
  return body + ID_CHECK[sum % 11]!;
}

function phone(rng: Rng): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
}

// ---------------------------------------------------------------- province

export interface OrgRow {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  level: string;
  path: string;
  order: number;
}

export interface County {
  index: number;
  id: string;
  name: string;
  abbr: string;
  orgs: OrgRow[];
  committeeId: string;
  /** Orgs that can lead a matter, with a weight. */
  units: { id: string; weight: number }[];
  users: { id: string; orgId: string; username: string; name: string; role: string }[];
  leaderId: string;
  supervisorId: string;
  villages: string[];
  cases: number;
}

export function countyId(i: number): string {
  return `43${String(1 + Math.floor(i / 8)).padStart(2, '0')}${String(1 + (i % 8)).padStart(2, '0')}`;
}

function countyName(i: number): string {
  const head = v.countyHeads[i % v.countyHeads.length]!;
  const tail = v.countyTails[(i * 7 + Math.floor(i / v.countyHeads.length)) % v.countyTails.length]!;
  const suffix = i === 0 ? '区' : v.countySuffixes[i % v.countySuffixes.length]!;
  return `${head}${tail}${suffix}`;
}

export function buildProvince(totalCases: number): County[] {
  const rng = new Rng(seedOf('province'));
  const weights = Array.from({ length: COUNTIES }, (_, i) => (i === 0 ? 0 : 0.4 + rng.next() * 1.2));
  const rest = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w, i) => (i === 0 ? Math.round(totalCases * BIG_COUNTY_SHARE) : Math.floor((totalCases * (1 - BIG_COUNTY_SHARE) * w) / rest)));
  counts[1] = counts[1]! + totalCases - counts.reduce((a, b) => a + b, 0);

  return Array.from({ length: COUNTIES }, (_, i) => {
    const r = new Rng(seedOf('county', i));
    const id = countyId(i);
    const name = countyName(i);
    const short = name.replace(/[县区市]$/, '');
    const orgs: OrgRow[] = [];
    const units: County['units'] = [];
    const villages: string[] = [];
    const add = (parent: OrgRow | null, orgName: string, kind: string, level: string, unitWeight = 0): OrgRow => {
      const oid = r.uuid();
      const row: OrgRow = { id: oid, parentId: parent?.id ?? null, name: orgName, kind, level, path: `${parent?.path ?? '/'}${oid}/`, order: orgs.filter((o) => o.parentId === (parent?.id ?? null)).length };
      orgs.push(row);
      if (unitWeight > 0) units.push({ id: oid, weight: unitWeight });
      return row;
    };
    const committee = add(null, `${name}委政法委`, 'committee', 'county');
    const townCount = r.int(6, 12);
    const towns = v.townshipHeads.slice(0, 20).sort(() => r.next() - 0.5).slice(0, townCount);
    const police = add(committee, `${short}公安局`, 'police', 'county', 8);
    for (const d of ['刑事侦查大队', '治安管理大队', '交通警察大队', '法制大队']) add(police, d, 'department', 'county', 2);
    for (const t of towns.slice(0, Math.ceil(townCount / 2))) add(police, `${t}派出所`, 'police', 'township', 1);
    const proc = add(committee, `${short}人民检察院`, 'procuratorate', 'county', 3);
    for (const d of ['刑事检察部', '民事行政检察部', '控告申诉检察部']) add(proc, d, 'department', 'county', 1);
    const court = add(committee, `${short}人民法院`, 'court', 'county', 6);
    for (const d of ['立案庭', '执行局', '民事审判庭']) add(court, d, 'department', 'county', 2);
    for (const t of towns.slice(0, 2)) add(court, `${t}人民法庭`, 'court', 'township', 1);
    const justice = add(committee, `${short}司法局`, 'justice', 'county', 4);
    add(justice, '公共法律服务中心', 'department', 'county', 1);
    for (const t of towns) add(justice, `${t}司法所`, 'justice', 'township', 1);
    for (const dept of ['人力资源和社会保障局', '自然资源局', '住房和城乡建设局', '信访局']) add(committee, `${short}${dept}`, 'other', 'county', 3);
    for (const t of towns) {
      const town = add(committee, `${t}镇党委政府`, 'township', 'township', 3);
      const vs = v.villageHeads.slice().sort(() => r.next() - 0.5).slice(0, r.int(2, 5));
      for (const vn of vs) {
        const suffix = r.chance(0.3) ? '社区居委会' : '村委会';
        add(town, `${vn}${suffix}`, 'village', 'village');
        villages.push(`${t}镇${vn}${suffix === '村委会' ? '村' : '社区'}`);
      }
    }
    const users: County['users'] = [];
    const addUser = (orgId: string, username: string, role: string) => {
      const u = { id: r.uuid(), orgId, username, name: personName(r), role };
      users.push(u);
      return u;
    };
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) addUser(committee.id, role === 'sysadmin' ? 'admin' : role, role);
    const leader = addUser(committee.id, 'leader', 'leader');
    const supervisor = addUser(committee.id, 'supervisor', 'supervisor');
    let n = 0;
    for (const o of orgs) {
      if (o.kind === 'committee' || o.kind === 'village') continue;
      addUser(o.id, o.id === police.id ? 'liaison' : `liaison${++n}`, 'liaison');
    }
    return { index: i, id, name, abbr: [...short][0]!, orgs, committeeId: committee.id, units, users, leaderId: leader.id, supervisorId: supervisor.id, villages, cases: counts[i]! };
  });
}

// ---------------------------------------------------------------- matters

export const caseKinds = {
  supervision: { word: '督', weight: 88 },
  petition: { word: '访', weight: 8 },
  mediation: { word: '调', weight: 4 },
} as const;
type KindKey = keyof typeof caseKinds;

const urgencyWeights = { normal: 75, urgent: 20, critical: 5 } as const;
const sourceWeights = { letter: 15, visit: 25, online: 15, phone: 10, leader_instruction: 8, higher_assignment: 12, inspection: 5, unit_report: 10 } as const;
const handleDays = { normal: 60, urgent: 30, critical: 15 } as const;
const dispatchEvery = { normal: 15, urgent: 5, critical: 1 } as const;
const reportEvery = { normal: 30, urgent: 15, critical: 7 } as const;
const subjectWeights = Object.fromEntries(v.subjects.map((s, i) => [String(i), s.weight])) as Record<string, number>;

function receivedAge(rng: Rng): number {
  // Truncated exponential: recent years hold more matters (about 8% growth a year).
  const k = Math.log(1.08) / 365;
  const span = YEARS * 365;
  return Math.floor(-Math.log(1 - rng.next() * (1 - Math.exp(-k * span))) / k);
}

function statusFor(rng: Rng, age: number): string {
  if (age < 10 && rng.chance(0.35)) return rng.pick(['registered', 'pending_approval', 'approved']);
  const pOpen = age < 30 ? 0.8 : age < 90 ? 0.5 : age < 180 ? 0.25 : age < 365 ? 0.08 : age < 730 ? 0.015 : 0.003;
  if (rng.chance(pOpen)) return rng.weighted({ assigned: 20, in_progress: 65, submitted: 15 });
  if (age < 365) return rng.chance(0.75) ? 'closed' : 'archived';
  return rng.chance(0.1) ? 'closed' : 'archived';
}

export interface TextParts {
  title: string;
  summary: string;
  parties: string[];
}

export function matterText(rng: Rng, county: County): TextParts {
  const subject = v.subjects[Number(rng.weighted(subjectWeights))]!;
  const detail = rng.pick(subject.detail);
  const group = rng.chance(0.12);
  const parties = Array.from({ length: group ? rng.int(3, 6) : rng.int(1, 2) }, () => personName(rng));
  const place = rng.pick(county.villages);
  const values = {
    place,
    who: parties[0]!,
    subject: subject.word,
    detail,
    n: group ? rng.int(5, 60) : rng.int(2, 12),
    year: 2016 + rng.int(0, 9),
    amount: rng.int(2, 800),
    demand: rng.pick(v.demands),
    source: rng.pick(['市委政法委', '县信访局', '12345热线', '县委领导批示', '上级督办']),
  };
  const title = fill(rng.pick(v.titleTemplates), values).slice(0, 100);
  const sentences = rng.int(1, 3);
  let summary = '';
  for (let i = 0; i < sentences; i++) summary += fill(rng.pick(v.summaryTemplates), values);
  return { title, summary, parties };
}

interface Batch {
  cases: Record<string, unknown[]>;
  parties: Record<string, unknown[]>;
  events: Record<string, unknown[]>;
  count: number;
}

const caseCols = {
  tenant_id: 'text', id: 'uuid', kind: 'text', doc_no: 'text', doc_year: 'int4', doc_seq: 'int4', title: 'text', summary: 'text', source: 'text', urgency: 'text',
  status: 'text', is_key: 'bool', lead_leader_id: 'uuid', handler_name: 'text', handler_phone: 'text', resolution_plan: 'text', deadline: 'date', lead_unit_id: 'uuid',
  cooperating_unit_ids: 'uuid[]', scope_org_ids: 'uuid[]', result_report: 'text', registered_by: 'uuid', registered_at: 'timestamptz', received_on: 'date', assigned_at: 'timestamptz',
  closed_at: 'timestamptz', next_dispatch_on: 'date', next_report_on: 'date', last_dispatch_on: 'date', search_grams: 'text[]', party_names: 'text[]', version: 'int4', updated_at: 'timestamptz',
} as const;
const benchVault = openBenchVault();

const partyCols = { tenant_id: 'text', id: 'uuid', case_id: 'uuid', role: 'text', name: 'text', id_number: 'text', id_number_index: 'text', phone: 'text', phone_index: 'text', address: 'text' } as const;
const eventCols = {
  tenant_id: 'text', case_id: 'uuid', at: 'timestamptz', actor_id: 'uuid', actor_name: 'text', actor_org_id: 'uuid', type: 'text', from_status: 'text', to_status: 'text', comment: 'text', data: 'jsonb',
} as const;

function emptyBatch(): Batch {
  const cols = (c: object) => Object.fromEntries(Object.keys(c).map((k) => [k, [] as unknown[]]));
  return { cases: cols(caseCols), parties: cols(partyCols), events: cols(eventCols), count: 0 };
}

/** `insert into table (cols) select … from unnest($1::text[], …)`; array-typed columns travel as literals. */
function insertSql(table: string, cols: Record<string, string>): string {
  const names = Object.keys(cols);
  const args = names.map((n, i) => (cols[n]!.endsWith('[]') ? `$${i + 1}::text[]` : `$${i + 1}::${cols[n]}[]`));
  const select = names.map((n, i) => (cols[n]!.endsWith('[]') ? `a${i}::${cols[n]}` : `a${i}`));
  return `insert into ${table} (${names.join(', ')}) select ${select.join(', ')} from unnest(${args.join(', ')}) as t(${names.map((_, i) => `a${i}`).join(', ')})`;
}

async function flush(raw: Raw, b: Batch): Promise<void> {
  if (b.count === 0) return;
  const params = (data: Record<string, unknown[]>) => Object.values(data).map((col) => arrayLiteral(col as never));
  const t0 = performance.now();
  if (process.env.BENCH_DEBUG === 'explain') console.log((await raw.query(`explain (analyze, buffers) ${insertSql('kernel.cases', caseCols)}`, params(b.cases))).rows.map((r) => r['QUERY PLAN']).join('\n'));
  else await raw.query(insertSql('kernel.cases', caseCols), params(b.cases));
  const t1 = performance.now();
  await raw.query(insertSql('kernel.case_parties', partyCols), params(b.parties));
  const t2 = performance.now();
  await raw.query(insertSql('kernel.case_events', eventCols), params(b.events));
  if (process.env.BENCH_DEBUG) console.log(`flush ${b.count}: cases ${(t1 - t0).toFixed(0)} ms, parties ${(t2 - t1).toFixed(0)} ms, events ${(performance.now() - t2).toFixed(0)} ms`);
}

const lifecycle: { type: string; from: string | null; to: string }[] = [
  { type: 'register', from: null, to: 'registered' },
  { type: 'submitForApproval', from: 'registered', to: 'pending_approval' },
  { type: 'approve', from: 'pending_approval', to: 'approved' },
  { type: 'assign', from: 'approved', to: 'assigned' },
  { type: 'acknowledge', from: 'assigned', to: 'in_progress' },
  { type: 'submitResult', from: 'in_progress', to: 'submitted' },
  { type: 'review', from: 'submitted', to: 'closed' },
  { type: 'archive', from: 'closed', to: 'archived' },
];
const stepOf: Record<string, number> = Object.fromEntries(lifecycle.map((s, i) => [s.to, i]));

export interface GenStats {
  cases: number;
  parties: number;
  events: number;
  open: number;
  overdue: number;
  dispatchDue: number;
}

async function generateCounty(target: Target, county: County, today: number, stats: GenStats, inflight: Set<Promise<void>>): Promise<void> {
  const rng = new Rng(seedOf('cases', county.index));
  const n = county.cases;
  // Received dates and kinds first, sorted, so document numbers follow the order of receipt.
  const plan = Array.from({ length: n }, () => ({ age: receivedAge(rng), minutes: rng.int(8 * 60, 18 * 60), kind: rng.weighted(Object.fromEntries(Object.entries(caseKinds).map(([k, x]) => [k, x.weight])) as Record<KindKey, number>) }));
  plan.sort((a, b) => b.age - a.age || a.minutes - b.minutes);
  const seqs = new Map<string, number>();
  const unitWeights = Object.fromEntries(county.units.map((u) => [u.id, u.weight]));
  const leader = county.users.find((u) => u.id === county.leaderId)!;
  const supervisor = county.users.find((u) => u.id === county.supervisorId)!;
  const liaisonOf = new Map(county.users.filter((u) => u.role === 'liaison').map((u) => [u.orgId, u]));
  // A case's scope organisations: every organisation on its units' paths (kernel migration 0014).
  const pathOf = new Map(county.orgs.map((o) => [o.id, o.path]));
  const scopeOf = (units: string[]) => [...new Set(units.flatMap((u) => pathOf.get(u)!.split('/').filter(Boolean)))].sort();
  const batchSize = target.engine === 'pglite' ? 1000 : 2000;
  let b = emptyBatch();

  const send = async (batch: Batch) => {
    while (inflight.size >= target.parallel) await Promise.race(inflight);
    const p = flush(target.raw, batch).finally(() => inflight.delete(p));
    inflight.add(p);
  };

  for (const p of plan) {
    const day = today - p.age;
    const year = new Date(day * DAY).getUTCFullYear();
    const seqKey = `${p.kind}:${year}`;
    const seq = (seqs.get(seqKey) ?? 0) + 1;
    seqs.set(seqKey, seq);
    const docNo = formatDocNumber({ abbr: county.abbr, kindWord: caseKinds[p.kind].word, year, seq });
    const urgency = rng.weighted(urgencyWeights);
    const status = statusFor(rng, p.age);
    const text = matterText(rng, county);
    const id = rng.uuid();
    const registeredAt = stampOf(day, p.minutes);
    const step = stepOf[status]!;
    const assigned = step >= stepOf.assigned!;
    const hasFourFixes = step >= stepOf.approved!;
    const leadUnit = hasFourFixes ? rng.weighted(unitWeights) : null;
    const coop = hasFourFixes && rng.chance(0.3) ? [...new Set([rng.weighted(unitWeights), rng.weighted(unitWeights)])].filter((u) => u !== leadUnit).slice(0, rng.int(1, 2)) : [];
    const assignDay = Math.min(today, day + rng.int(1, 5));
    const deadlineDay = assignDay + handleDays[urgency] + rng.int(-5, 15);
    const open = ['assigned', 'in_progress', 'submitted'].includes(status);
    const closedDay = Math.min(today, assignDay + Math.max(3, Math.round((deadlineDay - assignDay) * (0.3 + rng.next() * 0.9))));
    let lastDispatch: number | null = null;
    let nextDispatch: number | null = null;
    let nextReport: number | null = null;
    if (open) {
      // The last dispatch meeting somewhere after assignment; some are late (due).
      const every = dispatchEvery[urgency];
      lastDispatch = today - rng.int(0, Math.min(every * 2, Math.max(0, today - assignDay)));
      if (lastDispatch < assignDay) lastDispatch = assignDay;
      nextDispatch = lastDispatch + every;
      nextReport = today - rng.int(-reportEvery[urgency], Math.round(reportEvery[urgency] / 2));
      stats.open++;
      if (deadlineDay < today) stats.overdue++;
      if (nextDispatch <= today) stats.dispatchDue++;
    }
    const c = b.cases;
    c.tenant_id!.push(county.id);
    c.id!.push(id);
    c.kind!.push(p.kind);
    c.doc_no!.push(docNo);
    c.doc_year!.push(year);
    c.doc_seq!.push(seq);
    c.title!.push(text.title);
    c.summary!.push(text.summary);
    c.source!.push(rng.weighted(sourceWeights));
    c.urgency!.push(urgency);
    c.status!.push(status);
    c.is_key!.push(rng.chance(0.08));
    c.lead_leader_id!.push(hasFourFixes ? leader.id : null);
    c.handler_name!.push(hasFourFixes ? personName(rng) : null);
    c.handler_phone!.push(hasFourFixes ? phone(rng) : null);
    c.resolution_plan!.push(hasFourFixes ? rng.pick(v.resolutionPlans) : null);
    c.deadline!.push(hasFourFixes ? isoOf(deadlineDay) : null);
    c.lead_unit_id!.push(leadUnit);
    c.cooperating_unit_ids!.push(arrayLiteral(coop));
    c.scope_org_ids!.push(arrayLiteral(scopeOf(leadUnit ? [leadUnit, ...coop] : coop)));
    c.result_report!.push(step >= stepOf.submitted! ? rng.pick(v.resultReports) : null);
    c.registered_by!.push(supervisor.id);
    c.registered_at!.push(registeredAt);
    c.received_on!.push(isoOf(day));
    c.assigned_at!.push(assigned ? stampOf(assignDay, rng.int(9 * 60, 17 * 60)) : null);
    c.closed_at!.push(step >= stepOf.closed! ? stampOf(closedDay, rng.int(9 * 60, 17 * 60)) : null);
    c.next_dispatch_on!.push(nextDispatch === null ? null : isoOf(nextDispatch));
    c.next_report_on!.push(nextReport === null ? null : isoOf(nextReport));
    c.last_dispatch_on!.push(lastDispatch === null ? null : isoOf(lastDispatch));
    c.search_grams!.push(arrayLiteral(tenantGrams(county.id, documentGrams(text.title, text.summary, docNo, ...text.parties))));
    // In name order, as the kernel stores them (the names are all in the BMP, where the
    // code units' order is PostgreSQL's C.UTF-8 order).
    c.party_names!.push(arrayLiteral([...text.parties].sort()));
    c.version!.push(step + 1);
    c.updated_at!.push(registeredAt);

    for (const name of text.parties) {
      const pp = b.parties;
      pp.tenant_id!.push(county.id);
      pp.id!.push(rng.uuid());
      pp.case_id!.push(id);
      pp.role!.push('party');
      pp.name!.push(name);
      // Sealed as the kernel stores them (kernel/src/vault), under the test data key the
      // bench's server is started with.
      const idNo = rng.chance(0.6) ? idNumber(rng, county.id) : null;
      const tel = rng.chance(0.6) ? phone(rng) : null;
      pp.id_number!.push(idNo ? benchVault.seal(idNo) : null);
      pp.id_number_index!.push(idNo ? benchVault.index('id_number', idNo) : null);
      pp.phone!.push(tel ? benchVault.seal(tel) : null);
      pp.phone_index!.push(tel ? benchVault.index('phone', tel) : null);
      pp.address!.push(rng.chance(0.5) ? `${county.name}${rng.pick(county.villages)}${rng.int(1, 99)}号` : null);
      stats.parties++;
    }

    // The timeline: the lifecycle steps reached, with progress reports and dispatches
    // while open, between 3 and 8 events in all.
    const steps = lifecycle.slice(0, step + 1);
    const events: { type: string; from: string | null; to: string; comment: string; actor: typeof leader; data: Record<string, unknown> }[] = [];
    for (const s of steps) {
      const actor = ['acknowledge', 'submitResult'].includes(s.type) && leadUnit ? (liaisonOf.get(leadUnit) ?? supervisor) : s.type === 'approve' || s.type === 'review' ? leader : supervisor;
      events.push({ type: s.type, from: s.from, to: s.to, comment: '', actor, data: s.type === 'register' ? { docNo } : {} });
      if (s.type === 'approve') events.push({ type: 'setFourFixes', from: 'approved', to: 'approved', comment: '', actor: supervisor, data: { deadline: isoOf(deadlineDay), leadUnitId: leadUnit } });
      if (s.type === 'acknowledge') {
        const extra = rng.int(0, 3);
        for (let k = 0; k < extra && events.length < 7; k++) {
          const progress = rng.chance(0.5);
          events.push({ type: progress ? 'reportProgress' : 'dispatch', from: 'in_progress', to: 'in_progress', comment: rng.pick(v.progressNotes), actor: progress ? (liaisonOf.get(leadUnit!) ?? supervisor) : supervisor, data: {} });
        }
      }
    }
    while (events.length < 3) events.push({ type: 'update', from: status, to: status, comment: '', actor: supervisor, data: { changed: ['summary'] } });
    events.length = Math.min(events.length, 8);
    const end = step >= stepOf.closed! ? closedDay : open ? today : day + 3;
    for (let k = 0; k < events.length; k++) {
      const e = events[k]!;
      const eDay = Math.min(today, day + Math.floor(((end - day) * k) / Math.max(1, events.length - 1)));
      const ev = b.events;
      ev.tenant_id!.push(county.id);
      ev.case_id!.push(id);
      ev.at!.push(stampOf(eDay, p.minutes + k));
      ev.actor_id!.push(e.actor.id);
      ev.actor_name!.push(e.actor.name);
      ev.actor_org_id!.push(e.actor.orgId);
      ev.type!.push(e.type);
      ev.from_status!.push(e.from);
      ev.to_status!.push(e.to);
      ev.comment!.push(e.comment);
      ev.data!.push(JSON.stringify(e.data));
      stats.events++;
    }
    stats.cases++;
    b.count++;
    if (b.count >= batchSize) {
      await send(b);
      b = emptyBatch();
    }
  }
  await send(b);
}

// ---------------------------------------------------------------- load

async function loadOrgsAndUsers(target: Target, province: County[], passwordHash: string): Promise<void> {
  const raw = target.raw;
  const tenants = { id: [] as string[], name: [] as string[], short: [] as string[], abbr: [] as string[] };
  for (const c of province) {
    tenants.id.push(c.id);
    tenants.name.push(c.name);
    tenants.short.push(c.name.replace(/[县区市]$/, ''));
    tenants.abbr.push(c.abbr);
  }
  await raw.query(`insert into kernel.tenants (id, name, short_name, doc_abbr) select * from unnest($1::text[], $2::text[], $3::text[], $4::text[])`, [
    arrayLiteral(tenants.id), arrayLiteral(tenants.name), arrayLiteral(tenants.short), arrayLiteral(tenants.abbr),
  ]);
  const o = { t: [] as string[], id: [] as string[], parent: [] as (string | null)[], name: [] as string[], kind: [] as string[], level: [] as string[], path: [] as string[], order: [] as number[] };
  for (const c of province) {
    for (const r of c.orgs) {
      o.t.push(c.id); o.id.push(r.id); o.parent.push(r.parentId); o.name.push(r.name); o.kind.push(r.kind); o.level.push(r.level); o.path.push(r.path); o.order.push(r.order);
    }
  }
  await raw.query(
    `insert into kernel.orgs (tenant_id, id, parent_id, name, kind, level, path, sort_order) select * from unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int4[])`,
    [o.t, o.id, o.parent, o.name, o.kind, o.level, o.path, o.order].map((a) => arrayLiteral(a)),
  );
  // Built-in roles as the kernel defines them; kernel.prepare() then adds plugin permissions.
  const r = { t: [] as string[], key: [] as string[], name: [] as string[], desc: [] as string[], perms: [] as string[] };
  for (const c of province) {
    for (const role of builtinRoles) {
      r.t.push(c.id); r.key.push(role.key); r.name.push(role.name); r.desc.push(role.description); r.perms.push(arrayLiteral([...role.permissions].sort()));
    }
  }
  await raw.query(
    `insert into kernel.roles (tenant_id, key, name, description, builtin, permissions) select t, k, n, d, true, p::text[] from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) as x(t, k, n, d, p)`,
    [r.t, r.key, r.name, r.desc, r.perms].map((a) => arrayLiteral(a)),
  );
  const u = { t: [] as string[], id: [] as string[], org: [] as string[], username: [] as string[], name: [] as string[], role: [] as string[] };
  for (const c of province) {
    for (const x of c.users) {
      u.t.push(c.id); u.id.push(x.id); u.org.push(x.orgId); u.username.push(x.username); u.name.push(x.name); u.role.push(x.role);
    }
  }
  await raw.query(
    `insert into kernel.users (tenant_id, id, org_id, username, display_name, password_hash) select t, i, o, un, dn, $6 from unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::text[]) as x(t, i, o, un, dn)`,
    [...[u.t, u.id, u.org, u.username, u.name].map((a) => arrayLiteral(a)), passwordHash],
  );
  await raw.query(
    `insert into kernel.user_roles (tenant_id, user_id, role_id) select x.t, x.i, r.id from unnest($1::text[], $2::uuid[], $3::text[]) as x(t, i, k) join kernel.roles r on r.tenant_id = x.t and r.key = x.k`,
    [u.t, u.id, u.role].map((a) => arrayLiteral(a)),
  );
}

interface Captured {
  indexes: { name: string; def: string }[];
  constraints: { table: string; name: string; def: string }[];
}

const loadTables = ['kernel.cases', 'kernel.case_parties', 'kernel.case_events'];

async function dropSecondary(raw: Raw): Promise<Captured> {
  const regs = loadTables.map((t) => `'${t}'::regclass`).join(', ');
  const constraints = (
    await raw.query<{ table: string; name: string; def: string }>(
      `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def from pg_constraint where conrelid in (${regs}) and contype in ('u', 'f') order by contype desc`,
    )
  ).rows;
  const indexes = (
    await raw.query<{ name: string; def: string }>(
      `select i.relname as name, pg_get_indexdef(i.oid) as def from pg_index x join pg_class i on i.oid = x.indexrelid where x.indrelid in (${regs}) and not x.indisprimary and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`,
    )
  ).rows;
  for (const c of constraints) await raw.query(`alter table ${c.table} drop constraint ${c.name}`);
  for (const i of indexes) await raw.query(`drop index kernel.${i.name}`);
  return { indexes, constraints };
}

async function restoreSecondary(raw: Raw, captured: Captured, engine: EngineKey, log: (s: string) => void): Promise<void> {
  await raw.query(`set maintenance_work_mem = '${engine === 'pglite' ? '256MB' : '1GB'}'`);
  for (const i of captured.indexes) {
    const t0 = Date.now();
    await raw.query(i.def);
    log(`  index ${i.name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  // Unique constraints before foreign keys.
  for (const c of [...captured.constraints].sort((a, b) => Number(a.def.startsWith('FOREIGN')) - Number(b.def.startsWith('FOREIGN')))) {
    const t0 = Date.now();
    await raw.query(`alter table ${c.table} add constraint ${c.name} ${c.def}`);
    log(`  constraint ${c.name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

export interface GenerateResult {
  target: Target;
  meta: BenchMeta;
  generated: boolean;
}

/** Opens (and when needed fills) the benchmark database of a size. */
export async function ensureGenerated(engine: EngineKey, size: SizeKey, log: (s: string) => void = console.log, opts: { force?: boolean } = {}): Promise<GenerateResult> {
  let target = await openTarget(engine, size);
  const existing = await readMeta(target.raw).catch(() => null);
  if (!opts.force && existing && existing.generatorVersion === GENERATOR_VERSION && existing.size === size) {
    // Plugins installed since the generation bring their own migrations and permissions; a
    // migration the database already ran must still be the same code (schema-fingerprint.ts).
    const kernel = createKernel({ vault: benchVault, database: target.database, plugins: await loadInstalledPlugins() });
    const current = schemaFingerprint(kernel.host.migrationSets);
    const stale = staleMigrations(existing.migrations, current);
    if (stale.length === 0) {
      log(`reusing ${engine} ${size} database (${existing.cases.toLocaleString()} matters, generated ${existing.completedAt})`);
      const { applied } = await kernel.migrate();
      if (applied.length) {
        // As after the generation: the state autovacuum keeps a running install's tables in
        // (a migration that rewrote rows left their old versions behind).
        await target.raw.query('vacuum (analyze)');
        await writeMeta(target.raw, { ...existing, migrations: current });
        log(`applied ${applied.length} newer migration(s), then vacuum (analyze)`);
      }
      await kernel.prepare();
      return { target, meta: existing, generated: false };
    }
    log(`not reusing the ${engine} ${size} database: migrations changed since it was generated (${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ', …' : ''}); generating afresh`);
  }
  await target.close();
  target = await openTarget(engine, size, { fresh: true });
  const meta = await generateInto(target, size, log);
  return { target, meta, generated: true };
}

export async function generateInto(target: Target, size: SizeKey, log: (s: string) => void): Promise<BenchMeta> {
  const t0 = Date.now();
  const total = sizes[size];
  const kernel = createKernel({ vault: benchVault, database: target.database, plugins: await loadInstalledPlugins() });
  await kernel.migrate();
  const migrations = schemaFingerprint(kernel.host.migrationSets);
  log(`migrated (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const province = buildProvince(total);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await loadOrgsAndUsers(target, province, passwordHash);
  await kernel.prepare();
  for (const c of province) {
    await appendAudit(target.database.db, { tenantId: c.id, userId: null, userName: '系统初始化', ip: null, userAgent: null }, {
      action: 'tenants.create',
      targetType: 'tenant',
      targetId: c.id,
      detail: { name: c.name, generatedBy: 'zhengfa-bench' },
    });
  }
  log(`province: ${province.length} counties, ${province.reduce((s, c) => s + c.orgs.length, 0)} orgs, ${province.reduce((s, c) => s + c.users.length, 0)} users`);

  const captured = await dropSecondary(target.raw);
  // The tallies' row trigger is off for the bulk load; the counters are rebuilt once at the
  // end. The scope organisations come with the rows, so their trigger is off too.
  await target.raw.query('alter table kernel.cases disable trigger case_tallies_sync_write');
  await target.raw.query('alter table kernel.cases disable trigger case_scope_orgs_insert');
  const today = todayDay();
  const stats: GenStats = { cases: 0, parties: 0, events: 0, open: 0, overdue: 0, dispatchDue: 0 };
  const inflight = new Set<Promise<void>>();
  const tLoad = Date.now();
  let lastLog = Date.now();
  for (const county of province) {
    await generateCounty(target, county, today, stats, inflight);
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      const rate = stats.cases / ((Date.now() - tLoad) / 1000);
      log(`  ${stats.cases.toLocaleString()} / ${total.toLocaleString()} matters (${Math.round(rate).toLocaleString()}/s)`);
    }
  }
  await Promise.all(inflight);
  log(`loaded ${stats.cases.toLocaleString()} matters, ${stats.parties.toLocaleString()} parties, ${stats.events.toLocaleString()} events in ${((Date.now() - tLoad) / 1000).toFixed(1)} s`);
  const tIdx = Date.now();
  await restoreSecondary(target.raw, captured, target.engine, log);
  log(`indexes and constraints rebuilt in ${((Date.now() - tIdx) / 1000).toFixed(1)} s`);
  await target.raw.query(
    `insert into kernel.doc_counters (tenant_id, kind, year, last_no) select tenant_id, kind, doc_year, max(doc_seq) from kernel.cases group by tenant_id, kind, doc_year`,
  );
  await target.raw.query('alter table kernel.cases enable trigger case_tallies_sync_write');
  await target.raw.query('alter table kernel.cases enable trigger case_scope_orgs_insert');
  await rebuildCaseTallies(target.database.db);
  // The scope organisations written with the rows are what the kernel's trigger would have
  // computed (checked on a sample: the trigger's function asks the organisation tree per row).
  const wrongScopes = (
    await target.raw.query<{ n: number }>(
      `select count(*)::int as n from (select * from kernel.cases order by id limit 5000) as c where c.scope_org_ids is distinct from array_remove(kernel.case_scopes(c::kernel.cases), null)`,
    )
  ).rows[0]!.n;
  if (wrongScopes) throw new Error(`generator: ${wrongScopes} of 5,000 sampled matters have scope organisations other than the kernel's`);
  // The state a running install keeps its tables in: autovacuum on PostgreSQL, the kernel's
  // nightly VACUUM (ANALYZE) on PGlite (system/nightly-vacuum.ts).
  await target.raw.query('vacuum (analyze)');
  const meta: BenchMeta = {
    size,
    cases: stats.cases,
    generatorVersion: GENERATOR_VERSION,
    migrations,
    completedAt: new Date().toISOString(),
    seconds: Math.round((Date.now() - t0) / 100) / 10,
    counts: { ...stats, counties: province.length, orgs: province.reduce((s, c) => s + c.orgs.length, 0), users: province.reduce((s, c) => s + c.users.length, 0) },
  };
  await writeMeta(target.raw, meta);
  log(`generated ${size} in ${meta.seconds} s`);
  return meta;
}
