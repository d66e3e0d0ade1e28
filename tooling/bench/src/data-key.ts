// The data key the benchmark's generated databases are sealed under (kernel/src/vault): the
// generator seals parties with it and the benchmarked server opens them with it (DATA_KEY).
// Its own constant, not the test harness's, so the bench CLI loads nothing of vitest.
import { createVault, parseDataKey, type KernelVault } from '@zhengfa/kernel';

export const BENCH_DATA_KEY = 'be7c4da7a000000000000000000000000000000000000000000000000000b3ec';

export function benchVault(): KernelVault {
  return createVault({ current: parseDataKey(BENCH_DATA_KEY) });
}
