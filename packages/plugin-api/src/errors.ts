import { TRPCError } from '@trpc/server';
import { apiStrings } from './strings.js';

/** A refusal the user can act on: BAD_REQUEST with the given Chinese message. */
export function badRequest(message: string): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message });
}

export function notFound(message: string = apiStrings.notFound): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message });
}

/** Optimistic concurrency: the row's version moved since the user loaded it. */
export function versionConflict(message: string = apiStrings.conflict): TRPCError {
  return new TRPCError({ code: 'CONFLICT', message });
}

export function forbidden(message: string): TRPCError {
  return new TRPCError({ code: 'FORBIDDEN', message });
}
