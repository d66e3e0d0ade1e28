// What the clients ask for: the ledger filters (status, urgency, overdue; sorted by
// deadline) and the search terms (2 and 4 characters), shared by the API scenarios and
// the direct-SQL ceiling so both measure the same queries.
import type { CpuProbe } from '../cpu.js';
import type { LoadResult } from '../load.js';
import type { Session } from '../server.js';

export interface LedgerVariant {
  status?: ('assigned' | 'in_progress' | 'submitted' | 'closed' | 'archived')[];
  urgency?: ('normal' | 'urgent' | 'critical')[];
  overdue?: boolean;
  keyword?: string;
  sort: 'deadline' | 'registeredAt';
  dir: 'asc' | 'desc';
}

export const ledgerVariants: LedgerVariant[] = [
  { status: ['in_progress'], sort: 'deadline', dir: 'asc' },
  { urgency: ['urgent', 'critical'], sort: 'deadline', dir: 'asc' },
  { overdue: true, sort: 'deadline', dir: 'asc' },
  { status: ['assigned', 'in_progress', 'submitted'], urgency: ['critical'], sort: 'deadline', dir: 'asc' },
  { status: ['closed', 'archived'], sort: 'deadline', dir: 'asc' },
];

export const terms2 = ['土地', '拆迁', '征地', '交通', '劳动', '医疗', '执行', '纠纷', '工资', '补偿', '借贷', '山林'];
export const terms4 = ['征地补偿', '交通事故', '劳动争议', '医疗纠纷', '拆迁安置', '土地承包', '民间借贷', '邻里纠纷', '执行款长', '工程款结'];

export function searchVariant(terms: string[], i: number): LedgerVariant {
  return { keyword: terms[i % terms.length]!, sort: 'registeredAt', dir: 'desc' };
}

export interface Personas {
  committee: Session[];
  liaison: Session[];
}

export type Persona = keyof Personas;

export interface ScenarioContext {
  concurrency: number;
  seconds: number;
  log: (s: string) => void;
  /** Reads the CPU time of generator, server and database (absent: not measured). */
  cpu?: CpuProbe;
  /** The server's longest event-loop stall per second from an instant (absent: no server). */
  serverStalls?: (fromEpochMs: number, seconds: number) => number[];
}

export type Results = Record<string, LoadResult>;
