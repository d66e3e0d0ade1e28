// Attachments: upload through POST /files (multipart, the server checks type and size and
// answers in Chinese), list, download from GET /files/:id.
import { useRevalidator } from '@remix-run/react';
import { App, Button, Space, Table, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { BusyButton, formatDateTime } from '@zhengfa/ui';
import { useState } from 'react';
import { formatSize } from '../../lib/case-actions.js';
import type { CaseDetail } from '../../lib/case-page.js';
import { strings } from '../../strings.js';

const s = strings.cases;

export interface Uploaded {
  id: string;
  name: string;
  size: number;
  mime: string;
}

/** Uploads one file to the case; reports the stored attachment or shows the server's refusal. */
export function AttachmentUpload({ caseId, onUploaded }: { caseId: string; onUploaded?: (file: Uploaded) => void }) {
  const { message } = App.useApp();
  const revalidator = useRevalidator();
  const [busy, setBusy] = useState(false);
  const customRequest: UploadProps['customRequest'] = async ({ file, onSuccess, onError }) => {
    setBusy(true);
    try {
      const fd = new FormData();
      fd.append('caseId', caseId);
      fd.append('file', file as File);
      const res = await fetch('/files', { method: 'POST', body: fd, credentials: 'same-origin' });
      const body = (await res.json().catch(() => null)) as (Uploaded & { error?: { message?: string } }) | null;
      if (res.status === 201 && body?.id) {
        void message.success(s.uploaded(body.name));
        onSuccess?.(body);
        onUploaded?.(body);
        revalidator.revalidate();
      } else {
        const text = body?.error?.message ?? strings.error.unknown;
        void message.error(text);
        onError?.(new Error(text));
      }
    } catch {
      void message.error(strings.error.network);
      onError?.(new Error(strings.error.network));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Upload customRequest={customRequest} showUploadList={false} accept=".pdf,.doc,.docx,.xls,.xlsx,.ofd,.jpg,.jpeg,.png,.txt" multiple={false}>
      <BusyButton icon={<UploadOutlined />} loading={busy} data-testid="attachment-upload">
        {busy ? s.uploading : s.upload}
      </BusyButton>
    </Upload>
  );
}

export function AttachmentsPanel({ c }: { c: CaseDetail }) {
  type A = CaseDetail['attachments'][number];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <AttachmentUpload caseId={c.id} />
        <Typography.Text type="secondary">{s.uploadHelp}</Typography.Text>
      </Space>
      <Table<A>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.attachments}
        locale={{ emptyText: s.noAttachments }}
        columns={[
          { title: s.fileName, key: 'name', render: (_, a) => <a href={`/files/${a.id}`}>{a.name}</a> },
          { title: s.fileSize, key: 'size', width: 100, render: (_, a) => formatSize(a.size) },
          { title: s.uploadedAt, key: 'at', width: 170, render: (_, a) => formatDateTime(a.uploadedAt) },
          {
            title: strings.common.actions,
            key: 'download',
            width: 90,
            render: (_, a) => (
              <Button type="link" size="small" icon={<DownloadOutlined />} href={`/files/${a.id}`}>
                {s.download}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
