// The plugin's procedures, one folder per domain.
export const router = {};
