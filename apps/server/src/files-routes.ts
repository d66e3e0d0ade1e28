// Binary endpoints beside /trpc: attachment upload and download, and ledger export
// download. Each builds the same request context as /trpc, so the same scope applies.
import { Readable } from 'node:stream';
import type { Context, Hono } from 'hono';
import { TRPCError } from '@trpc/server';
import type { Kernel, RenderedDocument } from '@zhengfa/kernel';
import { assignmentNoticeDocx, bulletinDocx, instrumentDocx, opinionDocx, urgingLetterDocx } from '@zhengfa/kernel';
import { apiStrings, type AuthedContext, type RequestContext } from '@zhengfa/plugin-api';
import { serverStrings as s } from './strings.js';

type ContextFor = (c: Context) => Promise<RequestContext>;

const httpStatus: Record<string, 400 | 401 | 403 | 404 | 409 | 413> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
};

function fail(c: Context, err: unknown) {
  if (err instanceof TRPCError) return c.json({ error: { message: err.message, code: err.code } }, httpStatus[err.code] ?? 400);
  throw err;
}

function authed(ctx: RequestContext, permission: string): AuthedContext {
  if (!ctx.user || !ctx.tenant || !ctx.sessionId) throw new TRPCError({ code: 'UNAUTHORIZED', message: s.signInFirst });
  if (ctx.user.mustChangePassword) throw new TRPCError({ code: 'FORBIDDEN', message: s.changePasswordFirst });
  if (!ctx.can(permission)) throw new TRPCError({ code: 'FORBIDDEN', message: apiStrings.forbidden(ctx.permissionName(permission)) });
  return ctx as AuthedContext;
}

/** A record id as PostgreSQL reads a uuid (36 dashes would pass a looser pattern and fail there). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** RFC 6266/5987 Content-Disposition for a Chinese file name. */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function mountFileRoutes(app: Hono, kernel: Kernel, contextFor: ContextFor, maxUploadBytes: number): void {
  app.post('/files', async (c) => {
    try {
      const ctx = authed(await contextFor(c), 'cases.read');
      // The body's size was checked before it was read (request-guards.ts).
      const form = await c.req.formData().catch(() => {
        throw new TRPCError({ code: 'BAD_REQUEST', message: s.badFormBody });
      });
      const file = form.get('file');
      const caseId = String(form.get('caseId') ?? '');
      if (!(file instanceof File)) throw new TRPCError({ code: 'BAD_REQUEST', message: s.uploadMissingFile });
      if (!UUID.test(caseId)) throw new TRPCError({ code: 'BAD_REQUEST', message: s.uploadMissingCase });
      const stored = await kernel.storeAttachment(ctx, { caseId, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, maxUploadBytes);
      return c.json(stored, 201);
    } catch (err) {
      return fail(c, err);
    }
  });

  app.get('/files/:id', async (c) => {
    try {
      const ctx = authed(await contextFor(c), 'cases.read');
      const id = c.req.param('id');
      if (!UUID.test(id)) throw new TRPCError({ code: 'NOT_FOUND', message: s.fileNotFound });
      const file = await kernel.openAttachment(ctx, id);
      return new Response(Readable.toWeb(file.stream()) as ReadableStream, {
        headers: {
          'content-type': file.mime,
          'content-length': String(file.size),
          'content-disposition': attachmentDisposition(file.name),
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-store',
        },
      });
    } catch (err) {
      return fail(c, err);
    }
  });

  app.get('/exports/:id', async (c) => {
    try {
      const ctx = authed(await contextFor(c), 'cases.export');
      const id = c.req.param('id');
      if (!UUID.test(id)) throw new TRPCError({ code: 'NOT_FOUND', message: s.fileNotFound });
      const file = await kernel.openExport(ctx, id);
      return new Response(Readable.toWeb(file.stream()) as ReadableStream, {
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-length': String(file.size),
          'content-disposition': attachmentDisposition(file.fileName),
          'cache-control': 'private, no-store',
        },
      });
    } catch (err) {
      return fail(c, err);
    }
  });

  const docx = (make: (ctx: AuthedContext, c: Context) => Promise<RenderedDocument>) => async (c: Context) => {
    try {
      const ctx = authed(await contextFor(c), 'cases.read');
      for (const v of Object.values(c.req.param() as Record<string, string>)) {
        if (!UUID.test(v)) throw new TRPCError({ code: 'NOT_FOUND', message: s.fileNotFound });
      }
      // Behind the county's database walls, as the procedures are (kernel db/walls.ts).
      const generate = async () => {
        const made = await make(ctx, c);
        await ctx.audit.record({ action: 'documents.generate', targetType: 'document', targetId: made.fileName, detail: { path: c.req.path } });
        return made;
      };
      const doc = await (ctx.inCounty ? ctx.inCounty('kernel.documents', generate) : generate());
      return new Response(new Uint8Array(doc.buffer), {
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'content-disposition': attachmentDisposition(doc.fileName),
          'cache-control': 'private, no-store',
        },
      });
    } catch (err) {
      return fail(c, err);
    }
  };
  app.get('/documents/cases/:id/assignment-notice', docx((ctx, c) => assignmentNoticeDocx(ctx, c.req.param('id')!)));
  app.get('/documents/cases/:id/urging-letter', docx((ctx, c) => urgingLetterDocx(ctx, c.req.param('id')!)));
  app.get('/documents/instruments/:id', docx((ctx, c) => instrumentDocx(ctx, c.req.param('id')!)));
  app.get('/documents/meetings/:id/opinion', docx((ctx, c) => opinionDocx(ctx, c.req.param('id')!)));
  app.get(
    '/documents/bulletin',
    docx((ctx, c) => {
      const from = c.req.query('from') ?? '';
      const to = c.req.query('to') ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) throw new TRPCError({ code: 'BAD_REQUEST', message: s.badPeriod });
      return bulletinDocx(ctx, { from, to });
    }),
  );
}
