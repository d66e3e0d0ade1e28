export { ListTable, type BatchSelection, type ListColumn, type ListTableProps } from './list-table.js';
export { PrintButton } from './print-button.js';
export { CONSOLE_CSS } from './console-css.js';
export { ListSearch, type ListSearchProps } from './list-search.js';
