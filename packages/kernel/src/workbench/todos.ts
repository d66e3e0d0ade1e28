// The workbench's to-dos: every enabled plugin's `todos` provider, asked for the signed-in
// user one after another. A provider that fails shows as a message in its place and is
// logged; the others still answer. Items with nothing waiting are left out.
import { BIND_EVENTS, BIND_KERNEL, type AnyPlugin, type AuthedContext, type Logger, type PluginTodos, type TodoItem } from '@zhengfa/plugin-api';
import { workbenchStrings as s } from '../strings.js';

function shown(item: TodoItem): boolean {
  return Number.isInteger(item.count) && item.count > 0 && item.link.startsWith('/');
}

/**
 * The context a provider runs with: its ctx.kernel allows what the plugin declared for those
 * of its own permissions the user holds, and its ctx.events emits only its own events, as the
 * plugin's procedures would.
 */
function asPlugin(ctx: AuthedContext, plugin: AnyPlugin): AuthedContext {
  const bind = ctx.kernel[BIND_KERNEL];
  const own = (plugin.permissions ?? []).map((p) => p.key).filter((key) => ctx.can(key));
  const events = ctx.events[BIND_EVENTS];
  return { ...ctx, ...(bind ? { kernel: bind(own) } : {}), ...(events ? { events: events(plugin.id) } : {}) };
}

export async function gatherTodos(ctx: AuthedContext, plugins: readonly AnyPlugin[], log: Logger): Promise<PluginTodos[]> {
  const out: PluginTodos[] = [];
  for (const plugin of plugins) {
    if (!plugin.todos) continue;
    try {
      // Behind the database walls as the plugin's own role, as its procedures run (db/walls.ts).
      const provide = () => plugin.todos!(asPlugin(ctx, plugin));
      const provided = ctx.inCounty ? await ctx.inCounty(`${plugin.id}.todos`, provide) : await provide();
      const items = provided.filter(shown).map((i) => ({ key: i.key, label: i.label, count: i.count, link: i.link, oldest: i.oldest ?? null }));
      if (items.length) out.push({ pluginId: plugin.id, pluginName: plugin.name, items });
    } catch (err) {
      log.error({ err, plugin: plugin.id }, 'a plugin to-do provider failed');
      out.push({ pluginId: plugin.id, pluginName: plugin.name, items: [], error: s.providerFailed(plugin.name) });
    }
  }
  return out;
}
