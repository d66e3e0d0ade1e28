// 问题线索 (discipline staff): the county's clues, newest first, each opening its steps; and
// the form that registers (受理) a clue about an officer of the registry, from a 三个规定
// record among its sources. The form posts without JavaScript.
import { Link } from '@remix-run/react';
import { Card, Space, Table, Tag } from 'antd';
import { form, PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { ActionForm, Choice, chinaToday, formAction, optionsOf, TextArea, TextInput, useKept } from '../forms.js';
import { strings } from '../strings.js';

const s = strings.clues;
const a = strings.clueActions;

export async function loader(args: RouteArgs) {
  return kit.load(args, async (c) => {
    const user = await kit.requirePermission(c, args.request, 'personnel.discipline');
    // Registering needs the registry to pick the officer from.
    const canCreate = user.permissions.includes('personnel.read');
    const [clues, officers, records] = await Promise.all([
      c.personnel.clues.list({}),
      canCreate ? c.personnel.officers.list({ pageSize: 500 }) : Promise.resolve(null),
      canCreate ? c.personnel.conduct.list({}) : Promise.resolve([]),
    ]);
    return {
      clues,
      officers: officers?.items.map((o) => ({ value: o.id, label: `${o.name}（${o.officerNo}，${o.unitName}）` })) ?? null,
      // A record is named by its date, case and intervener: the reporter is not needed to pick it.
      records: records.map((r) => ({ value: r.id, label: a.recordLabel(r.occurredOn, r.caseRef, r.intervenerName) })),
      today: chinaToday(),
    };
  });
}

export const action = formAction({
  create: [
    a.created,
    (c, fd) =>
      c.personnel.clues.create({
        officerId: form.str(fd, 'officerId'),
        source: form.str(fd, 'source') as 'complaint',
        sourceRef: form.optStr(fd, 'sourceRef') ?? null,
        conductRecordId: form.optStr(fd, 'conductRecordId') ?? null,
        receivedOn: form.str(fd, 'receivedOn'),
        summary: form.str(fd, 'summary'),
      }),
  ],
});

function CreateForm({ officers, records, today }: { officers: { value: string; label: string }[]; records: { value: string; label: string }[]; today: string }) {
  const kept = useKept('create');
  return (
    <Card size="small" title={a.createTitle}>
      <ActionForm intent="create" submit={a.create}>
        <Choice name="officerId" label={s.officer} defaultValue={kept('officerId')} blank={a.pick} options={officers} />
        <Choice name="source" label={s.source} defaultValue={kept('source')} options={optionsOf(s.sources)} />
        <Choice name="conductRecordId" label={a.conductRecord} defaultValue={kept('conductRecordId')} blank={a.noRecord} options={records} />
        <TextInput name="sourceRef" label={a.sourceRef} defaultValue={kept('sourceRef')} />
        <TextInput name="receivedOn" type="date" label={s.receivedOn} defaultValue={kept('receivedOn', today)} />
        <TextArea name="summary" label={s.summary} defaultValue={kept('summary')} />
      </ActionForm>
    </Card>
  );
}

export default function CluesPage() {
  const { clues, officers, records, today } = usePageData<typeof loader>();
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Table
          data-testid="personnel-clues"
          size="small"
          rowKey="id"
          dataSource={clues}
          pagination={{ pageSize: 50 }}
          columns={[
            { title: s.receivedOn, dataIndex: 'receivedOn', render: (v: string, r) => <Link to={`/personnel/clues/${r.id}`}>{v}</Link> },
            { title: s.officer, dataIndex: 'officerName' },
            { title: s.source, dataIndex: 'source', render: (v: string) => (s.sources as Record<string, string>)[v] ?? v },
            { title: s.summary, dataIndex: 'summary' },
            { title: s.handler, dataIndex: 'handlerName' },
            { title: s.status, dataIndex: 'status', render: (v: string) => <Tag>{(s.statuses as Record<string, string>)[v] ?? v}</Tag> },
          ]}
        />
        {officers && <CreateForm officers={officers} records={records} today={today} />}
      </Space>
    </>
  );
}
