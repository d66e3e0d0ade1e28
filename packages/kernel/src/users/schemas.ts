// The input schemas of the user procedures, beside the service that takes them.
import { field as f, z } from '@zhengfa/plugin-api';
import { fieldNames as n, kernelStrings } from '../strings.js';

const s = kernelStrings.users;

export const username = f.text(n.username, { min: 1, max: 32 }).regex(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, s.usernameFormat);
export const displayName = f.text(n.displayName, { min: 2, max: 30 });
export const roleIds = f.list(n.roles, f.uuid(n.role), { max: 20 }).default([]);
export const userId = f.uuid(n.user);
export const password = f.secret(n.password, { max: 128 });

export const listUsersSchema = z.object({
  orgId: f.uuid(n.org).optional(),
  includeSubOrgs: f.bool(n.includeSubOrgs).default(true),
  keyword: f.text(n.keyword, { max: 30 }).optional(),
  /** Only users holding the built-in role with this key, e.g. 'leader' for 包案领导 choices. */
  roleKey: f.text(n.roleKey, { max: 30 }).optional(),
  page: f.int(n.page, { min: 1, max: 100_000 }).default(1),
  pageSize: f.int(n.pageSize, { min: 1, max: 100 }).default(20),
});
export type ListUsersInput = z.infer<typeof listUsersSchema>;

export const createUserSchema = z.object({
  orgId: f.uuid(n.org),
  username,
  displayName,
  password,
  roleIds,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({ id: userId, version: f.version(n.version), orgId: f.uuid(n.org), displayName, disabled: f.bool(n.disabled).default(false) });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** Both direct resets (the system and the security administrator's) take this input. */
export const resetPasswordSchema = z.object({ id: userId, password });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const assignRolesSchema = z.object({ id: userId, roleIds });
export type AssignRolesInput = z.infer<typeof assignRolesSchema>;

export const unlockUserSchema = z.object({ id: userId });
export type UnlockUserInput = z.infer<typeof unlockUserSchema>;
