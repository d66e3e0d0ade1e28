// 导出 Excel: starts the kernel's background export, shows its progress, then downloads
// the file from /exports/:id (same origin, the session cookie authorises it).
import { Alert, Button, Modal, Progress, Space, Typography } from 'antd';
import { BusyButton } from '@zhengfa/ui';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import type { LedgerFilter } from '../../lib/case-filters.js';
import { callErrorOf } from '../../lib/trpc-errors.js';
import { browserTrpc } from '../../lib/trpc.client.js';
import { strings } from '../../strings.js';

const s = strings.cases;
const POLL_MS = 500;

type State =
  | { phase: 'idle' }
  | { phase: 'running'; total: number; done: number }
  | { phase: 'done'; id: string; total: number; fileName: string }
  | { phase: 'failed'; message: string };

function download(id: string, fileName: string) {
  const a = document.createElement('a');
  a.href = `/exports/${id}`;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function ExportButton({ filter }: { filter: LedgerFilter }) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const cancelled = useRef(false);
  useEffect(
    () => () => {
      cancelled.current = true;
    },
    [],
  );

  async function start() {
    cancelled.current = false;
    setState({ phase: 'running', total: 0, done: 0 });
    try {
      const trpc = browserTrpc();
      const { id, total } = await trpc.cases.startExport.mutate(filter);
      setState({ phase: 'running', total, done: 0 });
      for (;;) {
        if (cancelled.current) return;
        const st = await trpc.cases.exportStatus.query({ id });
        if (st.status === 'done') {
          setState({ phase: 'done', id, total: st.total, fileName: st.fileName });
          download(id, st.fileName);
          return;
        }
        if (st.status === 'failed') {
          setState({ phase: 'failed', message: s.exportFailed });
          return;
        }
        setState({ phase: 'running', total: st.total, done: st.done });
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } catch (err) {
      setState({ phase: 'failed', message: callErrorOf(err)?.message ?? strings.error.network });
    }
  }

  const close = () => {
    cancelled.current = true;
    setState({ phase: 'idle' });
  };
  const percent = state.phase === 'done' ? 100 : state.phase === 'running' && state.total > 0 ? Math.floor((state.done / state.total) * 100) : 0;

  return (
    <>
      <BusyButton icon={<FileExcelOutlined />} onClick={start} loading={state.phase === 'running'} data-testid="ledger-export">
        {s.export}
      </BusyButton>
      <Modal open={state.phase !== 'idle'} title={s.exportTitle} onCancel={close} footer={<Button onClick={close}>{strings.common.ok}</Button>} destroyOnClose>
        {state.phase === 'failed' ? (
          <Alert type="error" showIcon message={state.message} />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Progress percent={percent} status={state.phase === 'done' ? 'success' : 'active'} data-testid="export-progress" />
            {state.phase === 'running' ? <Typography.Text type="secondary">{s.exporting(state.done, state.total)}</Typography.Text> : null}
            {state.phase === 'done' ? (
              <Space direction="vertical">
                <Typography.Text>{s.exportDone(state.total)}</Typography.Text>
                <Button type="link" icon={<DownloadOutlined />} href={`/exports/${state.id}`} download={state.fileName} data-testid="export-download" style={{ paddingInline: 0 }}>
                  {s.exportDownload}（{state.fileName}）
                </Button>
              </Space>
            ) : null}
          </Space>
        )}
      </Modal>
    </>
  );
}
