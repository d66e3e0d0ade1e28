// Importing historical Excel ledgers (历史台账导入) in two steps:
//
// 1. check (the dry run): the upload passes the zip guard, its first sheet is streamed,
//    the header row found (template headers, their common synonyms, or the officer's
//    mapping), and every row under it sorted into skipped (blank, 合计/小计, titles, notes),
//    bad (every problem, naming row and column) and good. The parsed data rows are kept in
//    petitions.import_rows for 24 hours, owned by the officer; nothing else is written: no
//    matter, no visit, no kernel case. The report counts rows read, good, bad by reason,
//    skipped, the matters the good rows form (repeat visits of one person on one issue
//    become visits of one matter) and their person-visits.
// 2. confirm: the kept rows are checked again (units, aliases and permissions may have
//    changed since) and registered through registerPetition, the one registration path —
//    a new matter (one kernel case) for each group's first row, the others as repeat visits
//    (linkToMatterId), with the row's import key so that re-importing never duplicates — and
//    the outcome the ledger records (息访, 化解 …) through concludeImported. Matters are
//    written in batches of about BATCH rows, one transaction per batch; when a batch fails
//    its matters are retried one by one, so one bad matter costs only its own rows. The kept
//    rows are then deleted.
//
// Between the two, the officer may map unknown unit names to units (mapUnit): the county's
// alias table remembers them for every later import, and the report is recomputed from the
// kept rows without sending the file again.
import { createHash } from 'node:crypto';
import { badRequest, forbidden, notFound, sql, type AuthedContext, type JobContext } from '@zhengfa/plugin-api';
import ExcelJS from 'exceljs';
import { chinaToday } from '../matters/dates.js';
import { concludeImported } from '../matters/handling.js';
import { registerPetition, type RegisterPetitionResult } from '../matters/register.js';
import { importStrings as s, matterStrings } from '../strings.js';
import { importFields, requiredFields, resolveColumns, type ImportField, type MappingInput, type ResolvedColumns, type Resolution } from './columns.js';
import { planMatters, type MatterPlan } from './repeats.js';
import { checkRow, isGood, skippedCount, splitRows, type BadRow, type DataRow, type GoodRow, type ProblemCode, type SkippedRow } from './rows.js';
import { MAX_BYTES, readSheet } from './sheet.js';
import { loadAliases, UnitIndex, unitKey } from './units.js';
import { own, type PetitionsDb } from '../db.js';

export const BATCH = 50;
/** How long a dry run's parsed rows are kept for confirm. */
export const KEEP_HOURS = 24;

export interface ImportFile {
  fileName: string;
  base64: string;
}

export interface CheckReport {
  importId: string;
  fileName: string;
  /** The row of the sheet holding the headers (1 unless a title row sits above it). */
  headerRow: number;
  /** Which column of the sheet feeds which field. */
  columns: { field: ImportField; header: string }[];
  /** When the kept rows expire (confirm must come before). */
  expiresAt: string;
  /** Rows read: every row under the header down to the last filled one. */
  totalRows: number;
  /** Rows confirm will import: valid, not repeated in the file, not imported before. */
  goodRows: number;
  badRows: number;
  /** Not petitions (blank, 合计/小计, titles, notes), identical repeats in the file, imported before. */
  skippedRows: number;
  /** Person-visits (人次) of the good rows. */
  personVisits: number;
  /** New matters the good rows open; the other good rows are repeat visits. */
  newMatters: number;
  repeatVisits: number;
  /** Good rows that carry an outcome (息访, 化解, 终结, 核销). */
  outcomes: number;
  /** Bad rows by reason (a row with two problems counts under both). */
  badByReason: { code: ProblemCode; name: string; rows: number }[];
  /** Every bad row with all its reasons, in sheet order. */
  errors: BadRow[];
  /** Every skipped row (a run of blank rows as one entry) with its reason. */
  skipped: (SkippedRow & { reason: string; text: string })[];
  /** Valid rows that repeat an earlier row of the same file exactly (imported once). */
  duplicates: { row: number; sameAs: number; reason: string }[];
  /** Valid rows imported before (by this or another file). */
  alreadyImported: number[];
  /** Unit names no unit or alias answers, with their rows: what the officer may map. */
  unknownUnits: { name: string; rows: number[]; ambiguous: boolean }[];
}

