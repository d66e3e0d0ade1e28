import { describe, expect, it } from 'vitest';
import { adminPluginProblems, defineAdminPlugin, type AdminPlugin } from './admin.js';

const Panel = () => null;

function module(over: Partial<AdminPlugin> = {}): AdminPlugin {
  return {
    id: 'notes',
    nav: [{ label: '便签', to: '/notes' }],
    routes: [{ id: 'notes/index', path: 'notes', file: 'routes/index.tsx', layout: 'console' }],
    casePanels: [{ key: 'note', title: '便签', caseKinds: ['notes_case'], load: async () => null, Panel }],
    ...over,
  };
}

describe('defineAdminPlugin', () => {
  it('accepts a module whose paths, route ids and slot keys are in order', () => {
    expect(adminPluginProblems(module())).toEqual([]);
    expect(defineAdminPlugin(module()).id).toBe('notes');
  });

  it('refuses a navigation entry that is not a console path', () => {
    expect(() => defineAdminPlugin(module({ nav: [{ label: '便签', to: 'notes' }] }))).toThrow(
      "Admin module of plugin 'notes': nav entry '便签' must link to a console path starting with '/' (got 'notes')",
    );
  });

  it('refuses a route id outside the plugin and a path with a leading slash', () => {
    expect(adminPluginProblems(module({ routes: [{ id: 'index', path: '/notes', file: 'routes/index.tsx', layout: 'console' }] }))).toEqual([
      "route id 'index' must start with 'notes/'",
      "route path '/notes' must not start with '/'",
    ]);
  });

  it('refuses a case panel declared twice or naming no case kind', () => {
    const panel = { key: 'note', title: '便签', caseKinds: [] as string[], load: async () => null, Panel };
    expect(adminPluginProblems(module({ casePanels: [panel, panel] }))).toEqual([
      "casePanels key 'note' is declared twice",
      "case panel 'note' names no caseKinds",
      "case panel 'note' names no caseKinds",
    ]);
  });
});
