import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { useEffect, type ReactNode } from 'react';
import { CONSOLE_CSS, FormErrorAnnouncer } from '@zhengfa/ui';
import { antdZhCN } from './antd-locale.js';
import { useNonce } from './nonce.js';
import { ErrorView } from './components/error-view.js';
import { strings } from './strings.js';
import { ANTD_STYLE_ID, NO_SCRIPT_CSS } from './styles.js';

dayjs.locale('zh-cn');

export const meta: MetaFunction = () => [{ title: strings.appName }];

/** The ring of a focused field: blue, so that in the red theme focus never looks like an error. */
const FOCUS = '#1f4fbf';
const focusedField = { activeBorderColor: FOCUS, hoverBorderColor: '#5a7bd0', activeShadow: '0 0 0 2px rgba(31,79,191,0.18)' };

const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    colorLink: '#b71c1c',
    // A hovered or pressed link darkens: antd's lighter hover red is under 4.5:1 on white.
    colorLinkHover: '#8e1616',
    colorLinkActive: '#7a1212',
    // WCAG 2.1 AA (4.5:1) on white and on the page's #f5f6f8: antd's helper text is 3.35:1
    // and its placeholder 1.83:1; these are 5.32:1 / 5.21:1 and 4.76:1 / 4.67:1.
    colorTextTertiary: 'rgba(0,0,0,0.58)',
    colorTextDescription: 'rgba(0,0,0,0.58)',
    colorTextPlaceholder: 'rgba(0,0,0,0.55)',
    // antd's #ff4d4f is 3.27:1; an error message needs 4.5:1 (this is 5.62:1).
    colorError: '#c62828',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif",
  },
  components: {
    Input: focusedField,
    InputNumber: focusedField,
    DatePicker: focusedField,
    Mentions: focusedField,
    Select: { activeBorderColor: FOCUS, hoverBorderColor: '#5a7bd0', activeOutlineColor: 'rgba(31,79,191,0.18)' },
  },
};

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/* antd's server-rendered CSS is put in here by entry.server; the browser keeps it. */}
        <style id={ANTD_STYLE_ID} dangerouslySetInnerHTML={{ __html: '' }} suppressHydrationWarning />
        <style dangerouslySetInnerHTML={{ __html: `html,body{margin:0;background:#f5f6f8}${CONSOLE_CSS}` }} />
        <noscript dangerouslySetInnerHTML={{ __html: `<style>${NO_SCRIPT_CSS}</style>` }} />
      </head>
      <body>
        <ConfigProvider locale={antdZhCN} theme={theme} button={{ autoInsertSpace: false }}>
          <AntApp>{children}</AntApp>
          <FormErrorAnnouncer />
        </ConfigProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function Root() {
  useEffect(() => {
    // Lets browser tests wait until the page is interactive.
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorView error={error} />;
}
