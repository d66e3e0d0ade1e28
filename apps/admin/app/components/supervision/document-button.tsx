// 下载文书: fetches a generated .docx and saves it; a refusal (e.g. 事项尚未交办) is shown
// as the server's message rather than a page of JSON.
import { App } from 'antd';
import { BusyButton } from '@zhengfa/ui';
import type { ButtonProps } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { downloadDocument } from '@zhengfa/ui';
import { strings } from '../../strings.js';

interface Props {
  href: string;
  label: string;
  /** The name used if the server sends none. */
  fileName: string;
  testId?: string;
  type?: ButtonProps['type'];
  size?: ButtonProps['size'];
  disabled?: boolean;
}

export function DocumentButton({ href, label, fileName, testId, type, size, disabled }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      await downloadDocument(href, fileName);
    } catch (err) {
      void message.error((err as Error).message || strings.supervision.downloadFailed);
    } finally {
      setBusy(false);
    }
  }
  return (
    <BusyButton icon={<FileWordOutlined />} onClick={run} loading={busy} data-testid={testId} type={type} size={size} disabled={disabled}>
      {label}
    </BusyButton>
  );
}
