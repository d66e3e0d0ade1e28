// trpc.personnel.clues.*: problem clues and their handling (discipline staff only).
import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { fieldNames as n } from '../discipline-strings.js';
import { advanceClue, advanceTargets, assignHandler, clueSources, clueStatuses, createClue, getClue, listClues, transferClue, withdrawalReasons, withdrawHandler } from './service.js';

const P = 'personnel.discipline';
const clueRef = { id: f.uuid(n.clueId), version: f.version(n.version) };

export const cluesRouter = {
  create: permissionProcedure(P)
    .input(
      z.object({
        officerId: f.uuid(n.officerId),
        source: f.choice(n.source, clueSources),
        sourceRef: f.optionalText(n.sourceRef, { max: 100 }),
        conductRecordId: f.uuid(n.conductRecordId).nullish(),
        receivedOn: f.isoDate(n.receivedOn, { notFuture: true }),
        summary: f.text(n.summary, { min: 1, max: 2000 }),
        handlerUserId: f.uuid(n.handlerUserId).nullish(),
      }),
    )
    .mutation(({ ctx, input }) => createClue(ctx, input)),
  list: permissionProcedure(P)
    .input(z.object({ status: f.choice(n.status, clueStatuses).optional(), officerId: f.uuid(n.officerId).optional() }).optional())
    .query(({ ctx, input }) => listClues(ctx, input ?? {})),
  get: permissionProcedure(P)
    .input(z.object({ id: f.uuid(n.clueId) }))
    .query(({ ctx, input }) => getClue(ctx, input.id)),
  advance: permissionProcedure(P)
    .input(z.object({ ...clueRef, to: f.choice(n.step, advanceTargets), on: f.isoDate(n.stepOn, { notFuture: true }), note: f.optionalText(n.note, { max: 2000 }) }))
    .mutation(({ ctx, input }) => advanceClue(ctx, input)),
  assignHandler: permissionProcedure(P)
    .input(z.object({ ...clueRef, handlerUserId: f.uuid(n.handlerUserId) }))
    .mutation(({ ctx, input }) => assignHandler(ctx, input)),
  /** 回避 of the handler, with the one who takes over. */
  withdrawHandler: permissionProcedure(P)
    .input(
      z.object({
        ...clueRef,
        reason: f.choice(n.withdrawalReason, withdrawalReasons),
        note: f.optionalText(n.note, { max: 1000 }),
        replacementUserId: f.uuid(n.replacementUserId),
        on: f.isoDate(n.stepOn, { notFuture: true }),
      }),
    )
    .mutation(({ ctx, input }) => withdrawHandler(ctx, input)),
  /** 移交 to the 纪委监委. */
  transfer: permissionProcedure(P)
    .input(z.object({ ...clueRef, to: f.text(n.transferredTo, { min: 2, max: 100 }), on: f.isoDate(n.transferredOn, { notFuture: true }), note: f.optionalText(n.note, { max: 1000 }) }))
    .mutation(({ ctx, input }) => transferClue(ctx, input)),
};
