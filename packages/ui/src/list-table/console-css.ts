// Global styles of the console that antd's tokens do not cover, put in <head> by the root
// layout: printing (no navigation or controls, page numbers in the margin), the focus ring,
// the skip link and cells that must not wrap.
export const PRINT_CSS = [
  '.zf-print-only{display:none}',
  '@media print{',
  '.zf-no-print,.ant-layout-sider,.ant-layout-header,.zf-skip-link,.ant-table-selection-column,.ant-pagination,.ant-tooltip{display:none!important}',
  '.zf-print-only{display:block}',
  'html,body,.ant-layout,.ant-layout-content{background:#fff!important}',
  '.ant-layout-content{padding:0!important}',
  '.ant-card{border:none!important;box-shadow:none!important}',
  '.ant-card-body{padding:0!important}',
  '.ant-table-cell-fix-left,.ant-table-cell-fix-right{position:static!important}',
  '.ant-table-content{overflow:visible!important}',
  '.ant-table-content>table{width:100%!important;min-width:0!important}',
  '.ant-table-cell-ellipsis{white-space:normal!important;overflow:visible!important}',
  '.ant-table-cell-ellipsis>span{white-space:normal!important}',
  'a{color:inherit!important;text-decoration:none!important}',
  '}',
  '@page{size:A4 landscape;margin:14mm 12mm 16mm;@bottom-center{content:"第 " counter(page) " 页，共 " counter(pages) " 页";font-size:9pt;color:#000}}',
].join('');

/** A focus ring everywhere the keyboard goes (antd draws none on menu items and links). */
export const FOCUS_CSS = [
  ':focus-visible{outline:2px solid #1f4fbf!important;outline-offset:2px}',
  '.ant-menu-item:focus-visible,.ant-menu-submenu-title:focus-visible{outline:2px solid #1f4fbf!important;outline-offset:-2px}',
  '.ant-menu-item a:focus-visible{outline:none!important}',
  '.ant-menu-item:has(a:focus-visible){outline:2px solid #1f4fbf;outline-offset:-2px}',
  '.zf-skip-link{position:absolute;left:8px;top:-48px;z-index:1000;padding:8px 16px;background:#fff;color:#8e1616;border:2px solid #1f4fbf;border-radius:4px;font-weight:600}',
  '.zf-skip-link:focus{top:8px}',
  // A link in running text (a card's body, not a button or a table's cell) is underlined, so it
  // is told from the text around it without relying on colour (WCAG 1.4.1).
  '.ant-card-body>a:not(.ant-btn),.ant-card-body p a:not(.ant-btn){text-decoration:underline}',
].join('');

// antd's tag text (its colour's 6th/7th shade on the 1st) is 2.9–4.4:1; these darker shades
// (the 8th/9th) reach 4.5:1 on the same backgrounds. Two classes, so they outrank antd's
// :where()-scoped rules whichever order the styles arrive in.
const TAG_TEXT: [string, string][] = [
  ['green,.ant-tag.ant-tag-success', '#135200'],
  ['lime', '#3f6600'],
  ['cyan', '#00474f'],
  ['blue,.ant-tag.ant-tag-processing', '#003eb3'],
  ['geekblue', '#10239e'],
  ['purple', '#391085'],
  ['magenta', '#780650'],
  ['red,.ant-tag.ant-tag-error', '#a8071a'],
  ['volcano', '#871400'],
  ['orange,.ant-tag.ant-tag-warning', '#873800'],
  ['gold', '#874d00'],
  ['yellow', '#614700'],
];

/**
 * Text antd draws at 25 % black (1.8:1): empty lists. A button busy with its request (正在登录…)
 * antd fades to 65 %: white on the faded red is 2.8:1, so it keeps its colours (its spinner
 * says it is busy).
 */
export const CONTRAST_CSS = [
  ...TAG_TEXT.map(([names, color]) => `.ant-tag.ant-tag-${names}{color:${color}}`),
  '.ant-btn.ant-btn-loading{opacity:1}',
  // Typography's warning and success text (#faad14 1.9:1, #52c41a 2.4:1); three classes outrank antd's two.
  '.ant-typography.ant-typography-warning.ant-typography-warning{color:#874d00}',
  '.ant-typography.ant-typography-success.ant-typography-success{color:#135200}',
  '.ant-empty .ant-empty-description,.ant-list .ant-list-empty-text,.ant-table .ant-table-placeholder,.ant-table .ant-table-placeholder .ant-table-cell,.ant-table .ant-table-expanded-row-fixed{color:rgba(0,0,0,0.58)!important}',
].join('');

/** Detail tables: a label or a date never breaks across lines. */
export const DETAIL_CSS = [
  '.zf-visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}','.ant-descriptions-item-label{white-space:nowrap}', '.zf-nowrap{white-space:nowrap}'].join('');

/**
 * Tabs along the top wrap onto a second line instead of scrolling out of sight behind antd's
 * "more" button: every tab stays visible and reachable on a 1366 px office screen, and the
 * tab list holds only tabs (antd puts its "more" button inside role="tablist", which screen
 * readers and axe's aria-required-children reject). The active tab is underlined itself,
 * since antd's ink bar sits under the last line whichever line the tab is on.
 */
export const TABS_CSS = [
  '.ant-tabs-top>.ant-tabs-nav .ant-tabs-nav-list{flex-wrap:wrap;width:100%;column-gap:32px;transform:none!important}',
  '.ant-tabs-top>.ant-tabs-nav .ant-tabs-nav-list>.ant-tabs-tab+.ant-tabs-tab{margin-inline-start:0!important}',
  '.ant-tabs-top>.ant-tabs-nav .ant-tabs-nav-operations{display:none!important}',
  '.ant-tabs-top>.ant-tabs-nav .ant-tabs-ink-bar{display:none}',
  '.ant-tabs-top>.ant-tabs-nav .ant-tabs-tab.ant-tabs-tab-active{box-shadow:inset 0 -2px 0 #b71c1c}',
].join('');

export const CONSOLE_CSS = PRINT_CSS + FOCUS_CSS + CONTRAST_CSS + DETAIL_CSS + TABS_CSS;
