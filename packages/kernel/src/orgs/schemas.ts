// The input schemas of the organisation procedures, beside the service that takes them.
import { field as f, z } from '@zhengfa/plugin-api';
import type { OrgKind, OrgLevel } from '../db/schema.js';
import { fieldNames as n, orgKindNames, orgLevelNames } from '../strings.js';

export const orgKinds = Object.keys(orgKindNames) as [OrgKind, ...OrgKind[]];
export const orgLevels = Object.keys(orgLevelNames) as [OrgLevel, ...OrgLevel[]];

export const orgFields = {
  name: f.text(n.orgName, { min: 2, max: 60 }),
  kind: f.choice(n.orgKind, orgKinds),
  level: f.choice(n.orgLevel, orgLevels),
  sortOrder: f.int(n.sortOrder, { min: 0, max: 9999 }).default(0),
};

export const createOrgSchema = z.object({ parentId: f.uuid(n.parentOrg), ...orgFields });
export type CreateOrgInput = z.infer<typeof createOrgSchema>;

export const updateOrgSchema = z.object({
  id: f.uuid(n.org),
  version: f.version(n.version),
  ...orgFields,
  disabled: f.bool(n.disabled).default(false),
});
export type UpdateOrgInput = z.infer<typeof updateOrgSchema>;