export interface ConfirmReport {
  importId: string;
  /** Rows registered (new matters and repeat visits). */
  imported: number;
  newMatters: number;
  repeatVisits: number;
  outcomes: number;
  alreadyImported: number;
  duplicatesInFile: number;
  badRows: number;
  skippedRows: number;
  /** Rows refused when registered (e.g. a unit disabled since), with the reason. */
  failed: { row: number; reason: string }[];
}

interface ImportRecord {
  id: string;
  file_name: string;
  status: 'checked' | 'importing' | 'imported';
  expired: boolean;
  mapping: { columns: Partial<Record<ImportField, string>>; headerRow: number };
  summary: { rowsRead: number; skipped: SkippedRow[]; resolved: ResolvedColumns };
  expires_at: Date | string;
}

function json<T>(v: T | string): T {
  return typeof v === 'string' ? (JSON.parse(v) as T) : v;
}

function decode(file: { base64: string }): { buffer: Buffer; sha256: string } {
  const buffer = Buffer.from(file.base64, 'base64');
  if (buffer.length === 0) throw badRequest(s.fileEmpty);
  if (buffer.length > MAX_BYTES) throw badRequest(s.fileTooLarge);
  return { buffer, sha256: createHash('sha256').update(buffer).digest('hex') };
}

function requireCommittee(ctx: AuthedContext): void {
  // Imported rows are registered as petitions, which only the committee registers.
  if (!ctx.user.committee) throw forbidden(matterStrings.registerCommitteeOnly);
}

interface Evaluation {
  bad: BadRow[];
  fresh: GoodRow[];
  duplicates: { row: number; sameAs: number }[];
  already: GoodRow[];
  plans: MatterPlan[];
  unknownUnits: CheckReport['unknownUnits'];
}

async function unitIndex(ctx: AuthedContext, db: PetitionsDb): Promise<UnitIndex> {
  return new UnitIndex(await ctx.kernel.orgs.list({ db }), await loadAliases(db, ctx.tenant.id), ctx.tenant.name);
}

/** Checks the kept rows against today's units, aliases and permissions, and plans the matters. */
async function evaluate(ctx: AuthedContext, db: PetitionsDb, columns: ResolvedColumns, data: DataRow[]): Promise<Evaluation> {
  const units = await unitIndex(ctx, db);
  const rules = { columns, units, today: chinaToday(ctx.now()), canConclude: ctx.can('petitions.conclude'), canWriteOff: ctx.can('petitions.writeoff') };
  const bad: BadRow[] = [];
  const good: GoodRow[] = [];
  const duplicates: { row: number; sameAs: number }[] = [];
  const firstRowOf = new Map<string, number>();
  const unknown = new Map<string, { name: string; rows: number[]; ambiguous: boolean }>();
  for (const r of data) {
    const unitName = typeof r.cells.involvedOrg === 'string' ? r.cells.involvedOrg.trim() : '';
    if (unitName) {
      const found = units.resolve(unitName);
      if (!found || 'ambiguous' in found) {
        const key = unitKey(unitName);
        const entry = unknown.get(key) ?? { name: unitName, rows: [], ambiguous: Boolean(found) };
        entry.rows.push(r.row);
        unknown.set(key, entry);
      }
    }
    const checked = checkRow(r, rules);
    if (!isGood(checked)) {
      bad.push(checked);
      continue;
    }
    const first = firstRowOf.get(checked.importKey);
    if (first !== undefined) duplicates.push({ row: checked.row, sameAs: first });
    else {
      firstRowOf.set(checked.importKey, checked.row);
      good.push(checked);
    }
  }
  const existing = await existingKeys(db, ctx.tenant.id, good.map((g) => g.importKey));
  const fresh = good.filter((g) => !existing.has(g.importKey));
  return {
    bad,
    fresh,
    duplicates,
    already: good.filter((g) => existing.has(g.importKey)),
    plans: await planMatters(db, ctx.vault, ctx.tenant.id, fresh),
    unknownUnits: [...unknown.values()],
  };
}

