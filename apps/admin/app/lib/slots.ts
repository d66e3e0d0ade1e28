// Plugins' slots on kernel pages: the panels of a case's kind on the case page and the
// workbench's cards. A page's loader runs the slots' loaders (in-process, as the signed-in
// user) and returns their data with the page's own; the page draws each with the plugin's
// component. A slot whose loader is refused (403, 404: the user may not see the plugin's
// record) is left out; one that fails otherwise shows the reason in its place, and the
// page still renders.
import { isRouteErrorResponse } from '@remix-run/react';
import type { AdminPlugin, CasePanelSlot, DashboardCardSlot } from '@zhengfa/plugin-api/admin';
import { callErrorOf } from '@zhengfa/ui';
import { strings } from '../strings.js';

export interface SlotData {
  pluginId: string;
  key: string;
  title: string;
  data: unknown;
  /** The loader failed: the message shown instead of the slot. */
  error: string | null;
}

function allowed(anyOf: readonly string[] | undefined, granted: readonly string[]): boolean {
  return !anyOf || anyOf.length === 0 || anyOf.some((p) => granted.includes(p));
}

/** What a failed slot loader threw: null to leave the slot out, else the message to show. */
export function slotFailure(err: unknown): string | null {
  // kit.load throws Remix's data(): a status and the message.
  const thrown = err as { type?: string; data?: { message?: unknown }; init?: { status?: number } | null };
  if (thrown?.type === 'DataWithResponseInit') {
    const status = thrown.init?.status ?? 500;
    if (status === 403 || status === 404) return null;
    return typeof thrown.data?.message === 'string' ? thrown.data.message : strings.slots.failed;
  }
  if (err instanceof Response || isRouteErrorResponse(err)) {
    return err.status === 403 || err.status === 404 ? null : strings.slots.failed;
  }
  const e = callErrorOf(err);
  if (e && (e.code === 'FORBIDDEN' || e.code === 'NOT_FOUND')) return null;
  return e?.message ?? strings.slots.failed;
}

async function run<S extends { key: string; title: string }>(
  modules: readonly AdminPlugin[],
  pick: (m: AdminPlugin) => readonly S[] | undefined,
  keep: (slot: S) => boolean,
  load: (slot: S) => Promise<unknown>,
): Promise<SlotData[]> {
  const out: SlotData[] = [];
  for (const m of modules) {
    for (const slot of pick(m) ?? []) {
      if (!keep(slot)) continue;
      try {
        const data = await load(slot);
        if (data !== null && data !== undefined) out.push({ pluginId: m.id, key: slot.key, title: slot.title, data, error: null });
      } catch (err) {
        const error = slotFailure(err);
        if (error !== null) out.push({ pluginId: m.id, key: slot.key, title: slot.title, data: null, error });
      }
    }
  }
  return out;
}

export interface SlotArgs {
  request: Request;
  context: unknown;
  /** The signed-in user's permissions. */
  permissions: readonly string[];
  /** The enabled plugins' console modules. */
  modules: readonly AdminPlugin[];
}

/** The panels of the enabled plugins that belong to a case of this kind, with their data. */
export function loadCasePanels(args: SlotArgs & { caseId: string; caseKind: string }): Promise<SlotData[]> {
  const { request, context, caseId, caseKind } = args;
  return run<CasePanelSlot>(
    args.modules,
    (m) => m.casePanels,
    (slot) => slot.caseKinds.includes(caseKind) && allowed(slot.permissions, args.permissions),
    (slot) => slot.load({ request, context, caseId, caseKind }),
  );
}

/** The workbench cards of the enabled plugins, with their data. */
export function loadDashboardCards(args: SlotArgs): Promise<SlotData[]> {
  const { request, context } = args;
  return run<DashboardCardSlot>(
    args.modules,
    (m) => m.dashboardCards,
    (slot) => allowed(slot.permissions, args.permissions),
    (slot) => slot.load({ request, context }),
  );
}

/** The plugin's component of a loaded slot (the module may have gone from a newer build: null). */
export function casePanelOf(modules: readonly AdminPlugin[], s: Pick<SlotData, 'pluginId' | 'key'>): CasePanelSlot | null {
  return modules.find((m) => m.id === s.pluginId)?.casePanels?.find((p) => p.key === s.key) ?? null;
}

export function dashboardCardOf(modules: readonly AdminPlugin[], s: Pick<SlotData, 'pluginId' | 'key'>): DashboardCardSlot | null {
  return modules.find((m) => m.id === s.pluginId)?.dashboardCards?.find((c) => c.key === s.key) ?? null;
}
