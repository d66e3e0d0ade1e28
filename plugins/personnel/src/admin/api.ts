// The in-process caller of the console's load context, typed from the plugin's own router
// (a type-only import: nothing of the server reaches the browser), the kernel's organisation
// tree (typed by hand: plugins may not import the kernel), and the console's route kit.
import type { router as buildRouter } from '@zhengfa/plugin-api';
import { createRouteKit, type ConsoleCaller } from '@zhengfa/ui';
import type { router } from '../server/index.js';

export type PersonnelCaller = ReturnType<ReturnType<typeof buildRouter<typeof router>>['createCaller']>;

export interface Calls extends ConsoleCaller {
  orgs: { tree(): Promise<{ id: string; parentId: string | null; name: string; kind: string; disabled: boolean }[]> };
  personnel: PersonnelCaller;
}

export const kit = createRouteKit<Calls>();

/** China time as 2026-07-01 09:00. */
export function clockTime(at: Date | string): string {
  return new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
