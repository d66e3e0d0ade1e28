import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkZip, listZipParts, storedZip, unzipParts, ZipGuardError, type ZipLimits } from './zip-guard.js';

const MB = 1024 * 1024;
const small: ZipLimits = { maxParts: 10, maxPartBytes: 1 * MB, maxTotalBytes: 2 * MB };

function workbook(sheet: Uint8Array): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8('<workbook/>'),
    'xl/worksheets/sheet1.xml': sheet,
  });
}

/** A sheet of `bytes` spaces inside its XML: deflates about a thousand to one. */
function hugeSheet(bytes: number): Uint8Array {
  const out = new Uint8Array(bytes).fill(0x20);
  out.set(strToU8('<worksheet>'), 0);
  return out;
}

/** Rewrites the declared unpacked size of `name` in its local header and the central directory (a lying header). */
function declare(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  const matches = (at: number) => nameBytes.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 4 <= out.length; i += 1) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === nameBytes.length && matches(i + 30)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === nameBytes.length && matches(i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}

async function refusal(p: Promise<unknown>): Promise<ZipGuardError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ZipGuardError);
  return err as ZipGuardError;
}

describe('zip guard', () => {
  it('lists every part with its declared unpacked size without unpacking it', async () => {
    const parts = await listZipParts(workbook(strToU8('<worksheet/>')));
    expect(parts.map((p) => [p.name, p.declaredBytes])).toEqual([
      ['[Content_Types].xml', 8],
      ['xl/workbook.xml', 11],
      ['xl/worksheets/sheet1.xml', 12],
    ]);
  });

  it('refuses a small zip whose sheet inflates past the part limit, in Chinese, before inflating it', async () => {
    const bomb = workbook(hugeSheet(3 * MB));
    expect(bomb.length).toBeLessThan(20_000);
    const err = await refusal(listZipParts(bomb, small));
    expect(err.code).toBe('part_too_large');
    expect(err.message).toBe('文件解压后过大：部件「xl/worksheets/sheet1.xml」超过 1 MB，可能是异常文件（压缩炸弹），已拒绝；请删去多余内容或拆分文件后重新上传');
  });

  it('refuses a bomb declaring a gigabyte under the default limits', async () => {
    const err = await refusal(unzipParts(declare(workbook(strToU8('<worksheet/>')), 'xl/worksheets/sheet1.xml', 1024 * MB)));
    expect(err.code).toBe('part_too_large');
    expect(err.message).toMatch(/^文件解压后过大：部件「xl\/worksheets\/sheet1\.xml」超过 64 MB/);
  });

  it('refuses parts that are each under the part limit but together over the total limit', async () => {
    const zip = zipSync({ a: hugeSheet(0.9 * MB), b: hugeSheet(0.9 * MB), c: hugeSheet(0.9 * MB) });
    const err = await refusal(listZipParts(zip, small));
    expect(err.code).toBe('total_too_large');
    expect(err.message).toBe('文件解压后超过 2 MB，可能是异常文件（压缩炸弹），已拒绝；请拆分文件后重新上传');
  });

  it('refuses a part whose header declares less than it inflates to, stopping at the declared size', async () => {
    const lying = declare(workbook(hugeSheet(3 * MB)), 'xl/worksheets/sheet1.xml', 1000);
    expect((await listZipParts(lying, small)).find((p) => p.name === 'xl/worksheets/sheet1.xml')?.declaredBytes).toBe(1000);
    const err = await refusal(unzipParts(lying, { limits: small }));
    expect(err.code).toBe('size_mismatch');
    expect(err.message).toBe('文件内部部件「xl/worksheets/sheet1.xml」记录的大小与实际内容不符，可能是异常文件（压缩炸弹），已拒绝');
    expect((await refusal(checkZip(lying, small))).code).toBe('size_mismatch');
  });

  it('refuses an archive with more parts than allowed', async () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 11; i += 1) many[`p${i}`] = strToU8('x');
    const err = await refusal(listZipParts(zipSync(many), small));
    expect(err.message).toBe('文件内部的部件超过 10 个，可能是异常文件，已拒绝');
  });

  it('refuses a file that is not a zip', async () => {
    const err = await refusal(listZipParts(strToU8('not a zip at all')));
    expect(err.code).toBe('not_zip');
    expect(err.message).toMatch(/^无法读取该文件/);
  });

  it('unpacks only the chosen parts and re-packs them, in order, as a stored zip', async () => {
    const parts = await unzipParts(workbook(strToU8('<worksheet>1</worksheet>')), { select: (n) => n.startsWith('xl/') });
    expect([...parts.keys()]).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const again = unzipSync(storedZip([...parts].reverse()));
    expect(Object.keys(again)).toEqual(['xl/worksheets/sheet1.xml', 'xl/workbook.xml']);
    expect(new TextDecoder().decode(again['xl/worksheets/sheet1.xml'])).toBe('<worksheet>1</worksheet>');
  });

  it('checks every part of an honest archive by inflating it', async () => {
    const parts = await checkZip(workbook(hugeSheet(0.5 * MB)), small);
    expect(parts.map((p) => p.declaredBytes)).toEqual([8, 11, 524288]);
  });
});
