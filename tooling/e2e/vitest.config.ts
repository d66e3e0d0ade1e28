import { defineConfig } from 'vitest/config';
import { vitestConfig } from '@zhengfa/vitest-config';

export default defineConfig(vitestConfig({ include: ['tests/**/*.test.ts'], testTimeout: 120_000, fileParallelism: false }));