async function existingKeys(db: PetitionsDb, tenantId: string, keys: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    const chunk = keys.slice(i, i + 1000);
    const r = await sql<{ import_key: string }>`select import_key from petitions.visits
      where tenant_id = ${tenantId} and import_key = any(${sql.val(chunk)}::text[])`.execute(db);
    for (const row of r.rows) out.add(row.import_key);
  }
  return out;
}

function report(rec: ImportRecord, e: Evaluation): CheckReport {
  const structural = rec.summary.skipped;
  const skipped: CheckReport['skipped'] = [
    ...structural.map((x) => ({ ...x, reason: s.skip[x.kind], text: s.skipLine(x.row, x.toRow ?? null, s.skip[x.kind]) })),
    ...e.duplicates.map((d) => ({ row: d.row, kind: 'duplicate' as const, reason: s.row.sameAs(d.sameAs), text: s.skipLine(d.row, null, s.row.sameAs(d.sameAs)) })),
    ...e.already.map((g) => ({ row: g.row, kind: 'alreadyImported' as const, reason: s.skip.alreadyImported, text: s.skipLine(g.row, null, s.skip.alreadyImported) })),
  ].sort((a, b) => a.row - b.row);
  const byReason = new Map<ProblemCode, number>();
  for (const b of e.bad) for (const code of new Set(b.codes)) byReason.set(code, (byReason.get(code) ?? 0) + 1);
  const newMatters = e.plans.filter((p) => !p.existingMatterId).length;
  return {
    importId: rec.id,
    fileName: rec.file_name,
    headerRow: rec.mapping.headerRow,
    columns: importFields.filter((f) => rec.summary.resolved[f]).map((f) => ({ field: f, header: rec.summary.resolved[f]!.header })),
    expiresAt: new Date(rec.expires_at).toISOString(),
    totalRows: rec.summary.rowsRead,
    goodRows: e.fresh.length,
    badRows: e.bad.length,
    skippedRows: structural.reduce((n, x) => n + skippedCount(x), 0) + e.duplicates.length + e.already.length,
    personVisits: e.fresh.reduce((n, g) => n + g.input.personCount, 0),
    newMatters,
    repeatVisits: e.fresh.length - newMatters,
    outcomes: e.fresh.filter((g) => g.outcome).length,
    badByReason: [...byReason].map(([code, rows]) => ({ code, name: s.reasonNames[code], rows })).sort((a, b) => b.rows - a.rows || a.code.localeCompare(b.code)),
    errors: e.bad,
    skipped,
    duplicates: e.duplicates.map((d) => ({ ...d, reason: s.row.sameAs(d.sameAs) })),
    alreadyImported: e.already.map((g) => g.row),
    unknownUnits: e.unknownUnits,
  };
}

async function loadRecord(ctx: AuthedContext, db: PetitionsDb, importId: string, opts: { lock?: boolean } = {}): Promise<ImportRecord> {
  // Owned by the officer who ran the check: another user's import is not found.
  const r = await sql<ImportRecord>`select id, file_name, status, mapping, summary, expires_at, (expires_at < now()) as expired
    from petitions.imports
    where tenant_id = ${ctx.tenant.id} and id = ${importId}::uuid and created_by = ${ctx.user.id}
    ${opts.lock ? sql`for update` : sql``}`.execute(db);
  const rec = r.rows[0];
  if (!rec) throw notFound(s.importNotFound);
  rec.mapping = json(rec.mapping);
  rec.summary = json(rec.summary);
  if (rec.status === 'imported') throw badRequest(s.importDone);
  if (rec.status === 'importing') throw badRequest(s.importBusy);
  if (rec.expired || !rec.expires_at) throw badRequest(s.importExpired);
  return rec;
}

