// trpc.mediation.lookup.*: the public progress look-up and the party's rating (no sign-in).
import { field as f, publicProcedure, z } from '@zhengfa/plugin-api';
import { fieldNames as n, lookupStrings as s } from '../strings.js';
import { progress, rate } from './service.js';

const code = f.text(n.code, { max: 20 }).regex(/^调\d{4}-\d{6}$/, s.badCode);
const phoneLast4 = f.text(n.phoneLast4, { max: 10 }).regex(/^\d{4}$/, s.badSuffix);

export const lookupRouter = {
  /** Status and dates of a dispute, for a party: code + phone suffix (a mutation: every attempt is recorded, and the suffix stays out of URLs). */
  progress: publicProcedure.input(z.object({ code, phoneLast4 })).mutation(({ ctx, input }) => progress(ctx, input)),

  /** A party rates the mediation once it ended; once per party. */
  rate: publicProcedure
    .input(
      z.object({
        code,
        phoneLast4,
        rating: f.withLabel(z.number({ error: s.ratingRange }).int(s.ratingRange).min(1, s.ratingRange).max(5, s.ratingRange), n.rating),
        comment: f.text(n.ratingComment, { max: 500 }).max(500, s.commentTooLong).optional(),
      }),
    )
    .mutation(({ ctx, input }) => rate(ctx, input)),
};
