// The ledger's filter, sort and page live in the URL, so a link (from the dashboard, a
// message, a colleague) opens the ledger filtered. Pure: parse and build are unit tested.
import type { inferRouterInputs } from '@trpc/server';
import type { CaseStatus, KernelRouter } from '@zhengfa/kernel';

type Inputs = inferRouterInputs<KernelRouter>;
/** What `cases.ledger` accepts. */
export type LedgerInput = Inputs['cases']['ledger'];
/** What `cases.startExport` accepts: the ledger filter without sort and page. */
export type LedgerFilter = Inputs['cases']['startExport'];
export type Urgency = 'normal' | 'urgent' | 'critical';
export type LedgerSort = 'deadline' | 'registeredAt' | 'docNo' | 'nextDispatch';
export type SortDir = 'asc' | 'desc';

export const caseStatusList: readonly CaseStatus[] = ['registered', 'pending_approval', 'approved', 'assigned', 'in_progress', 'submitted', 'closed', 'archived'];
/** Statuses in which a unit is working on the case (the kernel's open statuses). */
export const openStatusList: readonly CaseStatus[] = ['assigned', 'in_progress', 'submitted'];
export const urgencyList: readonly Urgency[] = ['normal', 'urgent', 'critical'];
const sorts: readonly LedgerSort[] = ['deadline', 'registeredAt', 'docNo', 'nextDispatch'];

export const LEDGER_PAGE_SIZE = 20;
export const DEFAULT_SORT: LedgerSort = 'registeredAt';
export const DEFAULT_DIR: SortDir = 'desc';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface LedgerQuery {
  kind: string[];
  status: CaseStatus[];
  urgency: Urgency[];
  unitId: string | null;
  overdue: boolean;
  dueWithinDays: number | null;
  /** Only cases the user's unit leads (本单位承办): what it signs for and reports on. */
  ledByMe: boolean;
  /** Open cases whose dispatch (调度) is due. */
  dispatchDue: boolean;
  from: string | null;
  to: string | null;
  keyword: string;
  sort: LedgerSort;
  dir: SortDir;
  page: number;
  pageSize: number;
}

export const emptyLedgerQuery: LedgerQuery = {
  kind: [],
  status: [],
  urgency: [],
  unitId: null,
  overdue: false,
  dueWithinDays: null,
  ledByMe: false,
  dispatchDue: false,
  from: null,
  to: null,
  keyword: '',
  sort: DEFAULT_SORT,
  dir: DEFAULT_DIR,
  page: 1,
  pageSize: LEDGER_PAGE_SIZE,
};

/** URL parameter names, short so links stay readable. */
const P = { kind: 'kind', status: 'status', urgency: 'urgency', unit: 'unit', overdue: 'overdue', due: 'due', lead: 'lead', dispatch: 'dispatch', from: 'from', to: 'to', keyword: 'q', sort: 'sort', dir: 'dir', page: 'page', size: 'size' } as const;

function listOf<T extends string>(params: URLSearchParams, name: string, allowed?: readonly T[]): T[] {
  const values = params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const unique = [...new Set(values)];
  return (allowed ? unique.filter((v) => (allowed as readonly string[]).includes(v)) : unique.filter((v) => v.length <= 40).slice(0, 20)) as T[];
}

