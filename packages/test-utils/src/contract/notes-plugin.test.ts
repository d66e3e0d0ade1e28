// The plugin contract suite run on the fixture plugin (fixtures/plugins/notes), the
// smallest complete plugin: what petitions passes, a third-party plugin passes the same way.
import notesAdmin from '@zhengfa/plugin-notes/admin';
import { createNotesPlugin } from '@zhengfa/kernel/testing';
import { describePluginContract } from './describe-plugin-contract.js';

describePluginContract(createNotesPlugin(), {
  admin: { plugin: notesAdmin, manifest: new URL('../../fixtures/plugins/notes/src/admin/routes.json', import.meta.url) },
});
