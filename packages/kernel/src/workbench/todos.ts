// The workbench's to-dos: every enabled plugin's `todos` provider, asked for the signed-in
// user one after another. A provider that fails shows as a message in its place and is
// logged; the others still answer. Items with nothing waiting are left out.
import type { AnyPlugin, AuthedContext, Logger, PluginTodos, TodoItem } from '@zhengfa/plugin-api';
import { workbenchStrings as s } from '../strings.js';

function shown(item: TodoItem): boolean {
  return Number.isInteger(item.count) && item.count > 0 && item.link.startsWith('/');
}

export async function gatherTodos(ctx: AuthedContext, plugins: readonly AnyPlugin[], log: Logger): Promise<PluginTodos[]> {
  const out: PluginTodos[] = [];
  for (const plugin of plugins) {
    if (!plugin.todos) continue;
    try {
      const items = (await plugin.todos(ctx)).filter(shown).map((i) => ({ key: i.key, label: i.label, count: i.count, link: i.link, oldest: i.oldest ?? null }));
      if (items.length) out.push({ pluginId: plugin.id, pluginName: plugin.name, items });
    } catch (err) {
      log.error({ err, plugin: plugin.id }, 'a plugin to-do provider failed');
      out.push({ pluginId: plugin.id, pluginName: plugin.name, items: [], error: s.providerFailed(plugin.name) });
    }
  }
  return out;
}
