// trpc.mediation.documents.*: the center's documents of a dispute as docx (base64).
import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { fieldNames as n, outcomeFieldNames as o } from '../strings.js';
import { buildDocument, documentKinds } from './build.js';

export const documentsRouter = {
  build: permissionProcedure('mediation.read')
    .input(z.object({ disputeId: f.uuid(n.disputeId), kind: f.choice(o.documentKind, documentKinds), court: f.optionalText(o.court, { max: 100 }), reveal: f.bool(o.reveal).optional(), sessionSeq: f.int(o.sessionSeq, { min: 1, max: 10000 }).nullish() }))
    .mutation(({ ctx, input }) => buildDocument(ctx, input)),
};
