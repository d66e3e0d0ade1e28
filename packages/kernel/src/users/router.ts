import { permissionProcedure } from '@zhengfa/plugin-api';
import { assignRolesSchema, createUserSchema, listUsersSchema, resetPasswordSchema, unlockUserSchema, updateUserSchema } from './schemas.js';
import { assignUserRoles, createUser, listUsers, resetAuditorPassword, resetPassword, unlockUser, updateUser } from './service.js';

export const usersRouter = {
  list: permissionProcedure('users.read')
    .input(listUsersSchema)
    .query(({ ctx, input }) => listUsers(ctx, input)),

  create: permissionProcedure('users.manage')
    .input(createUserSchema)
    .mutation(({ ctx, input }) => createUser(ctx, input)),

  update: permissionProcedure('users.manage')
    .input(updateUserSchema)
    .mutation(({ ctx, input }) => updateUser(ctx, input)),

  /** The system administrator's reset: any account in scope but those holding security or audit duties. */
  resetPassword: permissionProcedure('users.manage')
    .input(resetPasswordSchema)
    .mutation(({ ctx, input }) => resetPassword(ctx, input)),

  /** The security administrator's reset: audit administrators only. */
  resetAuditorPassword: permissionProcedure('security.manage')
    .input(resetPasswordSchema)
    .mutation(({ ctx, input }) => resetAuditorPassword(ctx, input)),

  assignRoles: permissionProcedure('roles.assign')
    .input(assignRolesSchema)
    .mutation(({ ctx, input }) => assignUserRoles(ctx, input)),

  unlock: permissionProcedure('security.manage')
    .input(unlockUserSchema)
    .mutation(({ ctx, input }) => unlockUser(ctx, input)),
};
