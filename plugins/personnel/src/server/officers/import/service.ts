// Importing a roster (干警名册导入) from xlsx, in two calls with the same file:
//
// 1. check (the dry run): the upload passes the zip guard, its first sheet is streamed, the
//    header row found (the template's headers or the synonyms rosters use), and every row
//    under it sorted into skipped (blank, 合计/小计, titles, notes, officers already in the
//    registry by officer number), bad (every problem, naming row and column) and good.
//    Nothing is written, not even the file.
// 2. confirm: the same file is checked again; when any row is bad nothing is imported and the
//    refusal names how many (the report lists them); otherwise every good row is registered
//    in one transaction with one audit row. Unlike the petition ledger (which imports its good
//    rows and keeps the dry run's rows), a roster is imported whole or not at all: a unit's
//    roster with holes would silently undercount its training figures.
import { badRequest, chinaDay, forbidden, notFound, sql, type AuthedContext } from '@zhengfa/plugin-api';
import ExcelJS from 'exceljs';
import { importStrings as s } from '../../strings.js';
import { mayUseUnit, unitScope } from '../../scope.js';
import { insertOfficer } from '../service.js';
import { importFields, isHeader, requiredFields, resolveColumns, type ImportField } from './columns.js';
import { checkRows, splitRows, type BadRow, type SkippedRow, type UnknownUnit } from './rows.js';
import { MAX_BYTES, readSheet } from './sheet.js';
import { loadAliases, UnitIndex, unitKey } from './units.js';

export interface ImportFile {
  fileName: string;
  base64: string;
}

export interface ImportReport {
  headerRow: number;
  columns: { field: ImportField; header: string }[];
  /** Rows read: every row under the header down to the last filled one. */
  totalRows: number;
  goodRows: number;
  badRows: number;
  skippedRows: number;
  bad: BadRow[];
  skipped: (SkippedRow & { reason: string })[];
  /** Unit names nothing answers, with their rows: what the political department may map as aliases. */
  unknownUnits: UnknownUnit[];
  /** Officers registered (0 on a dry run). */
  imported: number;
}

function decode(file: ImportFile): Buffer {
  if (!/\.xlsx$/i.test(file.fileName)) throw badRequest(s.fileNameXlsx);
  const buffer = Buffer.from(file.base64, 'base64');
  if (buffer.length === 0) throw badRequest(s.fileEmpty);
  if (buffer.length > MAX_BYTES) throw badRequest(s.fileTooLarge);
  return buffer;
}

async function analyse(ctx: AuthedContext, file: ImportFile) {
  const sheet = await readSheet(decode(file), isHeader);
  if (sheet.headerRow === 0) throw badRequest(s.noHeader);
  const { columns, missing } = resolveColumns(sheet.header);
  if (missing.length > 0) throw badRequest(s.missingColumns(missing));
  const scope = await unitScope(ctx);
  const units = new UnitIndex(scope.orgs, ctx.tenant.name, await loadAliases(ctx.db, ctx.tenant.id));
  const { data, skipped, rowsRead } = splitRows(sheet.headerRow, sheet.rows, columns);
  const numbers = data.map((d) => String(d.cells.officerNo ?? '').normalize('NFKC').trim()).filter(Boolean);
  const existing = await sql<{ officer_no: string }>`select officer_no from personnel.officers
    where tenant_id = ${ctx.tenant.id} and officer_no = any(${sql.val(numbers)}::text[])`.execute(ctx.db);
  const today = chinaDay(ctx.now());
  const checked = checkRows(data, { columns, units, mayUseUnit: (id) => mayUseUnit(scope, id), today }, new Set(existing.rows.map((r) => r.officer_no)));
  const allSkipped = [...skipped, ...checked.skipped].sort((a, b) => a.row - b.row);
  const report: ImportReport = {
    headerRow: sheet.headerRow,
    columns: importFields.filter((f) => columns[f]).map((f) => ({ field: f, header: columns[f]!.header })),
    totalRows: rowsRead,
    goodRows: checked.good.length,
    badRows: checked.bad.length,
    skippedRows: allSkipped.reduce((n, k) => n + (k.toRow ? k.toRow - k.row + 1 : 1), 0),
    bad: checked.bad,
    skipped: allSkipped.map((k) => ({ ...k, reason: s.skip[k.kind] })),
    unknownUnits: checked.unknownUnits,
    imported: 0,
  };
  return { report, good: checked.good };
}

