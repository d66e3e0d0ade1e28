/** The <style> element that carries antd's server-rendered CSS. */
export const ANTD_STYLE_ID = 'antd-ssr';

/**
 * Styles for a browser with JavaScript off, inside <noscript> (root.tsx). antd draws a
 * checkbox or radio in a span over a transparent native input and redraws the span from
 * JavaScript; without it the drawing never changes, so the native input shows instead.
 * `zf-needs-js` hides a control that only works with JavaScript where a native one stands in.
 */
export const NO_SCRIPT_CSS = [
  '.ant-checkbox-input,.ant-radio-input{opacity:1!important;position:static!important;width:auto!important;height:auto!important;margin:0!important}',
  '.ant-checkbox-inner,.ant-radio-inner{display:none!important}',
  '.zf-needs-js{display:none!important}',
].join('');
