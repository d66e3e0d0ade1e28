import { permissionProcedure } from '@zhengfa/plugin-api';
import { createOrgSchema, updateOrgSchema } from './schemas.js';
import { createOrg, orgTree, orgVocab, updateOrg } from './service.js';

export const orgsRouter = {
  /** The organisation tree within the user's scope, as a flat list with parent ids. */
  tree: permissionProcedure('orgs.read').query(({ ctx }) => orgTree(ctx)),

  create: permissionProcedure('orgs.manage')
    .input(createOrgSchema)
    .mutation(({ ctx, input }) => createOrg(ctx, input)),

  update: permissionProcedure('orgs.manage')
    .input(updateOrgSchema)
    .mutation(({ ctx, input }) => updateOrg(ctx, input)),

  /** The names of organisation kinds and levels, for forms. */
  vocab: permissionProcedure('orgs.read').query(() => orgVocab()),
};
