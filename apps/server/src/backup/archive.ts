// The backup archive on disk: a plain tar (the database dump inside is compressed already,
// attachments mostly are) written and read with node-tar. Its entries, in order:
//   database/<dump>            the database (PGlite's data folder tarball, or pg_dump's custom format)
//   files/…, exports/…         DATA_DIR's attachments and ledger exports, as they are on disk
//   manifest.json              versions, migration history, size and SHA-256 of every entry above
// The checksums are taken by reading the finished archive back, so they describe exactly
// what it holds. Extraction goes through node-tar's own guards (no absolute paths, no "..",
// no writing through a symlink) and, before that, only paths the verified manifest lists.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { DATA_FOLDERS, MANIFEST_NAME, manifestSchema, type BackupManifest } from './manifest.js';

export interface ArchiveFile {
  path: string;
  size: number;
  sha256: string;
}

export interface ArchiveContents {
  /** Regular files, in archive order, with what they hold. */
  files: ArchiveFile[];
  /** Entries that are neither regular files nor folders (links, devices…), which no backup of ours holds. */
  others: string[];
  /** The bytes of manifest.json, when the archive has one. */
  manifest: Buffer | null;
}

const isFile = (type: string) => type === 'File' || type === 'OldFile' || type === 'ContiguousFile';

/** Reads the whole archive once: every regular file's size and SHA-256, and manifest.json's bytes. */
export async function readArchive(file: string): Promise<ArchiveContents> {
  const files: ArchiveFile[] = [];
  const others: string[] = [];
  let manifest: Buffer | null = null;
  await tar.t({
    file,
    strict: true,
    onReadEntry(entry) {
      const name = entry.path.replace(/\/+$/, '');
      if (entry.type === 'Directory') return;
      if (!isFile(entry.type)) {
        others.push(name);
        return;
      }
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let size = 0;
      entry.on('data', (d: Buffer) => {
        hash.update(d);
        size += d.length;
        if (name === MANIFEST_NAME) chunks.push(d);
      });
      entry.on('end', () => {
        if (name === MANIFEST_NAME) manifest = Buffer.concat(chunks);
        else files.push({ path: name, size, sha256: hash.digest('hex') });
      });
    },
  });
  return { files, others, manifest };
}

/**
 * Writes the archive at `file` (which must not exist): the `database` folder of `stagingDir`,
 * then DATA_DIR's folders (files that are still being written, `*.tmp`, left out), then the
 * manifest `finish` makes from the checksums of what was written.
 */
export async function writeArchive(file: string, stagingDir: string, dataDir: string, finish: (files: ArchiveFile[]) => BackupManifest): Promise<BackupManifest> {
  await tar.c({ file, cwd: stagingDir, portable: true }, ['database']);
  const folders = DATA_FOLDERS.filter((f) => existsSync(path.join(dataDir, f)));
  if (folders.length > 0) {
    // follow: a folder that is a symlink to another disk is archived with its content.
    await tar.r({ file, cwd: dataDir, portable: true, follow: true, filter: (p) => !p.endsWith('.tmp') }, [...folders]);
  }
  const { files } = await readArchive(file);
  const manifest = finish(files);
  await writeFile(path.join(stagingDir, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
  await tar.r({ file, cwd: stagingDir, portable: true }, [MANIFEST_NAME]);
  return manifest;
}

export type ArchiveProblem =
  | { kind: 'unreadable'; reason: string }
  | { kind: 'no-manifest' }
  | { kind: 'bad-manifest'; reason: string }
  | { kind: 'missing'; path: string }
  | { kind: 'unlisted'; path: string }
  | { kind: 'checksum'; path: string };

/** Reads the archive and checks it against its manifest: every listed entry present with its size and SHA-256, nothing else. */
export async function verifyArchive(file: string): Promise<{ ok: true; manifest: BackupManifest; files: ArchiveFile[] } | { ok: false; problem: ArchiveProblem }> {
  let contents: ArchiveContents;
  try {
    contents = await readArchive(file);
  } catch (err) {
    return { ok: false, problem: { kind: 'unreadable', reason: String((err as Error)?.message ?? err).split('\n')[0]! } };
  }
  if (!contents.manifest) return { ok: false, problem: { kind: 'no-manifest' } };
  let manifest: BackupManifest;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(contents.manifest.toString('utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, problem: { kind: 'bad-manifest', reason: `${issue.path.join('.') || '(根)'}: ${issue.message}` } };
    }
    manifest = parsed.data;
  } catch (err) {
    return { ok: false, problem: { kind: 'bad-manifest', reason: String((err as Error)?.message ?? err) } };
  }
  const listed = new Map(manifest.entries.map((e) => [e.path, e]));
  const held = new Map(contents.files.map((f) => [f.path, f]));
  if (contents.others.length > 0) return { ok: false, problem: { kind: 'unlisted', path: contents.others[0]! } };
  for (const f of contents.files) if (!listed.has(f.path)) return { ok: false, problem: { kind: 'unlisted', path: f.path } };
  for (const e of manifest.entries) {
    const f = held.get(e.path);
    if (!f) return { ok: false, problem: { kind: 'missing', path: e.path } };
    if (f.size !== e.size || f.sha256 !== e.sha256) return { ok: false, problem: { kind: 'checksum', path: e.path } };
  }
  if (!listed.has(manifest.database.entry)) return { ok: false, problem: { kind: 'missing', path: manifest.database.entry } };
  return { ok: true, manifest, files: contents.files };
}

/** Extracts the listed regular files among `paths` into `cwd` (node-tar keeps them inside it). */
export async function extractEntries(file: string, cwd: string, paths: ReadonlySet<string>): Promise<void> {
  await tar.x({
    file,
    cwd,
    strict: true,
    filter: (p, entry) => paths.has(p.replace(/\/+$/, '')) && isFile((entry as tar.ReadEntry).type),
  });
}
