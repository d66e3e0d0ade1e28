export * from './engine.js';
export * from './migrations.js';
export { PGliteDialect } from './pglite-dialect.js';
