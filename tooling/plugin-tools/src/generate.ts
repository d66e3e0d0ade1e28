// `pnpm create-plugin <id> --name <中文名>`: writes plugins/<id>/ from templates.ts, names the
// package in the install list (apps/server/plugins.json) and as a dependency of apps/server,
// and adds the changeset that releases it. Every refusal says what to change, in Chinese.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PLUGIN_ID_PATTERN, RESERVED_PLUGIN_IDS } from '@zhengfa/plugin-api';
import { changeset, pluginFiles, type PluginNames } from './templates.js';
import { toolStrings as s } from './strings.js';

const CJK = /[\u4e00-\u9fff]/;

export class CreatePluginError extends Error {
  override name = 'CreatePluginError';
}

/** `^<the kernel's version>` of the repository the plugin is generated in. */
export function currentKernelRange(root: string): string {
  return `^${readJson<{ version: string }>(path.join(root, 'packages/kernel/package.json')).version}`;
}

export function packageNameOf(id: string): string {
  return `@zhengfa/plugin-${id.replaceAll('_', '-')}`;
}

export function pluginNames(id: string, name: string, kernelRange: string): PluginNames {
  return { id, name: name.trim(), packageName: packageNameOf(id), kernelRange };
}

/** What is wrong with the id and name for this repository (empty: nothing). */
export function problems(root: string, id: string, name: string): string[] {
  const out: string[] = [];
  if (!PLUGIN_ID_PATTERN.test(id)) out.push(s.badId(id));
  else if (RESERVED_PLUGIN_IDS.has(id)) out.push(s.reservedId(id));
  else {
    if (existsSync(path.join(root, 'plugins', id))) out.push(s.folderExists(`plugins/${id}`));
    const listed = readInstallList(root);
    const packageName = packageNameOf(id);
    if (listed.includes(packageName)) out.push(s.alreadyListed(packageName));
  }
  const trimmed = name.trim();
  if (!trimmed || !CJK.test(trimmed) || Array.from(trimmed).length > 20) out.push(s.badName(name));
  return out;
}

const installListFile = (root: string) => path.join(root, 'apps/server/plugins.json');
const serverPackageFile = (root: string) => path.join(root, 'apps/server/package.json');

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

export function readInstallList(root: string): string[] {
  return readJson<{ plugins: string[] }>(installListFile(root)).plugins;
}

/** Adds the package to the install list (at the end: install order) and to apps/server's dependencies. */
export function install(root: string, packageName: string, spec = 'workspace:*'): void {
  const list = readJson<{ plugins: string[] }>(installListFile(root));
  if (!list.plugins.includes(packageName)) list.plugins.push(packageName);
  writeJson(installListFile(root), list);
  const pkg = readJson<{ dependencies: Record<string, string> }>(serverPackageFile(root));
  pkg.dependencies = Object.fromEntries(Object.entries({ ...pkg.dependencies, [packageName]: spec }).sort(([a], [b]) => a.localeCompare(b)));
  writeJson(serverPackageFile(root), pkg);
}

export interface CreatedPlugin extends PluginNames {
  dir: string;
  files: string[];
  changesetFile: string;
}

/** Writes the plugin, registers it and adds its changeset; refuses (writing nothing) on any problem. */
export function createPlugin(root: string, id: string, name: string): CreatedPlugin {
  const found = problems(root, id, name);
  if (found.length) throw new CreatePluginError(found.join('\n'));
  const names = pluginNames(id, name, currentKernelRange(root));
  const dir = path.join(root, 'plugins', id);
  const files = pluginFiles(names);
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const changesetFile = path.join(root, '.changeset', `plugin-${id.replaceAll('_', '-')}-created.md`);
  writeFileSync(changesetFile, changeset(names));
  install(root, names.packageName);
  return { ...names, dir, files: Object.keys(files), changesetFile };
}
