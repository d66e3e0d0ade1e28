export { createPlugin, CreatePluginError, install, pluginNames, problems, readInstallList, type CreatedPlugin } from './generate.js';
export { changeset, pluginFiles, type PluginNames } from './templates.js';
