// The in-process caller of the console's load context, typed from the plugin's own router
// (a type-only import: nothing of the server reaches the browser), and the console's route kit.
import type { router as buildRouter } from '@zhengfa/plugin-api';
import { createRouteKit, type ConsoleCaller, type UserListCaller } from '@zhengfa/ui';
import type { router } from '../server/index.js';

export type InspectionsCaller = ReturnType<ReturnType<typeof buildRouter<typeof router>>['createCaller']>;

/** The few kernel procedures the pages use, typed by hand (plugins may not import the kernel). */
export interface KernelCalls extends ConsoleCaller, UserListCaller {
  orgs: { tree(): Promise<{ id: string; parentId: string | null; name: string; kind: string; disabled: boolean }[]> };
}

export interface Calls extends KernelCalls {
  inspections: InspectionsCaller;
}

export const kit = createRouteKit<Calls>();

export type Campaign = Awaited<ReturnType<InspectionsCaller['campaigns']['get']>>;
export type Sheet = Awaited<ReturnType<InspectionsCaller['scoring']['sheet']>>;
export type CampaignResults = Awaited<ReturnType<InspectionsCaller['results']['campaign']>>;
export type ScaleRow = Awaited<ReturnType<InspectionsCaller['scales']['list']>>[number];
