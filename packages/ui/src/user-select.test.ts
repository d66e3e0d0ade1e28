import { describe, expect, it } from 'vitest';
import { usersWithRole, type UserListCaller } from './user-select.js';

describe('usersWithRole', () => {
  it('reads every page of the role holders and leaves out disabled accounts', async () => {
    const all = Array.from({ length: 150 }, (_, i) => ({ id: `u${i}`, displayName: `用户${i}`, orgName: '示范县委政法委', disabled: i === 120 }));
    const asked: { roleKey?: string; page?: number }[] = [];
    const c: UserListCaller = {
      users: {
        list: async (input) => {
          asked.push({ roleKey: input.roleKey, page: input.page });
          const page = input.page ?? 1;
          return { total: all.length, items: all.slice((page - 1) * 100, page * 100) };
        },
      },
    };
    const leaders = await usersWithRole(c, 'leader');
    expect(asked).toEqual([
      { roleKey: 'leader', page: 1 },
      { roleKey: 'leader', page: 2 },
    ]);
    expect(leaders).toHaveLength(149);
    expect(leaders[0]).toEqual({ id: 'u0', name: '用户0', orgName: '示范县委政法委' });
    expect(leaders.some((u) => u.id === 'u120')).toBe(false);
  });
});
