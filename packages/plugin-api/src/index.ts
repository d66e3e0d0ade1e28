export * from './context.js';
export * from './define-plugin.js';
export type { MigrationEnv, RekeyedColumn, SealedColumn, Vault } from './vault.js';
export * from './errors.js';
export * from './events.js';
export * from './kernel-events.js';
export type { PluginTodos, TodoItem } from './todos.js';
export { apiStrings } from './strings.js';
export {
  authedProcedure,
  createCallerFactory,
  inputErrorMessage,
  mergeRouters,
  middleware,
  permissionProcedure,
  publicProcedure,
  router,
  TRPCError,
  type FieldIssue,
  type ProcedureAccess,
  type ProcedureMeta,
} from './trpc.js';
export * as field from './fields.js';
export {
  chinaDay,
  cleanText,
  dateProblem,
  DEADLINE_DAYS_AHEAD,
  DEFAULT_DAYS_AHEAD,
  EARLIEST_DATE,
  fieldToday,
  hasBidiControl,
  isRealDate,
  labelOf,
  setFieldClock,
  type DateRange,
} from './fields.js';
export { chineseIssueMessage, commonFieldNames, labelOfPath } from './field-errors.js';
export { fieldStrings } from './field-strings.js';
export { sql, type ColumnType, type Generated, type Kysely, type Transaction, type Updateable } from 'kysely';
export { z } from 'zod';