async function keptRows(db: PetitionsDb, tenantId: string, importId: string): Promise<DataRow[]> {
  const r = await sql<{ row_no: number; cells: DataRow['cells'] | string }>`select row_no, cells from petitions.import_rows
    where tenant_id = ${tenantId} and import_id = ${importId}::uuid order by row_no`.execute(db);
  return r.rows.map((x) => ({ row: x.row_no, cells: json(x.cells) }));
}

async function storeCounts(db: PetitionsDb, tenantId: string, importId: string, rep: CheckReport): Promise<void> {
  await db.updateTable('petitions.imports').set({ bad_rows: rep.badRows }).where('tenant_id', '=', tenantId).where('id', '=', importId).execute();
}

/** The dry run: reads the file, keeps its parsed rows for confirm and reports on every row. */
export async function checkImport(ctx: AuthedContext, input: ImportFile & { mapping?: MappingInput }): Promise<CheckReport> {
  requireCommittee(ctx);
  const fileName = input.fileName.trim();
  if (!/\.xlsx$/i.test(fileName)) throw badRequest(s.fileNameXlsx);
  const { buffer, sha256 } = decode(input);
  let found: Resolution | null = null;
  let best: Resolution | null = null;
  const sheet = await readSheet(buffer, (header) => {
    const res = resolveColumns(header, input.mapping);
    if (res.missing.length === 0 && res.errors.length === 0) {
      found = res;
      return true;
    }
    if (!best || res.missing.length + res.errors.length < best.missing.length + best.errors.length) best = res;
    return false;
  });
  const resolution = found as Resolution | null;
  if (!resolution) {
    const b = best as Resolution | null;
    if (b && b.errors.length > 0 && b.missing.length === 0) throw badRequest(b.errors.join('；'));
    throw badRequest(s.noHeader(b?.missing ?? requiredFields.map((f) => s.fields[f])));
  }
  const { data, skipped, rowsRead } = splitRows(sheet.headerRow, sheet.rows, resolution.columns);
  if (data.length === 0 && skipped.length === 0) throw badRequest(s.noRows);
  const mapping = { columns: Object.fromEntries(Object.entries(resolution.columns).map(([f, c]) => [f, c!.header])), headerRow: sheet.headerRow };
  const summary = { rowsRead, skipped, resolved: resolution.columns };

  return own(ctx).transaction().execute(async (trx) => {
    const r = await sql<{ id: string; expires_at: Date }>`insert into petitions.imports
        (tenant_id, file_name, file_sha256, mapping, summary, total_rows, bad_rows, created_by, expires_at)
      values (${ctx.tenant.id}, ${fileName}, ${sha256}, ${JSON.stringify(mapping)}::jsonb, ${JSON.stringify(summary)}::jsonb,
        ${rowsRead}, 0, ${ctx.user.id}, now() + make_interval(hours => ${KEEP_HOURS}))
      returning id, expires_at`.execute(trx);
    const importId = r.rows[0]!.id;
    for (let i = 0; i < data.length; i += 500) {
      const chunk = data.slice(i, i + 500);
      await sql`insert into petitions.import_rows (tenant_id, import_id, row_no, cells)
        values ${sql.join(chunk.map((d) => sql`(${ctx.tenant.id}, ${importId}::uuid, ${d.row}, ${JSON.stringify(d.cells)}::jsonb)`))}`.execute(trx);
    }
    const rec: ImportRecord = { id: importId, file_name: fileName, status: 'checked', expired: false, mapping, summary, expires_at: r.rows[0]!.expires_at };
    const rep = report(rec, await evaluate(ctx, trx, resolution.columns, data));
    await storeCounts(trx, ctx.tenant.id, importId, rep);
    await ctx.audit.record(
      {
        action: 'petitions.import.check',
        targetType: 'petition_import',
        targetId: importId,
        detail: { fileName, sha256, totalRows: rep.totalRows, goodRows: rep.goodRows, badRows: rep.badRows, skippedRows: rep.skippedRows },
      },
      { db: trx },
    );
    return rep;
  });
}

