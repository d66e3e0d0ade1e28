import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { App as AntApp, ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { useEffect, type ReactNode } from 'react';
import { antdZhCN } from './antd-locale.js';
import { useNonce } from './nonce.js';
import { ErrorView } from './components/error-view.js';
import { strings } from './strings.js';
import { ANTD_STYLE_ID, NO_SCRIPT_CSS } from './styles.js';

dayjs.locale('zh-cn');

export const meta: MetaFunction = () => [{ title: strings.appName }];

const theme = {
  token: {
    colorPrimary: '#b71c1c',
    colorLink: '#b71c1c',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif",
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
        <style dangerouslySetInnerHTML={{ __html: 'html,body{margin:0;background:#f5f6f8}' }} />
        <noscript dangerouslySetInnerHTML={{ __html: `<style>${NO_SCRIPT_CSS}</style>` }} />
      </head>
      <body>
        <ConfigProvider locale={antdZhCN} theme={theme} button={{ autoInsertSpace: false }}>
          <AntApp>{children}</AntApp>
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
