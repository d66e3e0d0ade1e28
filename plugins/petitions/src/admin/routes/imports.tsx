// 历史导入: upload an xlsx ledger → dry run listing every bad row with its reasons → confirm.
// The file travels as base64 twice (check, confirm); the server keeps only its checksum.
import { useFetcher, useLoaderData } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { Alert, App, Button, Card, Collapse, Form, Input, Result, Row, Col, Space, Steps, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { BusyButton, FormError, PageHeader, useActionFeedback, type ActionOutcome } from '@zhengfa/ui';
import { useCallback, useState } from 'react';
import type { ImportCheck, ImportConfirm, RouteArgs } from '../lib/api.js';
import { readFileBytes, saveBase64File, type Base64File } from '../lib/browser.js';
import { bytesToBase64 } from '../lib/helpers.js';
import { badForm, form, load, mutate, requirePermission } from '../lib/server.js';
import { strings } from '../strings.js';

const s = strings.imports;
const MAX_BYTES = 10 * 1024 * 1024;
type Field = keyof typeof s.fields;
const fields = Object.keys(s.fields) as Field[];

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

export async function loader(args: RouteArgs) {
  return load(args, async (c) => {
    await requirePermission(c, args.request, 'petitions.import');
    return {};
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  if (intent === 'template') return mutate(args, intent, '', (c) => c.petitions.imports.template());
  if (intent === 'check') {
    const mapping = form.json<Partial<Record<Field, string>>>(fd, 'mapping') ?? {};
    const given = Object.fromEntries(Object.entries(mapping).filter(([, v]) => typeof v === 'string' && v.trim()));
    return mutate(args, intent, '', (c) =>
      c.petitions.imports.check({ fileName: form.str(fd, 'fileName'), base64: form.str(fd, 'base64'), ...(Object.keys(given).length ? { mapping: given } : {}) }),
    );
  }
  if (intent === 'confirm') return mutate(args, intent, '', (c) => c.petitions.imports.confirm({ importId: form.str(fd, 'importId'), base64: form.str(fd, 'base64') }));
  return badForm(intent);
}

export default function Imports() {
  useLoaderData<typeof loader>();
  const { message } = App.useApp();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [mapping, setMapping] = useState<Partial<Record<Field, string>>>({});
  const [localError, setLocalError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportCheck | null>(null);
  const [done, setDone] = useState<ImportConfirm | null>(null);

  const onSuccess = useCallback(
    (o: ActionOutcome) => {
      if (o.intent === 'template' && o.result) void message.success(strings.common.downloaded(saveBase64File(o.result as Base64File, 'template.xlsx')));
      if (o.intent === 'check') setReport(o.result as ImportCheck);
      if (o.intent === 'confirm') setDone(o.result as ImportConfirm);
    },
    [message],
  );
  const fetcher = useFetcher<typeof action>();
  const error = useActionFeedback(fetcher, onSuccess);
  const busy = fetcher.state !== 'idle';

  async function choose(f: File) {
    setLocalError(null);
    setReport(null);
    setDone(null);
    if (!/\.xlsx$/i.test(f.name)) return setLocalError(s.notXlsx);
    if (f.size > MAX_BYTES) return setLocalError(s.fileTooLarge);
    try {
      setFile({ name: f.name, base64: bytesToBase64(await readFileBytes(f)) });
    } catch {
      setLocalError(strings.error.readFile);
    }
  }

  function reset() {
    setFile(null);
    setReport(null);
    setDone(null);
  }

  const step = done ? 2 : report ? 1 : 0;

  return (
    <>
      <PageHeader
        title={s.title}
        subtitle={s.subtitle}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => fetcher.submit({ intent: 'template' }, { method: 'post' })} data-testid="import-template">
            {s.template}
          </Button>
        }
      />
      <Steps current={step} items={[{ title: s.step1 }, { title: s.step2 }, { title: s.step3 }]} style={{ marginBottom: 16 }} />
      {done ? (
        <Result
          status={done.failed.length ? 'warning' : 'success'}
          title={s.confirmed(done.imported, done.alreadyImported)}
          extra={<Button onClick={reset}>{s.again}</Button>}
        >
          {done.failed.length ? (
            <Table size="small" rowKey="row" pagination={false} dataSource={done.failed} title={() => s.failed} columns={[{ title: s.row, dataIndex: 'row', width: 80 }, { title: s.reasons, dataIndex: 'reason' }]} />
          ) : null}
        </Result>
      ) : (
        <Card size="small">
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <Space wrap>
              <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void choose(f), false)} maxCount={1}>
                <Button icon={<UploadOutlined />}>{s.choose}</Button>
              </Upload>
              {file ? <Typography.Text data-testid="import-file">{file.name}</Typography.Text> : <Typography.Text type="secondary">{s.chooseHelp}</Typography.Text>}
            </Space>
            <Collapse
              size="small"
              items={[
                {
                  key: 'mapping',
                  label: s.mapping,
                  children: (
                    <Form layout="vertical">
                      <Typography.Paragraph type="secondary">{s.mappingHelp}</Typography.Paragraph>
                      <Row gutter={12}>
                        {fields.map((f) => (
                          <Col xs={12} md={6} key={f}>
                            <Form.Item label={s.fields[f]}>
                              <Input placeholder={s.fields[f]} value={mapping[f] ?? ''} onChange={(e) => setMapping({ ...mapping, [f]: e.target.value })} maxLength={50} />
                            </Form.Item>
                          </Col>
                        ))}
                      </Row>
                    </Form>
                  ),
                },
              ]}
            />
            {localError ? <Alert type="error" showIcon message={localError} /> : null}
            <FormError outcome={error} />
            <BusyButton
              type="primary"
              disabled={!file}
              loading={busy}
              onClick={() => file && fetcher.submit({ intent: 'check', fileName: file.name, base64: file.base64, mapping: JSON.stringify(mapping) }, { method: 'post' })}
            >
              {s.check}
            </BusyButton>
            {report ? (
              <Space direction="vertical" style={{ width: '100%' }} data-testid="import-report">
                <Alert type={report.badRows ? 'warning' : 'success'} showIcon message={s.summary(report.totalRows, report.goodRows, report.badRows)} />
                {report.alreadyImported.length ? <Alert type="info" showIcon message={s.already(report.alreadyImported.length)} /> : null}
                {report.duplicates.length ? <Alert type="info" showIcon message={s.duplicates(report.duplicates.length)} /> : null}
                {report.errors.length ? (
                  <Table
                    size="small"
                    rowKey="row"
                    dataSource={report.errors}
                    pagination={{ pageSize: 50, hideOnSinglePage: true }}
                    columns={[
                      { title: s.row, dataIndex: 'row', width: 80 },
                      {
                        title: s.reasons,
                        key: 'reasons',
                        render: (_: unknown, r) => (
                          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                            {r.reasons.map((reason, i) => (
                              <li key={i}>{reason}</li>
                            ))}
                          </ul>
                        ),
                      },
                    ]}
                  />
                ) : (
                  <Typography.Text type="success">{s.noErrors}</Typography.Text>
                )}
                <BusyButton
                  type="primary"
                  disabled={!file || report.goodRows === 0}
                  loading={busy}
                  onClick={() => file && fetcher.submit({ intent: 'confirm', importId: report.importId, base64: file.base64 }, { method: 'post' })}
                >
                  {s.confirm(report.goodRows)}
                </BusyButton>
              </Space>
            ) : null}
          </Space>
        </Card>
      )}
    </>
  );
}
