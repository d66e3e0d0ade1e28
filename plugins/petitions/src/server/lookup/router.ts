// trpc.petitions.lookup.*: the public progress look-up and the petitioner's rating.
import { publicProcedure, z } from '@zhengfa/plugin-api';
import { lookupStrings as s } from '../strings.js';
import { checkedMatter, progressOf, rate } from './service.js';

const code = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[A-Z2-9]{10}$/, s.badCode));
const phoneLast4 = z.string().trim().regex(/^\d{4}$/, s.badSuffix);

export const lookupRouter = {
  /** Status and dates of a matter, for the petitioner: the code from the notice + phone suffix (a mutation: every attempt is recorded, and the suffix stays out of URLs). */
  progress: publicProcedure.input(z.object({ code, phoneLast4 })).mutation(async ({ ctx, input }) => progressOf(await checkedMatter(ctx, input.code, input.phoneLast4))),

  /** The petitioner rates the handling once the matter is concluded; once. */
  rate: publicProcedure
    .input(
      z.object({
        code,
        phoneLast4,
        rating: z.number({ error: s.ratingRange }).int(s.ratingRange).min(1, s.ratingRange).max(5, s.ratingRange),
        comment: z.string().trim().max(500, s.commentTooLong).optional(),
      }),
    )
    .mutation(({ ctx, input }) => rate(ctx, input)),
};
