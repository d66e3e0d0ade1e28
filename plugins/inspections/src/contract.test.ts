// The plugin contract suite (@zhengfa/test-utils), on PGlite and PostgreSQL: migrations,
// schema, permissions, guarded procedures, Chinese input errors, console routes.
import { describePluginContract } from '@zhengfa/test-utils';
import adminPlugin from './admin/index.js';
import plugin from './server/index.js';

describePluginContract(plugin, { admin: { plugin: adminPlugin, manifest: new URL('./admin/routes.json', import.meta.url) } });
