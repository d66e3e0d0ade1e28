import { data } from '@remix-run/server-runtime';
import type { AdminPlugin } from '@zhengfa/plugin-api/admin';
import { describe, expect, it } from 'vitest';
import { loadCasePanels, loadDashboardCards, slotFailure } from './slots.js';

const Panel = () => null;
const request = new Request('http://localhost/cases/1');

function module(id: string, over: Partial<AdminPlugin> = {}): AdminPlugin {
  return { id, nav: [], routes: [], ...over };
}

function trpcError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'TRPCError', code });
}

describe('case panels', () => {
  it("loads the panels of the case's kind that the user may see, in install order", async () => {
    const modules = [
      module('petitions', {
        casePanels: [
          { key: 'matter', title: '信访事项', caseKinds: ['petition'], permissions: ['petitions.read'], load: async ({ caseId }) => ({ caseId }), Panel },
          { key: 'secret', title: '保密', caseKinds: ['petition'], permissions: ['petitions.accusations'], load: async () => 'x', Panel },
        ],
      }),
      module('mediation', { casePanels: [{ key: 'dispute', title: '纠纷', caseKinds: ['dispute'], load: async () => 'd', Panel }] }),
    ];
    const panels = await loadCasePanels({ request, context: {}, permissions: ['petitions.read'], modules, caseId: 'c1', caseKind: 'petition' });
    expect(panels).toEqual([{ pluginId: 'petitions', key: 'matter', title: '信访事项', data: { caseId: 'c1' }, error: null }]);
  });

  it("leaves out a panel whose record the user may not see, and shows another failure's message in its place", async () => {
    const modules = [
      module('a', {
        casePanels: [
          {
            key: 'hidden',
            title: '甲',
            caseKinds: ['k'],
            load: async () => {
              throw trpcError('NOT_FOUND', '信访事项不存在，或您无权查看');
            },
            Panel,
          },
          {
            key: 'broken',
            title: '乙',
            caseKinds: ['k'],
            load: async () => {
              throw trpcError('BAD_REQUEST', '提交的内容有误：事项编号格式不正确');
            },
            Panel,
          },
          { key: 'empty', title: '丙', caseKinds: ['k'], load: async () => null, Panel },
        ],
      }),
    ];
    const panels = await loadCasePanels({ request, context: {}, permissions: [], modules, caseId: 'c1', caseKind: 'k' });
    expect(panels).toEqual([{ pluginId: 'a', key: 'broken', title: '乙', data: null, error: '提交的内容有误：事项编号格式不正确' }]);
  });
});

describe('dashboard cards', () => {
  it('loads the cards the user may see', async () => {
    const modules = [
      module('a', {
        dashboardCards: [
          { key: 'year', title: '信访工作', permissions: ['petitions.stats'], load: async () => ({ matters: 3 }), Card: Panel },
          { key: 'all', title: '全部', load: async () => 1, Card: Panel },
        ],
      }),
    ];
    const cards = await loadDashboardCards({ request, context: {}, permissions: [], modules });
    expect(cards.map((c) => c.key)).toEqual(['all']);
  });
});

describe('slotFailure', () => {
  it("reads the route kit's error pages: 403 and 404 hide the slot, others give their message", () => {
    expect(slotFailure(data({ message: '无权' }, { status: 403 }))).toBeNull();
    expect(slotFailure(data({ message: '不存在' }, { status: 404 }))).toBeNull();
    expect(slotFailure(data({ message: '系统内部错误，请稍后重试' }, { status: 500 }))).toBe('系统内部错误，请稍后重试');
    expect(slotFailure(new Error('boom'))).toBe('该模块的内容暂时无法显示，请稍后刷新；如果持续出现，请联系系统管理员。');
  });
});
