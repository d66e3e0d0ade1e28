import { defineConfig } from 'vitest/config';
import { vitestConfig } from '@zhengfa/vitest-config';

// The fresh-copy tests install, build and start the product: minutes, not seconds.
export default defineConfig(vitestConfig({ testTimeout: 600_000, hookTimeout: 600_000 }));
