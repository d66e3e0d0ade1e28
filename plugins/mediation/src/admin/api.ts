// The in-process caller of the console's load context, typed from the plugin's own router
// (a type-only import: nothing of the server reaches the browser), and the console's route kit.
import type { router as buildRouter } from '@zhengfa/plugin-api';
import { createRouteKit, type ConsoleCaller, type UserListCaller } from '@zhengfa/ui';
import type { router } from '../server/index.js';

export type MediationCaller = ReturnType<ReturnType<typeof buildRouter<typeof router>>['createCaller']>;

export interface Calls extends ConsoleCaller {
  mediation: MediationCaller;
}

export type DisputeListRow = Awaited<ReturnType<MediationCaller['disputes']['list']>>[number];

export const kit = createRouteKit<Calls>();
export type Organisation = Awaited<ReturnType<MediationCaller['organisations']['list']>>[number];
export type Mediator = Awaited<ReturnType<MediationCaller['mediators']['list']>>[number];
export type StatisticsSummary = Awaited<ReturnType<MediationCaller['statistics']['summary']>>;
export type StaffRow = Awaited<ReturnType<MediationCaller['staff']['list']>>['items'][number];
export type DutyDay = Awaited<ReturnType<MediationCaller['rota']['list']>>[number];
export type LookupProgress = Awaited<ReturnType<MediationCaller['lookup']['progress']>>;

// ---- The dispute page's kernel calls and types (wt-med-pages) ----

/** The few kernel procedures the dispute page uses, typed by hand (plugins may not import the kernel). */
export interface KernelCalls extends ConsoleCaller, UserListCaller {
  orgs: { tree(): Promise<{ id: string; parentId: string | null; name: string; kind: string; disabled: boolean }[]> };
}

export interface DisputeCalls extends KernelCalls {
  mediation: MediationCaller;
}

export const disputeKit = createRouteKit<DisputeCalls>();

export type DisputeDetail = Awaited<ReturnType<MediationCaller['disputes']['get']>>;
export type MediationDetail = Awaited<ReturnType<MediationCaller['mediations']['get']>>;
export type OutcomeDetail = Awaited<ReturnType<MediationCaller['outcomes']['get']>>;
export type SessionRow = Awaited<ReturnType<MediationCaller['mediations']['sessions']>>[number];
export type MediatorRow = Awaited<ReturnType<MediationCaller['mediators']['list']>>[number];
export type OrganisationRow = Awaited<ReturnType<MediationCaller['organisations']['list']>>[number];
export type RevealedParty = Awaited<ReturnType<MediationCaller['disputes']['reveal']>>[number];
export type DocumentKind = Parameters<MediationCaller['documents']['build']>[0]['kind'];
