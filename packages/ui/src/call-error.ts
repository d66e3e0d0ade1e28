// Turns what a tRPC call threw (in-process TRPCError on the server, TRPCClientError in the
// browser) into a code and a Chinese message fit to show.
import { uiStrings } from './strings.js';

export interface CallError {
  code: string;
  message: string;
}

const showable = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'BAD_REQUEST', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS', 'PRECONDITION_FAILED', 'PAYLOAD_TOO_LARGE']);

const CJK = /[\u4e00-\u9fff]/;

function zodIssues(cause: unknown): { message: string }[] | null {
  if (cause && typeof cause === 'object' && 'issues' in cause && Array.isArray((cause as { issues: unknown }).issues)) {
    return (cause as { issues: { message: string }[] }).issues;
  }
  return null;
}

/** The code and Chinese message of a failed call, or null if `err` is not a tRPC error. */
export function callErrorOf(err: unknown): CallError | null {
  if (!(err instanceof Error)) return null;
  const e = err as Error & { code?: unknown; cause?: unknown; data?: { code?: unknown } };
  let code: string | null = null;
  if (e.name === 'TRPCError' && typeof e.code === 'string') code = e.code;
  else if (e.name === 'TRPCClientError') code = typeof e.data?.code === 'string' ? e.data.code : 'INTERNAL_SERVER_ERROR';
  if (!code) return null;

  // The in-process caller skips the error formatter, so input errors arrive raw.
  const issues = zodIssues(e.cause);
  if (issues) {
    const first = issues[0]?.message;
    return { code: 'BAD_REQUEST', message: first && CJK.test(first) ? uiStrings.callError.badInput(first) : uiStrings.callError.badInputGeneral };
  }
  if (e.name === 'TRPCClientError' && !e.data) return { code: 'NETWORK', message: uiStrings.callError.network };
  if (showable.has(code) && CJK.test(e.message)) return { code, message: e.message };
  return { code, message: uiStrings.callError.unknown };
}
