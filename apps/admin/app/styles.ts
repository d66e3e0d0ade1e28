/** The <style> element that carries antd's server-rendered CSS. */
export const ANTD_STYLE_ID = 'antd-ssr';
