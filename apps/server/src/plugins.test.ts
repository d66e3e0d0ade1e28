import { describe, expect, it } from 'vitest';
import { InstallListError, loadInstalledPlugins, parseInstallList, readInstallList } from './plugins.js';

describe('the install list (apps/server/plugins.json)', () => {
  it('names the installed plugins by package, and the server loads each default export in list order', async () => {
    const list = readInstallList();
    expect(list[0]).toBe('@zhengfa/plugin-petitions');
    const plugins = await loadInstalledPlugins();
    expect(plugins).toHaveLength(list.length);
    expect(plugins[0]!.id).toBe('petitions');
  });

  it('refuses a list without a plugins array', () => {
    expect(() => parseInstallList('{"plugin": []}', 'plugins.json')).toThrow('插件安装清单 plugins.json 须有 "plugins" 数组（插件的包名，每行一个）');
  });

  it('refuses a name that is not a package name, and one listed twice', () => {
    expect(() => parseInstallList('{"plugins": ["../plugins/petitions"]}', 'plugins.json')).toThrow('插件安装清单 plugins.json 中的「../plugins/petitions」不是有效的包名');
    expect(() => parseInstallList('{"plugins": ["@a/b", "@a/b"]}', 'plugins.json')).toThrow('插件安装清单 plugins.json 中的「@a/b」重复列出');
  });

  it('names a listed plugin that is not installed and says how to install it', async () => {
    const err = await loadInstalledPlugins(['@acme/zhengfa-missing']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InstallListError);
    expect((err as Error).message).toBe(
      '插件「@acme/zhengfa-missing」已列入插件安装清单（apps/server/plugins.json），但没有安装：请把它加入 apps/server/package.json 的依赖并运行 pnpm install，或从清单中删去这一行',
    );
  });

  it('refuses a listed package whose default export is not a plugin', async () => {
    await expect(loadInstalledPlugins(['hono'])).rejects.toThrow('插件包「hono」的默认导出不是插件（须 export default definePlugin({...})）');
  });
});
