// The input schemas of the roles procedures, beside the service that takes them.
import { field as f, z } from '@zhengfa/plugin-api';
import { fieldNames as n } from '../strings.js';

export const roleFields = {
  name: f.text(n.roleName, { min: 2, max: 30 }),
  description: f.text(n.roleDescription, { max: 200 }).default(''),
  permissions: f.list(n.permissions, f.text(n.permission, { min: 1, max: 100 }), { max: 500 }),
};

export const createRoleSchema = z.object(roleFields);
export type CreateRoleInput = z.infer<typeof createRoleSchema>;

export const updateRoleSchema = z.object({ id: f.uuid(n.role), version: f.version(n.version), ...roleFields });
export type UpdateRoleInput = z.infer<typeof updateRoleSchema>;
