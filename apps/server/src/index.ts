export { createApp } from './app.js';
export { startServer, openKernel, BootError, type RunningServer } from './boot.js';
export { loadConfig, configDocs, type ServerConfig } from './config.js';
export { INSTALL_LIST_FILE, InstallListError, loadInstalledPlugins, parseInstallList, readInstallList } from './plugins.js';
