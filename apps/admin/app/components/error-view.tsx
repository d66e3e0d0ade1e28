import { isRouteErrorResponse } from '@remix-run/react';
import { Button, Result } from 'antd';
import { uiStrings } from '@zhengfa/ui';
import { strings } from '../strings.js';

/** The error page in Chinese: what went wrong and a way back. */
export function ErrorView({ error }: { error: unknown }) {
  let title: string = strings.error.title;
  let subTitle: string = strings.error.unknown;
  let status: '403' | '404' | '500' | 'error' = 'error';
  if (isRouteErrorResponse(error)) {
    const message = (error.data as { message?: unknown } | null)?.message;
    if (error.status === 404) {
      title = strings.error.notFoundTitle;
      subTitle = typeof message === 'string' ? message : strings.error.notFound;
      status = '404';
    } else if (error.status === 403) {
      title = strings.error.forbiddenTitle;
      subTitle = typeof message === 'string' ? message : uiStrings.forbiddenPage;
      status = '403';
    } else {
      subTitle = typeof message === 'string' ? message : strings.error.status(error.status);
      status = error.status >= 500 ? '500' : 'error';
    }
  }
  return (
    <Result
      status={status}
      title={title}
      subTitle={subTitle}
      extra={
        <Button type="primary" href="/">
          {strings.error.backHome}
        </Button>
      }
    />
  );
}

