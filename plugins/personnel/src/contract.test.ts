// The plugin contract suite (@zhengfa/test-utils), on PGlite and PostgreSQL: migrations,
// schema, permissions, guarded procedures, Chinese input errors, console routes.
import { describePluginContract } from '@zhengfa/test-utils';
import adminPlugin from './admin/index.js';
import { disciplineOpenToSignedInUsers } from './server/discipline-router.js';
import plugin from './server/index.js';

describePluginContract(plugin, {
  admin: { plugin: adminPlugin, manifest: new URL('./admin/routes.json', import.meta.url) },
  openToSignedInUsers: {
    'personnel.training.signIn': 'every officer with an account signs in to a session with its code; only their own registry record is touched',
    'personnel.training.mine': 'every officer with an account sees their own training, and only their own',
    ...disciplineOpenToSignedInUsers,
  },
});
