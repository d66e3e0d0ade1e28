import { defineConfig } from 'vitest/config';
import { vitestConfig } from '@zhengfa/vitest-config';
import { zhengfaPlugins } from './plugin-registry.js';

export default defineConfig({
  // `virtual:zhengfa/plugins`, as in the console build.
  plugins: [zhengfaPlugins()],
  ...vitestConfig({ include: ['app/**/*.test.ts', 'app/**/*.test.tsx', '*.test.ts'] }),
});
