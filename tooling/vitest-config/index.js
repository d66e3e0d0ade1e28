// Shared vitest settings. Database suites share one PGlite per file and are slow to
// start, so timeouts are generous; files run in forked workers so a crashed WASM
// instance cannot take its neighbours down.
/** @param {import('vitest/config').UserConfig['test']} [overrides] */
export function vitestConfig(overrides = {}) {
  return {
    test: {
      pool: 'forks',
      poolOptions: { forks: { maxForks: 2, minForks: 1 } },
      testTimeout: 60_000,
      hookTimeout: 120_000,
      passWithNoTests: true,
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
      ...overrides,
    },
  };
}
