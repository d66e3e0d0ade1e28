// Attachments: checked against a size limit and a type allow-list (extension and content
// must agree, sniffed with file-type), stored once per SHA-256 under <dataDir>/files, and
// served only to users who can see the case they belong to.
import { createHash } from 'node:crypto';
import { inTransaction } from '../db/transaction.js';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AuthedContext } from '@zhengfa/plugin-api';
import { badRequest, field, forbidden, notFound } from '@zhengfa/plugin-api';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { caseVisible, withheldFrom } from '../cases/scope.js';
import type { KernelDatabase } from '../db/schema.js';
import { fieldNames, fileStrings as s } from '../strings.js';

const attachmentName = field.fileName(fieldNames.attachmentName);

export const attachmentPolicy = {
  maxBytes: 20 * 1024 * 1024,
  /** Extension → the MIME types file-type may report for it (empty: plain text, not sniffable). */
  allowed: {
    pdf: ['application/pdf'],
    doc: ['application/x-cfb'],
    xls: ['application/x-cfb'],
    docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/zip'],
    xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip'],
    ofd: ['application/zip'],
    jpg: ['image/jpeg'],
    jpeg: ['image/jpeg'],
    png: ['image/png'],
    txt: [],
  } as Record<string, string[]>,
  servedAs: {
    pdf: 'application/pdf',
    doc: 'application/msword',
    xls: 'application/vnd.ms-excel',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ofd: 'application/ofd',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    txt: 'text/plain; charset=utf-8',
  } as Record<string, string>,
};

export function blobPath(filesDir: string, sha256: string): string {
  return path.join(filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** Returns the MIME type to serve the file as, or throws a Chinese refusal. */
export async function checkUpload(name: string, bytes: Uint8Array, maxBytes = attachmentPolicy.maxBytes): Promise<string> {
  if (!name.trim()) throw badRequest(s.nameRequired);
  if (bytes.byteLength === 0) throw badRequest(s.empty);
  if (bytes.byteLength > maxBytes) throw badRequest(s.tooLarge(Math.round(maxBytes / 1024 / 1024)));
  const ext = path.extname(name).slice(1).toLowerCase();
  const expected = attachmentPolicy.allowed[ext];
  if (!expected) throw badRequest(s.typeNotAllowed(ext || '无扩展名'));
  const sniffed = await fileTypeFromBuffer(bytes);
  if (expected.length === 0) {
    // Plain text: nothing to sniff, but binary content is not text.
    if (sniffed || bytes.subarray(0, 8192).includes(0)) throw badRequest(s.contentMismatch(ext));
  } else if (!sniffed || !expected.includes(sniffed.mime)) {
    throw badRequest(s.contentMismatch(ext));
  }
  return attachmentPolicy.servedAs[ext]!;
}

export interface StoredAttachment {
  id: string;
  name: string;
  size: number;
  mime: string;
}

export async function storeAttachment(ctx: AuthedContext, filesDir: string, input: { caseId: string; name: string; bytes: Uint8Array }, maxBytes?: number): Promise<StoredAttachment> {
  const db = ctx.db as unknown as Kysely<KernelDatabase>;
  const visible = await db
    .selectFrom('kernel.cases as c')
    .select('c.id')
    .where('c.tenant_id', '=', ctx.tenant.id)
    .where('c.id', '=', input.caseId)
    .where(caseVisible(ctx.user))
    .executeTakeFirst();
  if (!visible) throw notFound();
  // A name with NUL (PostgreSQL refuses it) or a bidirectional control ("gpj.exe" shown as
  // "exe.jpg") is refused; control characters are stripped.
  const named = attachmentName.safeParse(path.basename(input.name).slice(0, 200));
  if (!named.success) throw badRequest(named.error.issues[0]!.message);
  const name = named.data;
  const mime = await checkUpload(name, input.bytes, maxBytes);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const target = blobPath(filesDir, sha256);
  const exists = await stat(target).then(() => true, () => false);
  if (!exists) {
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, input.bytes);
    await rename(tmp, target);
  }
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('kernel.attachments')
      .values({ tenant_id: ctx.tenant.id, case_id: input.caseId, name, size: input.bytes.byteLength, mime, sha256, uploaded_by: ctx.user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.audit.record({ action: 'files.upload', targetType: 'case', targetId: input.caseId, detail: { attachmentId: id, name, size: input.bytes.byteLength, sha256 } }, { db: trx });
    return { id, name, size: input.bytes.byteLength, mime };
  });
}

/** Whether the uploader (`a.uploaded_by`) belongs to a committee organisation. */
const uploadedByCommittee = sql<boolean>`exists (select 1 from kernel.users u join kernel.orgs o on o.tenant_id = u.tenant_id and o.id = u.org_id
  where u.tenant_id = a.tenant_id and u.id = a.uploaded_by and o.kind = 'committee')`;

export async function openAttachment(ctx: AuthedContext, filesDir: string, id: string) {
  const db = ctx.db as unknown as Kysely<KernelDatabase>;
  const row = await db
    .selectFrom('kernel.attachments as a')
    .innerJoin('kernel.cases as c', (j) => j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.id', '=', 'a.case_id'))
    .select(['a.id', 'a.name', 'a.size', 'a.mime', 'a.sha256', 'a.case_id', 'a.uploaded_by', 'c.restricted_to'])
    .select(uploadedByCommittee.as('by_committee'))
    .where('a.tenant_id', '=', ctx.tenant.id)
    .where('a.id', '=', id)
    .where(caseVisible(ctx.user))
    .executeTakeFirst();
  if (!row) throw notFound(s.notFound);
  if (withheldFrom(ctx.user, row.restricted_to, { id: row.uploaded_by, committee: row.by_committee })) {
    await ctx.audit.record({ action: 'files.download', outcome: 'denied', targetType: 'case', targetId: row.case_id, detail: { attachmentId: id, restricted: true } });
    throw forbidden(s.restricted(ctx.permissionName(row.restricted_to!)));
  }
  await ctx.audit.record({ action: 'files.download', targetType: 'case', targetId: row.case_id, detail: { attachmentId: id } });
  return { name: row.name, size: row.size, mime: row.mime, stream: () => createReadStream(blobPath(filesDir, row.sha256)) };
}

/** A case's attachments as the user may see them: of a restricted case, not the committee's (cases/scope.ts). */
export async function attachmentsOf(db: Kysely<KernelDatabase>, ctx: AuthedContext, kase: { id: string; restrictedTo: string | null }) {
  const rows = await db
    .selectFrom('kernel.attachments as a')
    .select(['a.id', 'a.name', 'a.size', 'a.mime', 'a.uploaded_at', 'a.uploaded_by'])
    .select(uploadedByCommittee.as('by_committee'))
    .where('a.tenant_id', '=', ctx.tenant.id)
    .where('a.case_id', '=', kase.id)
    .orderBy('a.uploaded_at')
    .execute();
  return rows
    .filter((r) => !withheldFrom(ctx.user, kase.restrictedTo, { id: r.uploaded_by, committee: r.by_committee }))
    .map((r) => ({ id: r.id, name: r.name, size: r.size, mime: r.mime, uploadedAt: r.uploaded_at }));
}

/** Checks that attachment ids belong to the case and that the user may see them (for linking them to timeline events). */
export async function checkAttachmentsOfCase(db: Kysely<KernelDatabase>, ctx: AuthedContext, kase: { id: string; restrictedTo: string | null }, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const visible = new Set((await attachmentsOf(db, ctx, kase)).map((a) => a.id));
  if (!ids.every((id) => visible.has(id))) throw badRequest(s.notOfCase);
}
