// 导入干警名册: the dry run's report (every bad row by row number and column), then the import
// of the same file, whole.
import { UploadOutlined } from '@ant-design/icons';
import { useFetcher } from '@remix-run/react';
import { Alert, Button, Card, List, Space, Upload } from 'antd';
import { badForm, BusyButton, bytesToBase64, form, FormError, PageHeader, readFileBytes, saveBase64File, useActionFeedback, type ActionOutcome, type RouteArgs } from '@zhengfa/ui';
import { useCallback, useState } from 'react';
import { kit } from '../api.js';
import { strings } from '../strings.js';

const s = strings.imports;

export async function loader(args: RouteArgs) {
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'personnel.manage');
    return {};
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  const file = { fileName: form.str(fd, 'fileName'), base64: form.str(fd, 'base64') };
  if (intent === 'template') return kit.mutate(args, intent, '', (c) => c.personnel.imports.template());
  if (intent === 'check') return kit.mutate(args, intent, '', (c) => c.personnel.imports.check(file));
  if (intent === 'confirm') return kit.mutate(args, intent, '', (c) => c.personnel.imports.confirm(file));
  return badForm(intent);
}

interface Report {
  totalRows: number;
  goodRows: number;
  badRows: number;
  skippedRows: number;
  imported: number;
  bad: { row: number; reasons: string[] }[];
  skipped: { row: number; toRow?: number; reason: string }[];
}

export default function ImportsPage() {
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const onSuccess = useCallback((o: ActionOutcome) => {
    if (o.intent === 'template' && o.result) saveBase64File(o.result as { fileName: string; base64: string }, 'template.xlsx');
    if (o.intent === 'check' || o.intent === 'confirm') setReport(o.result as Report);
  }, []);
  const fetcher = useFetcher<typeof action>();
  const error = useActionFeedback(fetcher, onSuccess);
  const busy = fetcher.state !== 'idle';

  async function choose(f: File) {
    setReport(null);
    setLocalError(null);
    if (!/\.xlsx$/i.test(f.name)) return setLocalError(s.notXlsx);
    setFile({ name: f.name, base64: bytesToBase64(await readFileBytes(f)) });
  }
  const send = (intent: 'check' | 'confirm') => file && fetcher.submit({ intent, fileName: file.name, base64: file.base64 }, { method: 'post' });

  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Card size="small" data-testid="personnel-imports">
        <Space wrap>
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void choose(f), false)} maxCount={1}>
            <Button icon={<UploadOutlined />}>{file ? file.name : s.choose}</Button>
          </Upload>
          <BusyButton disabled={!file} loading={busy} onClick={() => send('check')}>
            {s.check}
          </BusyButton>
          <Button type="link" onClick={() => fetcher.submit({ intent: 'template' }, { method: 'post' })}>
            {s.template}
          </Button>
        </Space>
        {localError && <Alert type="error" message={localError} style={{ marginTop: 12 }} />}
        <FormError outcome={error} />
        {report && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
            {report.imported > 0 ? (
              <Alert type="success" showIcon message={s.done(report.imported)} />
            ) : (
              <Alert type={report.badRows > 0 ? 'warning' : 'info'} showIcon message={s.summary(report.totalRows, report.goodRows, report.badRows, report.skippedRows)} />
            )}
            {report.bad.length > 0 && <List size="small" header={s.badRows} dataSource={report.bad.flatMap((b) => b.reasons)} renderItem={(r) => <List.Item>{r}</List.Item>} />}
            {report.skipped.length > 0 && (
              <List size="small" header={s.skippedRows} dataSource={report.skipped} renderItem={(k) => <List.Item>{`${s.row(k.row, k.toRow)}：${k.reason}`}</List.Item>} />
            )}
            {report.imported === 0 && report.badRows === 0 && report.goodRows > 0 && (
              <BusyButton type="primary" loading={busy} onClick={() => send('confirm')}>
                {s.confirm(report.goodRows)}
              </BusyButton>
            )}
          </Space>
        )}
      </Card>
    </>
  );
}
