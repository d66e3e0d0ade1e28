// The plugin contract suite (@zhengfa/test-utils), run on PGlite and PostgreSQL.
import { describePluginContract } from '@zhengfa/test-utils';
import adminPlugin from './admin/index.js';
import { petitionEventSchemas } from './contract.js';
import plugin from './server/index.js';

describePluginContract(plugin, {
  admin: { plugin: adminPlugin, manifest: new URL('./admin/routes.json', import.meta.url) },
  contractEvents: petitionEventSchemas,
});
