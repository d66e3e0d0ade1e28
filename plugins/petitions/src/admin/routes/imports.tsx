// 历史导入: upload an xlsx ledger → dry run listing every bad and skipped row, with unknown
// unit names to map → confirm. The file travels once (check); the server keeps the parsed
// rows for confirm. The column-mapping boxes show the columns the server recognises (one
// definition, loaded from `imports.columns`).
import { useFetcher, useLoaderData } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import { Alert, App, Button, Card, Col, Collapse, Form, Input, List, Result, Row, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { type ActionOutcome, badForm, type Base64File, BusyButton, bytesToBase64, form, formatDateTime, FormError, PageHeader, readFileBytes, type RouteArgs, saveBase64File, UnitSelect, useActionFeedback } from '@zhengfa/ui';
import { load, mutate, requirePermission, type ImportCheck, type ImportConfirm } from '../lib/api.js';
import { useCallback, useState } from 'react';
import { strings } from '../strings.js';

const s = strings.imports;
const MAX_BYTES = 10 * 1024 * 1024;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

export async function loader(args: RouteArgs) {
  return load(args, async (c) => {
    await requirePermission(c, args.request, 'petitions.import');
    const [columns, orgs, aliases] = await Promise.all([c.petitions.imports.columns(), c.orgs.tree(), c.petitions.imports.aliases()]);
    return {
      columns,
      units: orgs.filter((o) => o.kind !== 'committee').map((o) => ({ id: o.id, parentId: o.parentId, name: o.name, disabled: o.disabled })),
      aliases,
    };
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  if (intent === 'template') return mutate(args, intent, '', (c) => c.petitions.imports.template());
  if (intent === 'check') {
    const mapping = form.json<Record<string, string>>(fd, 'mapping') ?? {};
    const given = Object.fromEntries(Object.entries(mapping).filter(([, v]) => typeof v === 'string' && v.trim()));
    return mutate(args, intent, '', (c) =>
      c.petitions.imports.check({ fileName: form.str(fd, 'fileName'), base64: form.str(fd, 'base64'), ...(Object.keys(given).length ? { mapping: given } : {}) }),
    );
  }
  if (intent === 'mapUnit') {
    return mutate(args, intent, '', (c) => c.petitions.imports.mapUnit({ importId: form.str(fd, 'importId'), name: form.str(fd, 'name'), orgId: form.str(fd, 'orgId') }));
  }
  if (intent === 'removeAlias') return mutate(args, intent, '', (c) => c.petitions.imports.removeAlias({ alias: form.str(fd, 'alias') }));
  if (intent === 'confirm') return mutate(args, intent, '', (c) => c.petitions.imports.confirm({ importId: form.str(fd, 'importId') }));
  return badForm(intent);
}

export default function Imports() {
  const { columns, units, aliases } = useLoaderData<typeof loader>();
  const { message } = App.useApp();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [localError, setLocalError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportCheck | null>(null);
  const [done, setDone] = useState<ImportConfirm | null>(null);
  const [picked, setPicked] = useState<Record<string, string | undefined>>({});

  const onSuccess = useCallback(
    (o: ActionOutcome) => {
      if (o.intent === 'template' && o.result) void message.success(strings.common.downloaded(saveBase64File(o.result as Base64File, 'template.xlsx')));
      if (o.intent === 'check' || o.intent === 'mapUnit') setReport(o.result as ImportCheck);
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
    setPicked({});
  }

  const step = done ? 2 : report ? 1 : 0;
  const headerOf = (field: string) => columns.find((c) => c.field === field)?.header ?? field;

  const aliasPanel = {
    key: 'aliases',
    label: s.aliases,
    children: (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{s.aliasesHelp}</Typography.Text>
        <Table
          size="small"
          rowKey="alias"
          pagination={false}
          dataSource={aliases}
          locale={{ emptyText: s.aliasesEmpty }}
          columns={[
            { title: s.alias, dataIndex: 'alias' },
            { title: s.aliasUnit, key: 'unit', render: (_: unknown, a) => a.orgName ?? s.aliasUnitGone },
            {
              title: '',
              key: 'remove',
              width: 80,
              render: (_: unknown, a) => (
                <Button size="small" type="link" danger disabled={busy} onClick={() => fetcher.submit({ intent: 'removeAlias', alias: a.alias }, { method: 'post' })}>
                  {s.removeAlias}
                </Button>
              ),
            },
          ]}
        />
      </Space>
    ),
  };

  // The blank template to fill in, with the columns the import reads.
  const templateButton = (
    <Button icon={<DownloadOutlined />} onClick={() => fetcher.submit({ intent: 'template' }, { method: 'post' })} data-testid="import-template">
      {s.template}
    </Button>
  );

  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} extra={templateButton} />
      <Steps current={step} items={[{ title: s.step1 }, { title: s.step2 }, { title: s.step3 }]} style={{ marginBottom: 16 }} />
      {done ? (
        <Result
          status={done.failed.length ? 'warning' : 'success'}
          title={s.confirmed(done.imported, done.alreadyImported)}
          subTitle={s.confirmedDetail(done)}
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
                        {columns.map((c) => (
                          <Col xs={12} md={6} key={c.field}>
                            <Form.Item label={c.header} required={c.required} extra={s.alsoKnownAs(c.synonyms)}>
                              <Input placeholder={c.header} value={mapping[c.field] ?? ''} onChange={(e) => setMapping({ ...mapping, [c.field]: e.target.value })} maxLength={50} />
                            </Form.Item>
                          </Col>
                        ))}
                      </Row>
                    </Form>
                  ),
                },
                aliasPanel,
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
                <Alert type={report.badRows ? 'warning' : 'success'} showIcon message={s.summary(report)} description={report.outcomes ? s.outcomes(report.outcomes) : undefined} />
                <Typography.Text type="secondary">
                  {s.columnsFound}：{report.columns.map((c) => s.columnFound(c.header, headerOf(c.field))).join('，')}
                </Typography.Text>
                {report.badByReason.length ? (
                  <Space wrap>
                    <Typography.Text>{s.badByReason}：</Typography.Text>
                    {report.badByReason.map((b) => (
                      <Tag color="orange" key={b.code}>
                        {s.reasonCount(b.name, b.rows)}
                      </Tag>
                    ))}
                  </Space>
                ) : null}
                {report.unknownUnits.length ? (
                  <Card size="small" title={s.unknownUnits}>
                    <Typography.Paragraph type="secondary">{s.unknownUnitsHelp}</Typography.Paragraph>
                    <List
                      size="small"
                      dataSource={report.unknownUnits}
                      renderItem={(u) => (
                        <List.Item key={u.name}>
                          <Space wrap>
                            <Typography.Text strong>{u.name}</Typography.Text>
                            <Typography.Text type="secondary">{s.unitRows(u.rows)}</Typography.Text>
                            {u.ambiguous ? <Tag>{s.ambiguous}</Tag> : null}
                            <UnitSelect units={units} placeholder={s.pickUnit} style={{ minWidth: 240 }} value={picked[u.name] ?? null} onChange={(v) => setPicked({ ...picked, [u.name]: typeof v === 'string' ? v : undefined })} />
                            <BusyButton
                              disabled={!picked[u.name]}
                              loading={busy}
                              onClick={() => picked[u.name] && fetcher.submit({ intent: 'mapUnit', importId: report.importId, name: u.name, orgId: picked[u.name]! }, { method: 'post' })}
                            >
                              {s.mapUnit}
                            </BusyButton>
                          </Space>
                        </List.Item>
                      )}
                    />
                  </Card>
                ) : null}
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
                {report.skipped.length ? (
                  <Collapse
                    size="small"
                    items={[
                      {
                        key: 'skipped',
                        label: s.skipped(report.skippedRows),
                        children: (
                          <List size="small" dataSource={report.skipped} renderItem={(x) => <List.Item key={`${x.kind}-${x.row}`}>{x.text}</List.Item>} />
                        ),
                      },
                    ]}
                  />
                ) : null}
                <Typography.Text type="secondary">{s.expires(formatDateTime(report.expiresAt))}</Typography.Text>
                <BusyButton
                  type="primary"
                  disabled={report.goodRows === 0}
                  loading={busy}
                  onClick={() => fetcher.submit({ intent: 'confirm', importId: report.importId }, { method: 'post' })}
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
