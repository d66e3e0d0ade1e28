export declare function leadingKeyword(sql: string): string;
export declare const PREPARED_KEYWORDS: ReadonlySet<string>;
export declare const PLAN_KEEPING_KEYWORDS: ReadonlySet<string>;
export declare const STALE_STATEMENT_CODES: ReadonlySet<string>;
