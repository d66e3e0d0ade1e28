// The in-process tRPC caller of the console's load context, typed for this plugin. The
// console types its caller against the kernel's router only; the plugin's procedures are
// there at run time under `petitions`, so they are typed here once from the plugin's own
// router (a type-only import: nothing of the server reaches the browser).
import type { router as buildRouter } from '@zhengfa/plugin-api';
import type { router as petitionsRouter } from '../../server/router.js';

type PetitionsRouter = ReturnType<typeof buildRouter<typeof petitionsRouter>>;
export type PetitionsCaller = ReturnType<PetitionsRouter['createCaller']>;

/** What a loader or action receives (Remix's args, without the console's types). */
export interface RouteArgs {
  request: Request;
  context: unknown;
  params: Record<string, string | undefined>;
}

export interface OrgNode {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  disabled: boolean;
}

export interface SignedInUser {
  id: string;
  displayName: string;
  orgName: string;
  permissions: string[];
  mustChangePassword?: boolean;
}

/** The few kernel procedures these pages use, typed by hand (plugins may not import the kernel). */
export interface KernelCalls {
  auth: { me(): Promise<{ user: SignedInUser } | null> };
  orgs: { tree(): Promise<OrgNode[]> };
  users: {
    list(input: { roleKey?: string; page?: number; pageSize?: number }): Promise<{ total: number; items: { id: string; displayName: string; orgName: string; disabled: boolean }[] }>;
  };
}

export interface Callers {
  kernel: KernelCalls;
  petitions: PetitionsCaller;
}

/** The callers bound to this request's session. */
export function callersOf(context: unknown): Callers {
  const trpc = (context as { trpc: KernelCalls & { petitions: PetitionsCaller } }).trpc;
  return { kernel: trpc, petitions: trpc.petitions };
}

export type MatterDetail = Awaited<ReturnType<PetitionsCaller['matters']['get']>>;
export type MatterListItem = Awaited<ReturnType<PetitionsCaller['matters']['list']>>['items'][number];
export type RepeatCandidate = Awaited<ReturnType<PetitionsCaller['matters']['findRepeats']>>[number];
export type StatisticsSummary = Awaited<ReturnType<PetitionsCaller['statistics']['summary']>>;
export type FigureRow = StatisticsSummary['total'];
export type MonthFigures = Awaited<ReturnType<PetitionsCaller['statistics']['monthly']>>['months'][number];
export type CalendarMonth = Awaited<ReturnType<PetitionsCaller['fourVisits']['calendar']>>;
export type FourVisit = CalendarMonth['items'][number];
export type ImportCheck = Awaited<ReturnType<PetitionsCaller['imports']['check']>>;
export type ImportConfirm = Awaited<ReturnType<PetitionsCaller['imports']['confirm']>>;
export type LookupProgress = Awaited<ReturnType<PetitionsCaller['lookup']['progress']>>;
export type DocumentKind = Parameters<PetitionsCaller['matters']['document']>[0]['kind'];
export type RegisterInput = Parameters<PetitionsCaller['matters']['register']>[0];
