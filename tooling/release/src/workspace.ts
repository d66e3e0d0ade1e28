// The workspace's packages, as pnpm sees them (pnpm-workspace.yaml), read with @manypkg —
// the same reader changesets uses, so both tools agree on what a package is.
import { getPackages } from '@manypkg/get-packages';
import path from 'node:path';

export interface WorkspacePackage {
  name: string;
  version: string;
  /** Folder relative to the repository root, with forward slashes. */
  dir: string;
  absDir: string;
  packageJson: Record<string, unknown> & { name: string; version: string; keywords?: string[]; zhengfa?: { kernel?: string } };
}

export async function workspacePackages(root: string): Promise<WorkspacePackage[]> {
  const { packages } = await getPackages(root);
  return packages
    .map((p) => ({
      name: p.packageJson.name,
      version: p.packageJson.version,
      dir: path.relative(root, p.dir).split(path.sep).join('/'),
      absDir: p.dir,
      packageJson: p.packageJson as WorkspacePackage['packageJson'],
    }))
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

export function isPlugin(p: WorkspacePackage): boolean {
  return (p.packageJson.keywords ?? []).includes('zhengfa-plugin');
}
