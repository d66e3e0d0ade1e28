// antd's zh_CN locale is CommonJS: under Vite SSR the default import is the module object
// (with the locale under .default), in the browser it is the locale itself. Unwrapping here
// keeps the server render Chinese too (otherwise it renders English and hydration fails).
import type { Locale } from 'antd/es/locale';
import zhCNModule from 'antd/locale/zh_CN';

const mod = zhCNModule as Locale & { default?: Locale };

export const antdZhCN: Locale = mod.default ?? mod;
