export * from './engine.js';
export * from './migrations.js';
export { PGliteDialect } from './pglite-dialect.js';
export { preparingPool, type PreparingPool, type PostgresStatementsOptions } from './postgres-statements.js';
export { withDbScope, withoutDbScope, currentDbScope, TENANT_SETTING, type DbScope } from './scope.js';
export { statementLogger, recordCatalog, repositoryFrames, isTestCode, STATEMENT_LOG_ENV, type LoggedStatement, type StatementFrame, type CatalogRelation } from './statement-log.js';
