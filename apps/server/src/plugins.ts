// The explicit list of installed plugins. Installing a plugin means adding its package
// to apps/server's dependencies and its default export here; which of them run is the
// deployment's PLUGINS setting (default: all installed).
import type { AnyPlugin } from '@zhengfa/plugin-api';
import petitions from '@zhengfa/plugin-petitions';

export const installedPlugins: AnyPlugin[] = [petitions];