/** The report of a kept dry run, recomputed (after a unit was mapped, say) without the file. */
export async function recheckImport(ctx: AuthedContext, input: { importId: string }): Promise<CheckReport> {
  requireCommittee(ctx);
  const rec = await loadRecord(ctx, own(ctx), input.importId);
  const rep = report(rec, await evaluate(ctx, own(ctx), rec.summary.resolved, await keptRows(own(ctx), ctx.tenant.id, rec.id)));
  await storeCounts(own(ctx), ctx.tenant.id, rec.id, rep);
  return rep;
}

/** Remembers that `name` in this county's ledgers means the unit `orgId`, then reports again. */
export async function mapUnit(ctx: AuthedContext, input: { importId: string; name: string; orgId: string }): Promise<CheckReport> {
  requireCommittee(ctx);
  const name = input.name.normalize('NFKC').trim();
  if (!name) throw badRequest(s.aliasRequired);
  await loadRecord(ctx, own(ctx), input.importId);
  const units = await unitIndex(ctx, own(ctx));
  if (units.isUnitName(name)) throw badRequest(s.aliasIsUnitName(name));
  const org = units.unit(input.orgId);
  if (!org) throw badRequest(s.aliasUnitNotFound);
  await own(ctx).transaction().execute(async (trx) => {
    await sql`insert into petitions.unit_aliases (tenant_id, alias, org_id, created_by)
      values (${ctx.tenant.id}, ${unitKey(name)}, ${org.id}::uuid, ${ctx.user.id})
      on conflict (tenant_id, alias) do update set org_id = excluded.org_id, created_by = excluded.created_by, created_at = now()`.execute(trx);
    await ctx.audit.record({ action: 'petitions.import.alias', targetType: 'petition_import', targetId: input.importId, detail: { alias: unitKey(name), orgId: org.id, orgName: org.name } }, { db: trx });
  });
  return recheckImport(ctx, { importId: input.importId });
}

/** The county's alias table, with the unit each alias names. */
export async function listAliases(ctx: AuthedContext) {
  requireCommittee(ctx);
  const units = await unitIndex(ctx, own(ctx));
  return (await loadAliases(own(ctx), ctx.tenant.id)).map((a) => ({ alias: a.alias, orgId: a.org_id, orgName: units.unit(a.org_id)?.name ?? null }));
}

