import type { PGlite } from '@electric-sql/pglite';

export declare function leadingKeyword(sql: string): string;

export declare class PreparedStatements {
  constructor(pg: PGlite, options?: { max?: number });
  readonly size: number;
  query(sql: string, params: readonly unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }>;
  clear(): Promise<void>;
}
