// Routing (分级负责、归口办理): the four fixes and one package go to the kernel case, which
// is then moved through 立项审批 and 交办 as far as the user's kernel permissions allow.
// When it reaches 已交办 the matter is routed: the receiving officer's first-contact
// responsibility passes to the lead unit, the kernel's `route` clock stops.
import { badRequest, forbidden, type AuthedContext, type KernelCase } from '@zhengfa/plugin-api';
import { petitionEvents } from '../../contract.js';
import { matterStrings as s } from '../strings.js';
import { bumpMatter, loadMatter } from './access.js';
import { chinaToday } from './dates.js';
import { own, type PetitionsDb } from '../db.js';

export interface RouteInput {
  id: string;
  version: number;
  leadLeaderId: string;
  handlerName: string;
  handlerPhone?: string | null;
  resolutionPlan: string;
  deadline: string;
  leadUnitId: string;
  cooperatingUnitIds?: string[];
}

const steps = [
  { from: 'registered', action: 'submitForApproval', permission: 'cases.register' },
  { from: 'pending_approval', action: 'approve', permission: 'cases.approve' },
  { from: 'approved', action: 'assign', permission: 'cases.assign' },
] as const;

/** Takes every routing step the user may take; returns the kernel status reached. */
async function advance(ctx: AuthedContext, db: PetitionsDb, kase: KernelCase, comment: string): Promise<{ status: string; moved: boolean }> {
  let status = kase.status;
  let version = kase.version;
  let moved = false;
  // The petition kind skips 立项审批: a user who may assign routes in one step.
  if (['registered', 'pending_approval', 'approved'].includes(status) && ctx.can('cases.assign')) {
    const r = await ctx.kernel.cases.transition({ id: kase.id, version, action: 'assign', comment }, { db });
    return { status: r.status, moved: true };
  }
  for (const step of steps) {
    if (status !== step.from) continue;
    if (!ctx.can(step.permission)) break;
    const r = await ctx.kernel.cases.transition({ id: kase.id, version, action: step.action, comment }, { db });
    status = r.status;
    version = r.version;
    moved = true;
  }
  return { status, moved };
}

async function markRouted(ctx: AuthedContext, db: PetitionsDb, matterId: string, version: number, caseId: string, kase: KernelCase): Promise<number> {
  const v = await bumpMatter(
    ctx,
    db,
    matterId,
    version,
    { routed_at: ctx.now(), routed_by: ctx.user.id, lead_unit_id: kase.leadUnitId, lead_unit_name: kase.leadUnitName },
  );
  await ctx.kernel.cases.stopClock({ caseId, key: 'route', on: chinaToday(ctx.now()) }, { db });
  await ctx.events.emit(petitionEvents.routed, { matterId, caseId, leadUnitId: kase.leadUnitId }, { db });
  return v;
}

function messageFor(status: string): string | null {
  if (status === 'pending_approval') return s.awaitingApproval;
  if (status === 'approved') return s.awaitingAssign;
  return null;
}

export async function routeMatter(ctx: AuthedContext, input: RouteInput) {
  if (!ctx.user.committee) throw forbidden(s.routeCommitteeOnly);
  return own(ctx).transaction().execute(async (trx) => {
    const { matter, kase } = await loadMatter(ctx, trx, input.id, { lock: true });
    if (matter.outcome) throw badRequest(s.concludedAlready);
    if (matter.routed_at) throw badRequest(s.alreadyRouted);
    await ctx.kernel.cases.setFourFixes(
      {
        id: kase.id,
        version: kase.version,
        leadLeaderId: input.leadLeaderId,
        handlerName: input.handlerName,
        handlerPhone: input.handlerPhone ?? null,
        resolutionPlan: input.resolutionPlan,
        deadline: input.deadline,
        leadUnitId: input.leadUnitId,
        cooperatingUnitIds: input.cooperatingUnitIds ?? [],
      },
      { db: trx },
    );
    const fresh = await ctx.kernel.cases.get(kase.id, { db: trx });
    const { status } = await advance(ctx, trx, fresh, '');
    const after = await ctx.kernel.cases.get(kase.id, { db: trx });
    let version: number;
    if (status === 'assigned') {
      version = await markRouted(ctx, trx, matter.id, input.version, kase.id, after);
    } else {
      version = await bumpMatter(ctx, trx, matter.id, input.version, { lead_unit_id: after.leadUnitId, lead_unit_name: after.leadUnitName });
    }
    await ctx.audit.record(
      { action: 'petitions.route', targetType: 'petition', targetId: matter.id, detail: { caseId: kase.id, leadUnitId: input.leadUnitId, kernelStatus: status } },
      { db: trx },
    );
    return { version, routed: status === 'assigned', kernelStatus: status, message: messageFor(status) };
  });
}

/** Continues routing after the four fixes are set: 立项审批 by a leader, then 交办. */
export async function continueRouting(ctx: AuthedContext, input: { id: string; version: number }) {
  if (!ctx.user.committee) throw forbidden(s.routeCommitteeOnly);
  return own(ctx).transaction().execute(async (trx) => {
    const { matter, kase } = await loadMatter(ctx, trx, input.id, { lock: true });
    if (matter.outcome) throw badRequest(s.concludedAlready);
    if (matter.routed_at) throw badRequest(s.alreadyRouted);
    const { status, moved } = await advance(ctx, trx, kase, '');
    if (!moved) throw badRequest(s.cannotAdvance(kase.statusName));
    const after = await ctx.kernel.cases.get(kase.id, { db: trx });
    const version =
      status === 'assigned'
        ? await markRouted(ctx, trx, matter.id, input.version, kase.id, after)
        : await bumpMatter(ctx, trx, matter.id, input.version, { lead_unit_id: after.leadUnitId, lead_unit_name: after.leadUnitName });
    await ctx.audit.record({ action: 'petitions.route', targetType: 'petition', targetId: matter.id, detail: { caseId: kase.id, kernelStatus: status } }, { db: trx });
    return { version, routed: status === 'assigned', kernelStatus: status, message: messageFor(status) };
  });
}
