import { describe, expect, it } from 'vitest';
import { groupPermissions } from './permission-groups.js';

const p = (key: string, group: string, owner = 'kernel', ownerName = '内核') => ({ key, name: key, group, owner, ownerName, description: '' });

describe('groupPermissions', () => {
  it('groups by owner then group, kernel first, keeping order', () => {
    const sections = groupPermissions([
      p('petitions.read', '信访', 'petitions', '信访事项'),
      p('orgs.read', '基础数据'),
      p('orgs.manage', '系统管理'),
      p('users.read', '基础数据'),
      p('petitions.supervise', '督办', 'petitions', '信访事项'),
    ]);
    expect(sections.map((s) => s.ownerName)).toEqual(['内核', '信访事项']);
    expect(sections[0]!.groups.map((g) => [g.group, g.permissions.map((x) => x.key)])).toEqual([
      ['基础数据', ['orgs.read', 'users.read']],
      ['系统管理', ['orgs.manage']],
    ]);
    expect(sections[1]!.groups.map((g) => g.group)).toEqual(['信访', '督办']);
  });
});