/** The dry run: the report of every row; writes nothing. */
export async function checkImport(ctx: AuthedContext, file: ImportFile): Promise<ImportReport> {
  return (await analyse(ctx, file)).report;
}

/** Imports the whole roster, or nothing when any row is bad. */
export async function confirmImport(ctx: AuthedContext, file: ImportFile): Promise<ImportReport> {
  const { report, good } = await analyse(ctx, file);
  if (report.badRows > 0) throw badRequest(`${s.badRows(report.badRows)}：${report.bad.flatMap((b) => b.reasons).slice(0, 5).join('；')}`);
  if (good.length === 0) throw badRequest(s.nothingToImport);
  await ctx.db.transaction().execute(async (trx) => {
    for (const g of good) await insertOfficer(ctx, trx, g.officer);
    await ctx.audit.record(
      { action: 'personnel.officers.import', targetType: 'personnel.officer', detail: { fileName: file.fileName, imported: good.length, skipped: report.skippedRows } },
      { db: trx },
    );
  });
  return { ...report, imported: good.length };
}

/** The xlsx template with the expected headers (required ones marked *). */
export async function importTemplate(): Promise<{ fileName: string; base64: string }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(s.templateSheet);
  ws.addRow(importFields.map((f) => (requiredFields.includes(f) ? `${s.fields[f]}*` : s.fields[f])));
  // ID numbers and officer numbers as text, so Excel keeps every digit.
  for (const f of ['officerNo', 'idNumber', 'phone'] as const) ws.getColumn(importFields.indexOf(f) + 1).numFmt = '@';
  ws.columns.forEach((c) => (c.width = 16));
  return { fileName: s.templateFile, base64: Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64') };
}

export interface UnitAlias {
  alias: string;
  orgId: string;
  orgName: string | null;
}

/** The county's aliases are kept by the committee (an alias resolves for every unit's imports). */
function requireCommittee(ctx: AuthedContext): void {
  if (!ctx.user.committee) throw forbidden(s.aliasCommitteeOnly);
}

/** Remembers that `name` in this county's rosters means the active unit `orgId` (audited). */
export async function mapUnit(ctx: AuthedContext, input: { name: string; orgId: string }): Promise<UnitAlias> {
  requireCommittee(ctx);
  const name = unitKey(input.name);
  if (!name) throw badRequest(s.aliasRequired);
  const units = new UnitIndex((await unitScope(ctx)).orgs, ctx.tenant.name);
  if (units.isUnitName(name)) throw badRequest(s.aliasIsUnitName(name));
  const org = units.unit(input.orgId);
  if (!org) throw badRequest(s.aliasUnitNotFound);
  await ctx.db.transaction().execute(async (trx) => {
    await sql`insert into personnel.unit_aliases (tenant_id, alias, org_id, created_by)
      values (${ctx.tenant.id}, ${name}, ${org.id}::uuid, ${ctx.user.id})
      on conflict (tenant_id, alias) do update set org_id = excluded.org_id, created_by = excluded.created_by, created_at = now()`.execute(trx);
    await ctx.audit.record({ action: 'personnel.imports.alias', detail: { alias: name, orgId: org.id, orgName: org.name } }, { db: trx });
  });
  return { alias: name, orgId: org.id, orgName: org.name };
}

/** The county's unit aliases, with the unit each names (null: a unit disabled since). */
export async function listAliases(ctx: AuthedContext): Promise<UnitAlias[]> {
  requireCommittee(ctx);
  const units = new UnitIndex((await unitScope(ctx)).orgs, ctx.tenant.name);
  return (await loadAliases(ctx.db, ctx.tenant.id)).map((a) => ({ alias: a.alias, orgId: a.org_id, orgName: units.unit(a.org_id)?.name ?? null }));
}

/** Forgets an alias (audited). */
export async function removeAlias(ctx: AuthedContext, input: { alias: string }): Promise<{ removed: true }> {
  requireCommittee(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await sql<{ org_id: string }>`delete from personnel.unit_aliases where tenant_id = ${ctx.tenant.id} and alias = ${unitKey(input.alias)} returning org_id`.execute(trx);
    if (!r.rows[0]) throw notFound(s.aliasNotFound);
    await ctx.audit.record({ action: 'personnel.imports.alias.remove', detail: { alias: unitKey(input.alias), orgId: r.rows[0].org_id } }, { db: trx });
    return { removed: true as const };
  });
}
