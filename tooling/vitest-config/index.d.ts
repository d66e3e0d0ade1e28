import type { UserConfig } from 'vitest/config';
export declare function vitestConfig(overrides?: NonNullable<UserConfig['test']>): UserConfig;