function intOf(params: URLSearchParams, name: string, min: number, max: number): number | null {
  const raw = params.get(name);
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

/** Reads the ledger query from URL parameters; anything malformed is ignored. */
export function parseLedgerParams(params: URLSearchParams): LedgerQuery {
  const unit = params.get(P.unit);
  const from = params.get(P.from);
  const to = params.get(P.to);
  const sort = params.get(P.sort) as LedgerSort | null;
  const dir = params.get(P.dir);
  const overdue = params.get(P.overdue);
  return {
    kind: listOf(params, P.kind),
    status: listOf(params, P.status, caseStatusList),
    urgency: listOf(params, P.urgency, urgencyList),
    unitId: unit && UUID.test(unit) ? unit : null,
    overdue: overdue === '1' || overdue === 'true',
    dueWithinDays: intOf(params, P.due, 0, 365),
    ledByMe: params.get(P.lead) === 'mine',
    dispatchDue: params.get(P.dispatch) === '1' || params.get(P.dispatch) === 'true',
    from: from && DAY.test(from) ? from : null,
    to: to && DAY.test(to) ? to : null,
    keyword: (params.get(P.keyword) ?? '').trim().slice(0, 50),
    sort: sort && sorts.includes(sort) ? sort : DEFAULT_SORT,
    dir: dir === 'asc' || dir === 'desc' ? dir : DEFAULT_DIR,
    page: intOf(params, P.page, 1, 100_000) ?? 1,
    pageSize: intOf(params, P.size, 1, 200) ?? LEDGER_PAGE_SIZE,
  };
}

/** URL parameters for a ledger query; defaults are left out. */
export function ledgerParams(query: Partial<LedgerQuery>): URLSearchParams {
  const q = { ...emptyLedgerQuery, ...query };
  const out = new URLSearchParams();
  for (const k of q.kind) out.append(P.kind, k);
  for (const s of q.status) out.append(P.status, s);
  for (const u of q.urgency) out.append(P.urgency, u);
  if (q.unitId) out.set(P.unit, q.unitId);
  if (q.overdue) out.set(P.overdue, '1');
  if (q.dueWithinDays !== null) out.set(P.due, String(q.dueWithinDays));
  if (q.ledByMe) out.set(P.lead, 'mine');
  if (q.dispatchDue) out.set(P.dispatch, '1');
  if (q.from) out.set(P.from, q.from);
  if (q.to) out.set(P.to, q.to);
  if (q.keyword.trim()) out.set(P.keyword, q.keyword.trim());
  if (q.sort !== DEFAULT_SORT || q.dir !== DEFAULT_DIR) {
    out.set(P.sort, q.sort);
    out.set(P.dir, q.dir);
  }
  if (q.page > 1) out.set(P.page, String(q.page));
  if (q.pageSize !== LEDGER_PAGE_SIZE) out.set(P.size, String(q.pageSize));
  return out;
}

/** `/cases?…` for a ledger query. */
export function ledgerHref(query: Partial<LedgerQuery> = {}): string {
  const qs = ledgerParams(query).toString();
  return qs ? `/cases?${qs}` : '/cases';
}

/** Names of the filter form's fields that a browser sends as they are (the form is a GET to /cases). */
export const ledgerFormNames = { keyword: P.keyword, overdue: P.overdue, lead: P.lead, dispatch: P.dispatch } as const;

/**
 * The rest of a query as hidden fields of the filter form: sent without JavaScript, the
 * form (keyword typed, "overdue" ticked or not) keeps the other filters, the sort and the
 * page size, and starts again at page 1. With JavaScript the form's handler builds the URL.
 */
export function ledgerHiddenFields(q: LedgerQuery, boxes: { lead?: boolean; dispatch?: boolean } = {}): [string, string][] {
  return [...ledgerParams({ ...q, keyword: '', overdue: false, ...(boxes.lead ? { ledByMe: false } : {}), ...(boxes.dispatch ? { dispatchDue: false } : {}), page: 1 }).entries()];
}

/** The filter part of a query, as `cases.startExport` and `cases.ledger` take it. */
export function ledgerFilter(q: LedgerQuery): LedgerFilter {
  return {
    ...(q.kind.length ? { kind: q.kind } : {}),
    ...(q.status.length ? { status: q.status } : {}),
    ...(q.urgency.length ? { urgency: q.urgency } : {}),
    ...(q.unitId ? { unitId: q.unitId } : {}),
    ...(q.overdue ? { overdue: true } : {}),
    ...(q.dueWithinDays !== null ? { dueWithinDays: q.dueWithinDays } : {}),
    ...(q.ledByMe ? { ledByMe: true } : {}),
    ...(q.dispatchDue ? { dispatchDue: true } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.keyword ? { keyword: q.keyword } : {}),
  };
}

/** The full `cases.ledger` input for a query. */
export function ledgerInput(q: LedgerQuery): LedgerInput {
  return { ...ledgerFilter(q), sort: q.sort, dir: q.dir, page: q.page, pageSize: q.pageSize };
}

/** True when any filter (not sort or page) is set. */
export function hasFilter(q: LedgerQuery): boolean {
  return Object.keys(ledgerFilter(q)).length > 0;
}

/** Where each dashboard figure leads: the ledger filtered to the cases it counts. */
export const dashboardLinks = {
  total: (kind?: string) => ledgerHref(kind ? { kind: [kind] } : {}),
  overdue: (kind?: string) => ledgerHref({ ...(kind ? { kind: [kind] } : {}), overdue: true, sort: 'deadline', dir: 'asc' }),
  dueThisWeek: (kind?: string) => ledgerHref({ ...(kind ? { kind: [kind] } : {}), dueWithinDays: 7, sort: 'deadline', dir: 'asc' }),
  dispatchDue: (kind?: string) => ledgerHref({ ...(kind ? { kind: [kind] } : {}), dispatchDue: true, sort: 'nextDispatch', dir: 'asc' }),
  closed: (kind?: string) => ledgerHref({ ...(kind ? { kind: [kind] } : {}), status: ['closed', 'archived'] }),
  status: (status: CaseStatus, kind?: string) => ledgerHref({ ...(kind ? { kind: [kind] } : {}), status: [status] }),
  // The dashboard counts urgency over open cases only.
  urgency: (urgency: Urgency, kind?: string) => ledgerHref({ ...(kind ? { kind: [kind] } : {}), urgency: [urgency], status: [...openStatusList] }),
  unit: (unitId: string, extra: Partial<LedgerQuery> = {}) => ledgerHref({ unitId, ...extra }),
};
