// Types the server needs from the console; the console itself is served from build/.
export type { AdminLoadContext } from './load-context.js';
