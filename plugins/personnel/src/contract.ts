// What other plugins may depend on: this plugin's id. Nothing else of this package is a public API.
export const PERSONNEL_PLUGIN_ID = 'personnel';
