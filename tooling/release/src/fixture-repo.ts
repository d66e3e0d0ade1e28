// A throw-away git repository shaped like ours (pnpm workspace, a kernel, plugins, .changeset),
// for the release tools' tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FixtureRepo {
  root: string;
  write(file: string, content: string): void;
  writeJson(file: string, value: unknown): void;
  commit(message: string): void;
  remove(): void;
}

export function createFixtureRepo(): FixtureRepo {
  const root = mkdtempSync(path.join(os.tmpdir(), 'zhengfa-release-'));
  const write = (file: string, content: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'test');
  write('package.json', `${JSON.stringify({ name: 'fixture-root', private: true }, null, 2)}\n`);
  write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n  - plugins/*\n');
  write('.changeset/config.json', `${JSON.stringify({ ignore: ['@fx/ignored'] }, null, 2)}\n`);
  return {
    root,
    write,
    writeJson: (file, value) => write(file, `${JSON.stringify(value, null, 2)}\n`),
    commit: (message) => {
      git('add', '-A');
      git('commit', '-q', '-m', message);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
