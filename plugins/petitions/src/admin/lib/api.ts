// The in-process tRPC caller of the console's load context, typed for this plugin. The
// console types its caller against the kernel's router only; the plugin's procedures are
// there at run time under `petitions`, so they are typed here once from the plugin's own
// router (a type-only import: nothing of the server reaches the browser).
import type { router as buildRouter } from '@zhengfa/plugin-api';
import { createRouteKit, type ConsoleCaller, type UserListCaller } from '@zhengfa/ui';
import type { router as petitionsRouter } from '../../server/router.js';

type PetitionsRouter = ReturnType<typeof buildRouter<typeof petitionsRouter>>;
export type PetitionsCaller = ReturnType<PetitionsRouter['createCaller']>;

/** The few kernel procedures these pages use, typed by hand (plugins may not import the kernel). */
export interface KernelCalls extends ConsoleCaller, UserListCaller {
  orgs: { tree(): Promise<{ id: string; parentId: string | null; name: string; kind: string; disabled: boolean }[]> };
}

/** The in-process caller of the console's load context: the kernel's procedures and this plugin's. */
export interface PetitionsCalls extends KernelCalls {
  petitions: PetitionsCaller;
}

/** Loaders and actions of the plugin's pages (the console's shared route kit, typed for this plugin). */
export const kit = createRouteKit<PetitionsCalls>();
export const { load, mutate, requirePermission } = kit;

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