export async function removeAlias(ctx: AuthedContext, input: { alias: string }) {
  requireCommittee(ctx);
  return own(ctx).transaction().execute(async (trx) => {
    const r = await trx
      .deleteFrom('petitions.unit_aliases')
      .where('tenant_id', '=', ctx.tenant.id)
      .where('alias', '=', unitKey(input.alias))
      .returning('org_id')
      .executeTakeFirst();
    if (!r) throw notFound(s.aliasNotFound);
    await ctx.audit.record({ action: 'petitions.import.alias.remove', detail: { alias: unitKey(input.alias), orgId: r.org_id } }, { db: trx });
    return { removed: true };
  });
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

interface Written {
  imported: number;
  newMatters: number;
  repeatVisits: number;
  outcomes: number;
  skipped: number;
}

/** Registers one matter's rows (and its outcome) in `trx`. */
async function writeMatter(ctx: AuthedContext, trx: PetitionsDb, importId: string, plan: MatterPlan, historical: boolean): Promise<Written> {
  const w: Written = { imported: 0, newMatters: 0, repeatVisits: 0, outcomes: 0, skipped: 0 };
  let matterId = plan.existingMatterId;
  for (const g of plan.rows) {
    const res: RegisterPetitionResult = await registerPetition(ctx, { ...g.input, historical, linkToMatterId: matterId }, { db: trx });
    if (res.duplicate) {
      w.skipped += 1;
      continue;
    }
    matterId = res.matterId;
    w.imported += 1;
    if (res.repeat) w.repeatVisits += 1;
    else w.newMatters += 1;
  }
  // The ledger's latest outcome of the matter, as the petition office records one.
  const withOutcome = plan.rows.filter((g) => g.outcome).sort((a, b) => (a.outcome!.on < b.outcome!.on ? -1 : a.outcome!.on > b.outcome!.on ? 1 : a.row - b.row));
  const last = withOutcome.at(-1)?.outcome;
  if (matterId && last && w.imported > 0) {
    const m = await trx.selectFrom('petitions.matters').select(['version', 'outcome']).where('tenant_id', '=', ctx.tenant.id).where('id', '=', matterId).executeTakeFirst();
    if (m && !m.outcome) {
      await concludeImported(ctx, { id: matterId, version: m.version, outcome: last.outcome, note: last.note, on: last.on }, { db: trx });
      w.outcomes += 1;
    }
  }
  if (w.imported > 0) {
    await trx
      .updateTable('petitions.imports')
      .set((eb) => ({ imported_rows: eb('imported_rows', '+', w.imported) }))
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', importId)
      .execute();
  }
  return w;
}

/**
 * Imports the kept rows of a dry run. `historical` (default true): rows are past petitions,
 * registered as concluded kernel cases with no statutory clocks or reminders, with the
 * outcome the ledger records; false registers them as open matters.
 */
export async function confirmImport(ctx: AuthedContext, input: { importId: string; historical?: boolean }): Promise<ConfirmReport> {
  const historical = input.historical ?? true;
  requireCommittee(ctx);
  // Claim the import, so two confirms of one check never both run.
  const rec = await own(ctx).transaction().execute(async (trx) => {
    const r = await loadRecord(ctx, trx, input.importId, { lock: true });
    await trx.updateTable('petitions.imports').set({ status: 'importing' }).where('tenant_id', '=', ctx.tenant.id).where('id', '=', r.id).execute();
    return r;
  });
  try {
    const e = await evaluate(ctx, own(ctx), rec.summary.resolved, await keptRows(own(ctx), ctx.tenant.id, rec.id));
    const total: Written = { imported: 0, newMatters: 0, repeatVisits: 0, outcomes: 0, skipped: 0 };
    const add = (w: Written) => {
      for (const k of Object.keys(total) as (keyof Written)[]) total[k] += w[k];
    };
    const failed: { row: number; reason: string }[] = [];
    const batches: MatterPlan[][] = [];
    let size = BATCH;
    for (const p of e.plans) {
      if (size >= BATCH) {
        batches.push([]);
        size = 0;
      }
      batches.at(-1)!.push(p);
      size += p.rows.length;
    }
    for (const batch of batches) {
      try {
        const results = await own(ctx).transaction().execute(async (trx) => {
          const out: Written[] = [];
          for (const p of batch) out.push(await writeMatter(ctx, trx, rec.id, p, historical));
          return out;
        });
        results.forEach(add);
      } catch {
        // One matter spoiled the batch: write its matters one by one, each on its own.
        for (const p of batch) {
          try {
            add(await own(ctx).transaction().execute((trx) => writeMatter(ctx, trx, rec.id, p, historical)));
          } catch (err) {
            for (const g of p.rows) failed.push({ row: g.row, reason: messageOf(err) });
          }
        }
      }
    }
    const structural = rec.summary.skipped.reduce((n, x) => n + skippedCount(x), 0);
    const result: ConfirmReport = {
      importId: rec.id,
      imported: total.imported,
      newMatters: total.newMatters,
      repeatVisits: total.repeatVisits,
      outcomes: total.outcomes,
      alreadyImported: e.already.length + total.skipped,
      duplicatesInFile: e.duplicates.length,
      badRows: e.bad.length,
      skippedRows: structural + e.duplicates.length + e.already.length + total.skipped,
      failed: failed.sort((a, b) => a.row - b.row),
    };
    await own(ctx).transaction().execute(async (trx) => {
      // The kept personal data goes as soon as it has served.
      await trx.deleteFrom('petitions.import_rows').where('tenant_id', '=', ctx.tenant.id).where('import_id', '=', rec.id).execute();
      await trx.updateTable('petitions.imports').set({ status: 'imported', bad_rows: e.bad.length }).where('tenant_id', '=', ctx.tenant.id).where('id', '=', rec.id).execute();
      await ctx.audit.record(
        { action: 'petitions.import.confirm', targetType: 'petition_import', targetId: rec.id, detail: { ...result, failed: failed.length, historical } },
        { db: trx },
      );
    });
    return result;
  } catch (err) {
    await own(ctx).updateTable('petitions.imports').set({ status: 'checked' }).where('tenant_id', '=', ctx.tenant.id).where('id', '=', rec.id).where('status', '=', 'importing').execute();
    throw err;
  }
}

/** The background job: drops the kept rows of dry runs that expired unconfirmed (every county). */
export async function purgeExpiredImports(ctx: JobContext): Promise<number> {
  const r = await sql`delete from petitions.import_rows r using petitions.imports i
    where r.tenant_id = ${ctx.tenantId} and i.tenant_id = r.tenant_id and r.import_id = i.id and i.expires_at < ${ctx.now}`.execute(own(ctx));
  return Number(r.numAffectedRows ?? 0);
}

/** The columns an import reads: the template's header of each field and the synonyms recognised. */
export { columnDefinitions } from './columns.js';

/** The template: the expected headers on the first sheet (with drop-down lists), instructions on the second. */
export async function importTemplate(): Promise<ImportFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(s.templateSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = importFields.map((f) => s.fields[f]);
  sheet.getRow(1).values = headers;
  sheet.getRow(1).font = { bold: true };
  const widths: Record<ImportField, number> = {
    receivedOn: 12, channel: 10, personCount: 6, name: 10, idNumber: 20, phone: 15, address: 24, involvedOrg: 20,
    category: 8, content: 50, demands: 30, stopped: 8, outcome: 10, outcomeOn: 12,
  };
  importFields.forEach((f, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = widths[f];
    // ID numbers and phones as text, so Excel keeps all 18 digits and the leading 0.
    if (f === 'idNumber' || f === 'phone') col.numFmt = '@';
    if (f === 'receivedOn' || f === 'outcomeOn') col.numFmt = 'yyyy-mm-dd';
  });
  const list = (f: ImportField, values: string[]) => {
    const col = importFields.indexOf(f) + 1;
    for (let r = 2; r <= 1000; r += 1) {
      sheet.getCell(r, col).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`] };
    }
  };
  list('channel', ['来信', '来访', '网上', '电话', '领导信箱']);
  list('category', ['涉法', '涉诉', '其他']);
  list('stopped', ['是', '否']);
  list('outcome', ['化解', '息访', '终结', '核销']);
  const guide = workbook.addWorksheet(s.guideSheet);
  for (const line of s.guide) guide.addRow(line);
  guide.getRow(1).font = { bold: true };
  guide.getColumn(1).width = 12;
  guide.getColumn(2).width = 10;
  guide.getColumn(3).width = 70;
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: s.templateFileName, base64: Buffer.from(buffer as ArrayBuffer).toString('base64') };
}
