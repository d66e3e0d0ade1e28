// The guard every uploaded Office file (xlsx, docx: both are zip archives) passes before
// anything unpacks it. A "zip bomb" is a small upload whose parts inflate to gigabytes: a
// library that loads the whole workbook in memory then takes the server's memory and event
// loop with it. The guard:
//
// 1. reads the archive's central directory (yauzl) and refuses, before inflating a byte,
//    too many parts, any part declared larger than `maxPartBytes`, parts declared larger
//    than `maxTotalBytes` together, encrypted parts, unknown compression and repeated names;
// 2. inflates only the parts the caller asks for, counting the bytes actually produced and
//    stopping at the declared size (yauzl's `validateEntrySizes`), so a lying header is
//    refused after at most its declared size — never after a gigabyte;
// 3. re-packs what it measured into a fresh stored (uncompressed) zip for the library that
//    reads it (`storedZip`), so that library reads exactly the bytes the guard counted and
//    not a different view of a crafted archive (local headers that disagree with the
//    central directory, entries hidden between entries).
//
// Every refusal is a ZipGuardError with a Chinese message an officer can act on.
import { zipSync } from 'fflate';
import yauzl from 'yauzl';
import { zipStrings as s } from './strings.js';

export interface ZipLimits {
  /** Most parts (files) in the archive. */
  maxParts: number;
  /** Largest unpacked size of any one part, in bytes. */
  maxPartBytes: number;
  /** Largest unpacked size of all parts together, in bytes. */
  maxTotalBytes: number;
}

const MB = 1024 * 1024;

/** Generous for any real workbook or document of a 20 MB upload; a bomb is far above. */
export const defaultZipLimits: ZipLimits = { maxParts: 2000, maxPartBytes: 64 * MB, maxTotalBytes: 128 * MB };

export type ZipGuardCode = 'not_zip' | 'encrypted' | 'unsupported' | 'duplicate_part' | 'too_many_parts' | 'part_too_large' | 'total_too_large' | 'size_mismatch' | 'corrupt';

export class ZipGuardError extends Error {
  readonly code: ZipGuardCode;
  constructor(code: ZipGuardCode, message: string) {
    super(message);
    this.name = 'ZipGuardError';
    this.code = code;
  }
}

export interface ZipPart {
  name: string;
  /** The unpacked size the archive declares (checked against the limits before inflating). */
  declaredBytes: number;
  compressedBytes: number;
}

interface OpenZip {
  zip: yauzl.ZipFile;
  entries: Map<string, yauzl.Entry>;
  parts: ZipPart[];
}

function mbOf(bytes: number): number {
  return Math.round((bytes / MB) * 10) / 10;
}

function fromBuffer(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(new ZipGuardError('not_zip', s.notZip));
      else resolve(zip);
    });
  });
}

async function open(bytes: Uint8Array, limits: ZipLimits): Promise<OpenZip> {
  const zip = await fromBuffer(bytes);
  if (zip.entryCount > limits.maxParts) {
    zip.close();
    throw new ZipGuardError('too_many_parts', s.tooManyParts(limits.maxParts));
  }
  const entries = new Map<string, yauzl.Entry>();
  const parts: ZipPart[] = [];
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (e: ZipGuardError) => {
      zip.close();
      reject(e);
    };
    zip.on('error', () => fail(new ZipGuardError('corrupt', s.corrupt)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName;
      if (entries.has(name)) return fail(new ZipGuardError('duplicate_part', s.duplicatePart(name)));
      if (entry.isEncrypted()) return fail(new ZipGuardError('encrypted', s.encrypted));
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return fail(new ZipGuardError('unsupported', s.unsupported));
      if (entry.uncompressedSize > limits.maxPartBytes) return fail(new ZipGuardError('part_too_large', s.partTooLarge(name, mbOf(limits.maxPartBytes))));
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) return fail(new ZipGuardError('total_too_large', s.totalTooLarge(mbOf(limits.maxTotalBytes))));
      entries.set(name, entry);
      if (!name.endsWith('/')) parts.push({ name, declaredBytes: entry.uncompressedSize, compressedBytes: entry.compressedSize });
      zip.readEntry();
    });
    zip.readEntry();
  });
  return { zip, entries, parts };
}

/** Inflates one part, never past its declared size; `keep` false counts and discards. */
function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, keep: boolean): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(new ZipGuardError('corrupt', s.corrupt));
      const chunks: Buffer[] = [];
      let seen = 0;
      let settled = false;
      const fail = (e: ZipGuardError) => {
        if (settled) return;
        settled = true;
        stream.destroy();
        reject(e);
      };
      stream.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        // yauzl stops at the declared size too; this is the guard's own count.
        if (seen > entry.uncompressedSize) return fail(new ZipGuardError('size_mismatch', s.sizeMismatch(entry.fileName)));
        if (keep) chunks.push(chunk);
      });
      stream.on('error', (e: Error) =>
        fail(/too (many|few) bytes/.test(e.message) ? new ZipGuardError('size_mismatch', s.sizeMismatch(entry.fileName)) : new ZipGuardError('corrupt', s.corrupt)),
      );
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        resolve(keep ? new Uint8Array(Buffer.concat(chunks, seen)) : null);
      });
    });
  });
}

/**
 * The archive's parts with their declared unpacked sizes, read from the central directory
 * without inflating anything; refuses an archive whose declared sizes exceed the limits.
 */
export async function listZipParts(bytes: Uint8Array, limits: ZipLimits = defaultZipLimits): Promise<ZipPart[]> {
  const { zip, parts } = await open(bytes, limits);
  zip.close();
  return parts;
}

/**
 * Unpacks the parts `select` chooses (all when omitted), after checking every part's
 * declared size; each part inflates at most to its declared size, so the bytes actually
 * inflated are bounded by the limits whatever the headers claim.
 */
export async function unzipParts(
  bytes: Uint8Array,
  opts: { limits?: ZipLimits; select?: (name: string) => boolean } = {},
): Promise<Map<string, Uint8Array>> {
  const { zip, entries } = await open(bytes, opts.limits ?? defaultZipLimits);
  const out = new Map<string, Uint8Array>();
  try {
    for (const [name, entry] of entries) {
      if (name.endsWith('/') || (opts.select && !opts.select(name))) continue;
      out.set(name, (await inflate(zip, entry, true))!);
    }
  } finally {
    zip.close();
  }
  return out;
}

/**
 * Checks an upload that another library will unpack: declared sizes first, then every
 * part inflated (and discarded) with the bytes counted. Returns the parts.
 */
export async function checkZip(bytes: Uint8Array, limits: ZipLimits = defaultZipLimits): Promise<ZipPart[]> {
  const { zip, entries, parts } = await open(bytes, limits);
  try {
    for (const [name, entry] of entries) if (!name.endsWith('/')) await inflate(zip, entry, false);
  } finally {
    zip.close();
  }
  return parts;
}

/** A fresh zip of `parts` in the given order, stored without compression (fast to read back). */
export function storedZip(parts: Iterable<[string, Uint8Array]>): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const [name, data] of parts) files[name] = [data, { level: 0 }];
  return zipSync(files);
}
