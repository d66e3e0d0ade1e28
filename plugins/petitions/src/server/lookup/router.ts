// trpc.petitions.lookup.*: the public progress look-up and the petitioner's rating.
import { field as f, publicProcedure, z } from '@zhengfa/plugin-api';
import { lookupStrings as s, petitionFieldNames as n } from '../strings.js';
import { checkedMatter, progressOf, rate } from './service.js';

const code = f
  .text(n.queryCode, { max: 40 })
  .regex(/^[A-Za-z2-9]{10}$/, s.badCode)
  .transform((v) => v.toUpperCase());
const phoneLast4 = f.text(n.phoneLast4, { max: 10 }).regex(/^\d{4}$/, s.badSuffix);

export const lookupRouter = {
  /** Status and dates of a matter, for the petitioner: the code from the notice + phone suffix (a mutation: every attempt is recorded, and the suffix stays out of URLs). */
  progress: publicProcedure.input(z.object({ code, phoneLast4 })).mutation(async ({ ctx, input }) => progressOf(await checkedMatter(ctx, input.code, input.phoneLast4))),

  /** The petitioner rates the handling once the matter is concluded; once. */
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
