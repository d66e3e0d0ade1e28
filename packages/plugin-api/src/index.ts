export * from './context.js';
export * from './define-plugin.js';
export * from './errors.js';
export type { PluginTodos, TodoItem } from './todos.js';
export { apiStrings } from './strings.js';
export {
  authedProcedure,
  createCallerFactory,
  mergeRouters,
  middleware,
  permissionProcedure,
  publicProcedure,
  router,
  TRPCError,
  type FieldIssue,
} from './trpc.js';
export { sql, type Kysely } from 'kysely';
export { z } from 'zod';
