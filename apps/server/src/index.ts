export { createApp } from './app.js';
export { startServer, openKernel, BootError, type RunningServer } from './boot.js';
export { loadConfig, configDocs, type ServerConfig } from './config.js';
export { installedPlugins } from './plugins.js';
