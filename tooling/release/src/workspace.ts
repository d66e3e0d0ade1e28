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

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/**
 * The cycles among the workspace's packages, over every kind of dependency (turbo builds its
 * task graph from all of them and warns at every run when one package reaches itself), each
 * as the names along it, first name repeated at the end. None is the healthy answer.
 */
export function packageCycles(packages: readonly Pick<WorkspacePackage, 'name' | 'packageJson'>[]): string[][] {
  const names = new Set(packages.map((p) => p.name));
  const edges = new Map(
    packages.map((p) => [
      p.name,
      [...new Set(DEPENDENCY_FIELDS.flatMap((f) => Object.keys((p.packageJson[f] as Record<string, string> | undefined) ?? {})))].filter((d) => names.has(d)).sort(),
    ]),
  );
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (name: string, trail: string[]) => {
    const at = trail.indexOf(name);
    if (at >= 0) return void cycles.push([...trail.slice(at), name]);
    if (done.has(name)) return;
    for (const dep of edges.get(name) ?? []) visit(dep, [...trail, name]);
    done.add(name);
  };
  for (const name of [...names].sort()) visit(name, []);
  return cycles;
}
