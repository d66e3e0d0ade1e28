// Groups the permission list for the role editor: by owner (the kernel first, then each
// plugin in the order the server lists them), then by group within the owner.
export interface PermissionInfo {
  key: string;
  name: string;
  group: string;
  owner: string;
  ownerName: string;
  description: string;
}

export interface PermissionOwnerSection {
  owner: string;
  ownerName: string;
  groups: { group: string; permissions: PermissionInfo[] }[];
}

export function groupPermissions(list: readonly PermissionInfo[]): PermissionOwnerSection[] {
  const owners = new Map<string, PermissionOwnerSection>();
  for (const p of list) {
    let section = owners.get(p.owner);
    if (!section) {
      section = { owner: p.owner, ownerName: p.ownerName, groups: [] };
      owners.set(p.owner, section);
    }
    let group = section.groups.find((g) => g.group === p.group);
    if (!group) {
      group = { group: p.group, permissions: [] };
      section.groups.push(group);
    }
    group.permissions.push(p);
  }
  const sections = [...owners.values()];
  return [...sections.filter((s) => s.owner === 'kernel'), ...sections.filter((s) => s.owner !== 'kernel')];
}
