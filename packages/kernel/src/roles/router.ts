import { permissionProcedure } from '@zhengfa/plugin-api';
import type { PluginHost } from '../plugin-host/host.js';
import { createRoleSchema, updateRoleSchema } from './schemas.js';
import { createRole, listPermissions, listRoles, updateRole } from './service.js';

export function createRolesRouter(host: PluginHost) {
  return {
    list: permissionProcedure('users.read').query(({ ctx }) => listRoles(ctx, host)),

    /** Every permission of the kernel and the enabled plugins, grouped for the role editor. */
    permissions: permissionProcedure('users.read').query(() => listPermissions(host)),

    create: permissionProcedure('roles.manage')
      .input(createRoleSchema)
      .mutation(({ ctx, input }) => createRole(ctx, host, input)),

    update: permissionProcedure('roles.manage')
      .input(updateRoleSchema)
      .mutation(({ ctx, input }) => updateRole(ctx, host, input)),
  };
}
