export * from './engine.js';
export * from './migrations.js';
export { PGliteDialect } from './pglite-dialect.js';
export { preparingPool, type PreparingPool, type PostgresStatementsOptions } from './postgres-statements.js';
