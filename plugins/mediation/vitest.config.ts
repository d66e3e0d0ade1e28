import { defineConfig } from 'vitest/config';
import { vitestConfig } from '@zhengfa/vitest-config';

export default defineConfig(vitestConfig());
