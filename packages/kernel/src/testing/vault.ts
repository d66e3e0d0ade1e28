// The data key every test kernel seals with, so that a second kernel or a server process
// opened on a test's database reads what the first one wrote, and a key rotation to try
// on a test's database. For tests only.
import type { AnyPlugin } from '@zhengfa/plugin-api';
import { createKernel, createVault, keyIdOf, parseDataKey, SESSION_COOKIE, vaultStrings, type Kernel, type KernelVault, type RotationReport } from '../index.js';
import type { ActingUser, Caller, TestKernel } from './test-kernel.js';

export const TEST_DATA_KEY = '7e57da7a0000000000000000000000000000000000000000000000000000c0de';

export { vaultStrings };

export function testVault(): KernelVault {
  return createVault({ current: parseDataKey(TEST_DATA_KEY) });
}

/** The key id envelopes sealed under this key (64 hex) carry. */
export function dataKeyId(hex: string): string {
  return keyIdOf(parseDataKey(hex));
}

export interface Rotation {
  report: RotationReport;
  kernel: Kernel;
  /** A caller of the rotated kernel for a user signed in on the test kernel. */
  as(user: ActingUser): Promise<Caller>;
}

/**
 * Rotates a test database's data key to `newKey` (64 hex) as `pnpm zhengfa rotate-key`
 * does: a kernel with the new key current and the test key old re-seals everything.
 */
export async function rotateTestKey(t: TestKernel, newKey: string, plugins: AnyPlugin[] = []): Promise<Rotation> {
  const vault = createVault({ current: parseDataKey(newKey), old: [parseDataKey(TEST_DATA_KEY)] });
  const kernel = createKernel({ vault, database: t.database, plugins });
  const report = await kernel.rotateKey();
  return {
    report,
    kernel,
    async as(user) {
      const ctx = await kernel.createContext({ headers: new Headers({ cookie: `${SESSION_COOKIE}=${user.cookie}`, 'user-agent': 'vitest' }), ip: '127.0.0.1' });
      return kernel.createCaller(ctx);
    },
  };
}
