// Every HTTP route of apps/server beside /trpc (files, exports, documents, health), with the
// permission it asks for and what it answers each identity. A route without a declaration
// here fails the matrix (matrix.test.ts).
import { apiStrings } from '@zhengfa/plugin-api';
import { exportStrings, fileStrings, supervisionStrings } from '@zhengfa/kernel';
import { serverStrings } from '../strings.js';
import { inSubtree, notFound, ok, seesCase, type Outcome, type ProbeContext } from './matrix.js';

export interface RouteProbe {
  over: 'units' | 'once';
  request(c: ProbeContext): { path: string; init?: RequestInit };
  /** What a request that passes the route's sign-in and permission checks answers. */
  expect(c: ProbeContext): Outcome;
}

export interface RouteDeclaration {
  /** The permission the route asks for; null for a public route. */
  permission: string | null;
  rule: string;
  probe: RouteProbe;
}

const target = (c: ProbeContext) => c.target!;
const rel = (c: ProbeContext) => c.rel!;

const docx = (res: Response) => (res.headers.get('content-type')?.includes('wordprocessingml') ? null : `answered ${res.headers.get('content-type')}`);

export const routeDeclarations: Record<string, RouteDeclaration> = {
  'GET /healthz': { permission: null, rule: 'open to anyone: no data', probe: { over: 'once', request: () => ({ path: '/healthz' }), expect: () => ok() } },
  'POST /files': {
    permission: 'cases.read',
    rule: 'onto a case the caller sees',
    probe: {
      over: 'units',
      request: (c) => {
        const form = new FormData();
        form.set('caseId', target(c).caseId);
        form.set('file', new File([new TextEncoder().encode('补充材料')], '补充材料.txt', { type: 'text/plain' }));
        return { path: 'http://localhost/files', init: { method: 'POST', body: form, headers: { origin: 'http://localhost' } } };
      },
      expect: (c) => (seesCase(rel(c)) ? ok() : notFound(apiStrings.notFound)),
    },
  },
  'GET /files/:id': {
    permission: 'cases.read',
    rule: 'an attachment of a case the caller sees',
    probe: { over: 'units', request: (c) => ({ path: `/files/${target(c).attachmentId}` }), expect: (c) => (seesCase(rel(c)) ? ok() : notFound(fileStrings.notFound)) },
  },
  'GET /exports/:id': {
    permission: 'cases.export',
    rule: 'the caller’s own export',
    probe: { over: 'units', request: (c) => ({ path: `/exports/${target(c).exportId}` }), expect: (c) => (c.who.key === target(c).exportOwner ? ok() : notFound(exportStrings.notFound)) },
  },
  'GET /documents/cases/:id/assignment-notice': {
    permission: 'cases.read',
    rule: 'a case the caller sees',
    probe: { over: 'units', request: (c) => ({ path: `/documents/cases/${target(c).caseId}/assignment-notice` }), expect: (c) => (seesCase(rel(c)) ? ok(docx) : notFound(apiStrings.notFound)) },
  },
  'GET /documents/cases/:id/urging-letter': {
    permission: 'cases.read',
    rule: 'a case the caller sees',
    probe: { over: 'units', request: (c) => ({ path: `/documents/cases/${target(c).caseId}/urging-letter` }), expect: (c) => (seesCase(rel(c)) ? ok(docx) : notFound(apiStrings.notFound)) },
  },
  'GET /documents/instruments/:id': {
    permission: 'cases.read',
    rule: 'an instrument the caller sees',
    probe: { over: 'units', request: (c) => ({ path: `/documents/instruments/${target(c).instrumentId}` }), expect: (c) => (inSubtree(rel(c)) ? ok(docx) : notFound(supervisionStrings.instrumentNotFound)) },
  },
  'GET /documents/meetings/:id/opinion': {
    permission: 'cases.read',
    rule: 'a meeting the caller sees',
    probe: { over: 'units', request: (c) => ({ path: `/documents/meetings/${target(c).meetingId}/opinion` }), expect: (c) => (inSubtree(rel(c)) ? ok(docx) : notFound(supervisionStrings.meetingNotFound)) },
  },
  'GET /documents/bulletin': {
    permission: 'cases.read',
    rule: 'figures of the cases the caller sees',
    probe: { over: 'once', request: () => ({ path: '/documents/bulletin?from=2026-01-01&to=2026-12-31' }), expect: () => ok(docx) },
  },
};

/** The refusal the routes' own checks give (files-routes.ts), or null when the request passes them. */
export function routeAccessRefusal(permission: string | null, c: ProbeContext, nameOf: (permission: string) => string): Outcome | null {
  if (permission === null) return null;
  if (!c.who.userId) return { ok: false, code: 'UNAUTHORIZED', message: serverStrings.signInFirst };
  if (!c.who.permissions.has(permission)) return { ok: false, code: 'FORBIDDEN', message: apiStrings.forbidden(nameOf(permission)) };
  return null;
}

export const httpStatusOf: Record<string, number> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/** Compares a response with the expected outcome; returns what differs, or null. */
export async function judgeResponse(expected: Outcome, res: Response): Promise<string | null> {
  if (expected.ok) {
    if (res.status < 200 || res.status > 299) return `expected success, got ${res.status} ${await res.text()}`;
    return expected.check?.(res) ?? null;
  }
  const status = httpStatusOf[expected.code];
  const body = await res.text();
  let error: { code?: string; message?: string } | undefined;
  try {
    error = (JSON.parse(body) as { error?: { code?: string; message?: string } }).error;
  } catch {
    error = undefined;
  }
  if (res.status === status && error?.code === expected.code && error?.message === expected.message) return null;
  return `expected ${status} ${expected.code} 「${expected.message}」, got ${res.status} ${body.slice(0, 200)}`;
}
