import type { PGliteOptions } from '@electric-sql/pglite';

export declare const INT8: 20;
export declare const DATE: 1082;
export declare const NUMERIC: 1700;
export declare function pgliteOptions(dataDir: string | undefined): PGliteOptions;
