// Role defaults (issue 30, item 6) across every installed plugin: the permissions revealing
// personal data, accusations, write-offs and discipline records go to no built-in role by
// default; the security administrator grants them. Each is named, so a renamed or re-defaulted
// one fails here.
import { describe, expect, it } from 'vitest';
import { loadInstalledPlugins } from './plugins.js';

const SENSITIVE = [
  'petitions.reveal',
  'petitions.accusations',
  'petitions.writeoff',
  'mediation.reveal',
  'inspections.personnel',
  'personnel.reveal',
  'personnel.discipline',
  'personnel.files',
];

describe('role defaults of the installed plugins', () => {
  it('gives no built-in role by default a permission revealing personal data, accusations, write-offs or discipline records', async () => {
    const permissions = (await loadInstalledPlugins()).flatMap((p) => p.permissions ?? []);
    expect(SENSITIVE.map((key) => [key, permissions.find((p) => p.key === key)?.defaultRoles])).toEqual(SENSITIVE.map((key) => [key, []]));
  });

  it('declares the default roles of every permission of every installed plugin', async () => {
    const permissions = (await loadInstalledPlugins()).flatMap((p) => p.permissions ?? []);
    expect(permissions.filter((p) => !Array.isArray(p.defaultRoles)).map((p) => p.key)).toEqual([]);
  });
});
