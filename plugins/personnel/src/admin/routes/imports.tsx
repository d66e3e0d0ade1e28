// 导入干警名册: the dry run's report (every bad row by row number and column), then the import
// of the same file, whole. The committee maps a unit name nothing answers to a unit of the
// county (a stored alias, remembered for every later import) and the file is checked again;
// the county's aliases are listed and may be removed.
import { UploadOutlined } from '@ant-design/icons';
import { useFetcher } from '@remix-run/react';
import { Alert, Button, Card, List, Space, Table, Upload } from 'antd';
import { badForm, BusyButton, bytesToBase64, callErrorOf, form, FormError, handlingUnits, PageHeader, readFileBytes, saveBase64File, UnitSelect, useActionFeedback, usePageData, type ActionOutcome, type RouteArgs } from '@zhengfa/ui';
import { useCallback, useEffect, useState } from 'react';
import { kit } from '../api.js';
import { strings } from '../strings.js';

const s = strings.imports;

export async function loader(args: RouteArgs) {
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'personnel.manage');
    // The county's aliases are the committee's: a unit's user is refused them and maps none.
    let aliases: { alias: string; orgId: string; orgName: string | null }[] | null = null;
    try {
      aliases = await c.personnel.imports.aliases();
    } catch (err) {
      if (callErrorOf(err)?.code !== 'FORBIDDEN') throw err;
    }
    return { aliases, units: aliases ? handlingUnits(await c.orgs.tree()) : [] };
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  const file = { fileName: form.str(fd, 'fileName'), base64: form.str(fd, 'base64') };
  if (intent === 'template') return kit.mutate(args, intent, '', (c) => c.personnel.imports.template());
  if (intent === 'check') return kit.mutate(args, intent, '', (c) => c.personnel.imports.check(file));
  if (intent === 'confirm') return kit.mutate(args, intent, '', (c) => c.personnel.imports.confirm(file));
  if (intent === 'mapUnit') return kit.mutate(args, intent, s.mapped, (c) => c.personnel.imports.mapUnit({ name: form.str(fd, 'name'), orgId: form.str(fd, 'orgId') }));
  if (intent === 'removeAlias') return kit.mutate(args, intent, s.removed, (c) => c.personnel.imports.removeAlias({ alias: form.str(fd, 'alias') }));
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
  unknownUnits: { name: string; rows: number[] }[];
}

function MapUnit({ name, units, busy, onMap }: { name: string; units: ReturnType<typeof handlingUnits>; busy: boolean; onMap: (orgId: string) => void }) {
  const [orgId, setOrgId] = useState<string | undefined>();
  return (
    <Space wrap>
      <UnitSelect units={units} value={orgId} onChange={(v) => setOrgId(v as string)} placeholder={s.pickUnit} style={{ minWidth: 220 }} />
      <Button size="small" disabled={!orgId || busy} onClick={() => orgId && onMap(orgId)} data-testid={`map-unit-${name}`}>
        {s.mapUnit}
      </Button>
    </Space>
  );
}

export default function ImportsPage() {
  const { aliases, units } = usePageData<typeof loader>();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [recheck, setRecheck] = useState(false);
  const onSuccess = useCallback((o: ActionOutcome) => {
    if (o.intent === 'template' && o.result) saveBase64File(o.result as { fileName: string; base64: string }, 'template.xlsx');
    if (o.intent === 'check' || o.intent === 'confirm') setReport(o.result as Report);
    if (o.intent === 'mapUnit') setRecheck(true);
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
  // A unit name just mapped: the same file is checked again with the alias.
  useEffect(() => {
    if (recheck && fetcher.state === 'idle') {
      setRecheck(false);
      send('check');
    }
  });

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
            {aliases && report.unknownUnits.length > 0 && (
              <List
                size="small"
                header={s.unknownUnits}
                dataSource={report.unknownUnits}
                renderItem={(u) => (
                  <List.Item>
                    <Space wrap>
                      <span>{s.unknownUnit(u.name, u.rows.map((r) => s.row(r)).join('、'))}</span>
                      <MapUnit name={u.name} units={units} busy={busy} onMap={(orgId) => fetcher.submit({ intent: 'mapUnit', name: u.name, orgId }, { method: 'post' })} />
                    </Space>
                  </List.Item>
                )}
              />
            )}
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
      {aliases && (
        <Card size="small" title={s.aliasesTitle} style={{ marginTop: 16 }} data-testid="personnel-unit-aliases">
          <p>{s.aliasesHint}</p>
          <Table
            size="small"
            rowKey="alias"
            pagination={false}
            dataSource={aliases}
            locale={{ emptyText: s.noAliases }}
            columns={[
              { title: s.alias, dataIndex: 'alias' },
              { title: s.aliasUnit, dataIndex: 'orgName', render: (v: string | null) => v ?? s.aliasUnitGone },
              {
                title: '',
                key: 'remove',
                render: (_: unknown, a) => (
                  <Button type="link" size="small" danger disabled={busy} onClick={() => fetcher.submit({ intent: 'removeAlias', alias: a.alias }, { method: 'post' })}>
                    {s.removeAlias}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
