// The deployment's event catalog: the kernel's published events and every installed
// plugin's, checked once when the plugin host starts. Emitting checks against it
// (outbox.ts); a subscription to a name nobody declares is refused here, except one to an
// event of a plugin that is not installed: an optional integration (petitions ⇄ mediation)
// that is simply never called, so each plugin still runs without the other.
import { kernelEvents, type AnyPlugin, type EventCatalog } from '@zhengfa/plugin-api';

export function buildEventCatalog(installed: AnyPlugin[], fail: (message: string) => Error): EventCatalog {
  const catalog: Record<string, EventCatalog[string]> = { ...kernelEvents };
  const owner = new Map<string, string>(Object.keys(kernelEvents).map((n) => [n, '内核']));
  for (const p of installed) {
    for (const [name, schema] of Object.entries(p.events ?? {})) {
      if (!name.startsWith(`${p.id}.`)) throw fail(`插件「${p.name}」(${p.id}) 声明的事件「${name}」须以「${p.id}.」开头`);
      if (owner.has(name)) throw fail(`事件「${name}」被重复声明（${owner.get(name)}、${p.name}）`);
      owner.set(name, p.name);
      catalog[name] = schema;
    }
  }
  const installedIds = new Set(installed.map((p) => p.id));
  for (const p of installed) {
    for (const name of Object.keys(p.subscriptions ?? {})) {
      const namespace = name.split('.')[0]!;
      // Another plugin's event, that plugin not installed: nothing will ever emit it.
      const optional = namespace !== 'kernel' && namespace !== p.id && !installedIds.has(namespace);
      if (!owner.has(name) && !optional) {
        throw fail(`插件「${p.name}」(${p.id}) 订阅了事件「${name}」，但内核和已安装的插件都没有声明这个事件；请检查事件名称，或安装声明它的插件`);
      }
    }
  }
  return catalog;
}
