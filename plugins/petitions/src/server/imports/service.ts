// Importing historical Excel ledgers (历史台账导入) in two steps:
//
// 1. check: parse the file, validate every row and store the check (file sha256, the
//    column mapping, counts) in petitions.imports. Nothing else is written: no matter, no
//    visit, no kernel case. The report lists every bad row with its reasons.
// 2. confirm: the officer sends the same file again (verified against the stored sha256;
//    the plugin keeps no copy of the uploaded personal data between the steps), its rows
//    are validated again with the stored mapping, and each good row is registered through
//    registerPetition — one kernel case per row — with importKey = sha256 of the normalised
//    row. A row already imported (by this or any earlier file) is skipped, so re-importing
//    never duplicates. Rows are written in batches of BATCH, one transaction per batch;
//    when a batch fails, its rows are retried one by one so one bad row costs only itself.
import { createHash } from 'node:crypto';
import { badRequest, forbidden, notFound, sql, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import ExcelJS from 'exceljs';
import { chinaToday } from '../matters/dates.js';
import { registerPetition, type RegisterPetitionResult } from '../matters/register.js';
import { importStrings as s, matterStrings } from '../strings.js';
import { checkRow, effectiveMapping, importFields, isGood, orgsByName, requiredFields, type BadRow, type ColumnMapping, type GoodRow, type ImportField } from './rows.js';
import { MAX_BYTES, readRows, readWorkbook, type ParsedSheet } from './sheet.js';

export const BATCH = 50;

export interface ImportFile {
  fileName: string;
  base64: string;
}

export interface CheckReport {
  importId: string;
  fileName: string;
  /** The row of the sheet holding the headers (1 unless a title row sits above it). */
  headerRow: number;
  /** Data rows read (empty rows are ignored). */
  totalRows: number;
  /** Rows that confirm will import: valid, not repeated in the file, not imported before. */
  goodRows: number;
  badRows: number;
  /** Every bad row with all its reasons, in sheet order. */
  errors: BadRow[];
  /** Valid rows that repeat an earlier row of the same file (imported once). */
  duplicates: { row: number; sameAs: number; reason: string }[];
  /** Valid rows imported before (by this or another file): skipped. */
  alreadyImported: number[];
}

export interface ConfirmReport {
  importId: string;
  imported: number;
  alreadyImported: number;
  duplicatesInFile: number;
  badRows: number;
  /** Rows that passed the check but were refused when registered (e.g. a unit disabled since). */
  failed: { row: number; reason: string }[];
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

interface Classified {
  sheet: ParsedSheet;
  bad: BadRow[];
  fresh: GoodRow[];
  duplicates: { row: number; sameAs: number }[];
  already: GoodRow[];
}

async function classify(ctx: AuthedContext, buffer: Buffer, mapping: ColumnMapping, headersRequired: string[]): Promise<Classified> {
  const worksheet = await readWorkbook(buffer);
  const sheet = readRows(worksheet, headersRequired);
  if (sheet.rows.length === 0) throw badRequest(s.noRows);
  const orgs = orgsByName(await ctx.kernel.orgs.list());
  const today = chinaToday();
  const bad: BadRow[] = [];
  const good: GoodRow[] = [];
  const duplicates: { row: number; sameAs: number }[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of sheet.rows) {
    const checked = checkRow(r, mapping, orgs, today);
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
  const existing = await existingKeys(ctx.db, ctx.tenant.id, good.map((g) => g.importKey));
  return {
    sheet,
    bad,
    fresh: good.filter((g) => !existing.has(g.importKey)),
    duplicates,
    already: good.filter((g) => existing.has(g.importKey)),
  };
}

async function existingKeys(db: Kysely<any>, tenantId: string, keys: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    const chunk = keys.slice(i, i + 1000);
    if (chunk.length === 0) break;
    const r = await sql<{ import_key: string }>`select import_key from petitions.visits
      where tenant_id = ${tenantId} and import_key in (${sql.join(chunk)})`.execute(db);
    for (const row of r.rows) out.add(row.import_key);
  }
  return out;
}

/** Headers the sheet must have: the required fields' and any optional field the caller mapped explicitly. */
function headersToFind(mapping: ColumnMapping, explicit: Partial<Record<ImportField, unknown>> | undefined): string[] {
  return importFields.filter((f) => mapping[f] && (requiredFields.includes(f) || (explicit && f in explicit))).map((f) => mapping[f]!);
}

export async function checkImport(ctx: AuthedContext, input: ImportFile & { mapping?: Partial<Record<ImportField, string | null>> }): Promise<CheckReport> {
  requireCommittee(ctx);
  if (!/\.xlsx$/i.test(input.fileName.trim())) throw badRequest(s.fileNameXlsx);
  const { buffer, sha256 } = decode(input);
  const mapping = effectiveMapping(input.mapping);
  const found = await classify(ctx, buffer, mapping, headersToFind(mapping, input.mapping));
  // Optional columns the sheet does not have are not read at all.
  const columns = Object.fromEntries(Object.entries(mapping).filter(([, h]) => found.sheet.headers.includes(h)));
  const id = await ctx.db.transaction().execute(async (trx) => {
    const r = await sql<{ id: string }>`insert into petitions.imports (tenant_id, file_name, file_sha256, mapping, total_rows, bad_rows, created_by)
      values (${ctx.tenant.id}, ${input.fileName.trim()}, ${sha256}, ${JSON.stringify({ columns, headerRow: found.sheet.headerRow })}::jsonb,
        ${found.sheet.rows.length}, ${found.bad.length}, ${ctx.user.id})
      returning id`.execute(trx);
    const importId = r.rows[0]!.id;
    await ctx.audit.record(
      {
        action: 'petitions.import.check',
        targetType: 'petition_import',
        targetId: importId,
        detail: { fileName: input.fileName.trim(), sha256, totalRows: found.sheet.rows.length, badRows: found.bad.length, goodRows: found.fresh.length },
      },
      { db: trx },
    );
    return importId;
  });
  return {
    importId: id,
    fileName: input.fileName.trim(),
    headerRow: found.sheet.headerRow,
    totalRows: found.sheet.rows.length,
    goodRows: found.fresh.length,
    badRows: found.bad.length,
    errors: found.bad,
    duplicates: found.duplicates.map((d) => ({ ...d, reason: s.row.sameAs(d.sameAs) })),
    alreadyImported: found.already.map((g) => g.row),
  };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * `historical` (default true): rows are past petitions, registered as concluded kernel
 * cases with no statutory clocks or reminders; false registers them as open matters.
 */
export async function confirmImport(ctx: AuthedContext, input: { importId: string; base64: string; historical?: boolean }): Promise<ConfirmReport> {
  const historical = input.historical ?? true;
  requireCommittee(ctx);
  const r = await sql<{ id: string; file_sha256: string; mapping: { columns: ColumnMapping } | string }>`select id, file_sha256, mapping
    from petitions.imports where tenant_id = ${ctx.tenant.id} and id = ${input.importId}::uuid`.execute(ctx.db);
  const row = r.rows[0];
  if (!row) throw notFound(s.importNotFound);
  const { buffer, sha256 } = decode(input);
  if (sha256 !== row.file_sha256) throw badRequest(s.fileChanged);
  const stored = typeof row.mapping === 'string' ? (JSON.parse(row.mapping) as { columns: ColumnMapping }) : row.mapping;
  const mapping = stored.columns;
  const found = await classify(ctx, buffer, mapping, Object.values(mapping));

  let imported = 0;
  let skipped = 0;
  const failed: { row: number; reason: string }[] = [];
  const count = (res: RegisterPetitionResult) => (res.duplicate ? (skipped += 1) : (imported += 1));
  for (let i = 0; i < found.fresh.length; i += BATCH) {
    const batch = found.fresh.slice(i, i + BATCH);
    try {
      const results = await ctx.db.transaction().execute(async (trx) => {
        const out: RegisterPetitionResult[] = [];
        for (const g of batch) out.push(await registerPetition(ctx, { ...g.input, historical }, { db: trx }));
        const n = out.filter((x) => !x.duplicate).length;
        await sql`update petitions.imports set imported_rows = imported_rows + ${n} where tenant_id = ${ctx.tenant.id} and id = ${row.id}::uuid`.execute(trx);
        return out;
      });
      results.forEach(count);
    } catch {
      // One row spoiled the batch: register its rows one by one, each on its own.
      for (const g of batch) {
        try {
          const res = await ctx.db.transaction().execute(async (trx) => {
            const x = await registerPetition(ctx, { ...g.input, historical }, { db: trx });
            if (!x.duplicate) await sql`update petitions.imports set imported_rows = imported_rows + 1 where tenant_id = ${ctx.tenant.id} and id = ${row.id}::uuid`.execute(trx);
            return x;
          });
          count(res);
        } catch (err) {
          failed.push({ row: g.row, reason: messageOf(err) });
        }
      }
    }
  }
  const report: ConfirmReport = {
    importId: row.id,
    imported,
    alreadyImported: found.already.length + skipped,
    duplicatesInFile: found.duplicates.length,
    badRows: found.bad.length,
    failed,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await sql`update petitions.imports set status = 'imported' where tenant_id = ${ctx.tenant.id} and id = ${row.id}::uuid`.execute(trx);
    await ctx.audit.record(
      { action: 'petitions.import.confirm', targetType: 'petition_import', targetId: row.id, detail: { ...report, failed: failed.length } },
      { db: trx },
    );
  });
  return report;
}

/** The template: the expected headers on the first sheet (with drop-down lists), instructions on the second. */
export async function importTemplate(): Promise<ImportFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(s.templateSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = importFields.map((f) => s.fields[f]);
  sheet.getRow(1).values = headers;
  sheet.getRow(1).font = { bold: true };
  const widths: Record<ImportField, number> = { receivedOn: 12, channel: 10, personCount: 6, name: 10, idNumber: 20, phone: 15, address: 24, involvedOrg: 20, category: 8, content: 50, demands: 30 };
  importFields.forEach((f, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = widths[f];
    // ID numbers and phones as text, so Excel keeps all 18 digits and the leading 0.
    if (f === 'idNumber' || f === 'phone') col.numFmt = '@';
    if (f === 'receivedOn') col.numFmt = 'yyyy-mm-dd';
  });
  const list = (f: ImportField, values: string[]) => {
    const col = importFields.indexOf(f) + 1;
    for (let r = 2; r <= 1000; r += 1) {
      sheet.getCell(r, col).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`] };
    }
  };
  list('channel', ['来信', '来访', '网上', '电话', '领导信箱']);
  list('category', ['涉法', '涉诉', '其他']);
  const guide = workbook.addWorksheet(s.guideSheet);
  for (const line of s.guide) guide.addRow(line);
  guide.getRow(1).font = { bold: true };
  guide.getColumn(1).width = 12;
  guide.getColumn(2).width = 10;
  guide.getColumn(3).width = 70;
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: s.templateFileName, base64: Buffer.from(buffer as ArrayBuffer).toString('base64') };
}
