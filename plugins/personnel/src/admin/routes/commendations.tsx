// 表彰奖励与考核 (personnel.commendations): the commendations (三个十佳 among them) and the
// quarterly and yearly assessments, with the forms that record them. An officer in a
// sanction's effect period can be neither commended nor graded 优秀: the server refuses it
// with its own message, shown next to the form. Every form posts without JavaScript.
import { Card, Space, Table } from 'antd';
import { form, PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { ActionForm, Choice, chinaToday, formAction, optionsOf, TextArea, TextInput, useKept } from '../forms.js';
import { strings } from '../strings.js';

const s = strings.commendations;

export async function loader(args: RouteArgs) {
  return kit.load(args, async (c) => {
    const user = await kit.requirePermission(c, args.request, 'personnel.commendations');
    const canPick = user.permissions.includes('personnel.read');
    const [commendations, assessments, officers, orgs] = await Promise.all([
      c.personnel.commendations.list({}),
      c.personnel.assessments.list({}),
      canPick ? c.personnel.officers.list({ pageSize: 500 }) : Promise.resolve(null),
      c.orgs.tree(),
    ]);
    return {
      commendations,
      assessments,
      officers: officers?.items.map((o) => ({ value: o.id, label: `${o.name}（${o.officerNo}，${o.unitName}）` })) ?? [],
      units: orgs.filter((o) => !o.disabled).map((o) => ({ value: o.id, label: o.name })),
      today: chinaToday(),
    };
  });
}

export const action = formAction({
  award: [
    s.awarded,
    (c, fd) =>
      c.personnel.commendations.award({
        kind: form.str(fd, 'kind') as 'best_officer',
        officerId: form.optStr(fd, 'officerId') ?? null,
        unitId: form.optStr(fd, 'unitId') ?? null,
        caseRef: form.optStr(fd, 'caseRef') ?? null,
        title: form.str(fd, 'title'),
        awardedOn: form.str(fd, 'awardedOn'),
        awardedBy: form.optStr(fd, 'awardedBy') ?? null,
      }),
  ],
  assess: [
    s.assessed,
    (c, fd) =>
      c.personnel.assessments.record({
        officerId: form.str(fd, 'officerId'),
        period: form.str(fd, 'period'),
        grade: form.str(fd, 'grade') as 'competent',
        assessedOn: form.str(fd, 'assessedOn'),
        note: form.optStr(fd, 'note') ?? null,
      }),
  ],
});

export default function CommendationsPage() {
  const { commendations, assessments, officers, units, today } = usePageData<typeof loader>();
  const award = useKept('award');
  const assess = useKept('assess');
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Space direction="vertical" style={{ width: '100%' }} data-testid="personnel-commendations">
        <Card size="small" title={s.commendationsTitle}>
          <Table
            size="small"
            rowKey="id"
            dataSource={commendations}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: s.kind, dataIndex: 'kind', render: (v: string) => (s.kinds as Record<string, string>)[v] ?? v },
              { title: s.name, dataIndex: 'title' },
              { title: s.recipient, key: 'who', render: (_: unknown, r) => r.officerName ?? units.find((u) => u.value === r.unitId)?.label ?? r.caseRef ?? '' },
              { title: s.awardedOn, dataIndex: 'awardedOn' },
              { title: s.awardedBy, dataIndex: 'awardedBy' },
            ]}
          />
          <ActionForm intent="award" submit={s.award}>
            <Choice name="kind" label={s.kind} defaultValue={award('kind')} options={optionsOf(s.kinds)} />
            <Choice name="officerId" label={s.officer} defaultValue={award('officerId')} blank={s.none} options={officers} />
            <Choice name="unitId" label={s.unit} defaultValue={award('unitId')} blank={s.none} options={units} />
            <TextInput name="caseRef" label={s.caseRef} defaultValue={award('caseRef')} />
            <TextInput name="title" label={s.name} defaultValue={award('title')} />
            <TextInput name="awardedOn" type="date" label={s.awardedOn} defaultValue={award('awardedOn', today)} />
            <TextInput name="awardedBy" label={s.awardedBy} defaultValue={award('awardedBy')} />
          </ActionForm>
        </Card>
        <Card size="small" title={s.assessmentsTitle}>
          <Table
            size="small"
            rowKey="id"
            dataSource={assessments}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: s.officer, dataIndex: 'officerName' },
              { title: s.period, dataIndex: 'period' },
              { title: s.grade, dataIndex: 'grade', render: (v: string) => (s.grades as Record<string, string>)[v] ?? v },
              { title: s.assessedOn, dataIndex: 'assessedOn' },
            ]}
          />
          <ActionForm intent="assess" submit={s.assess}>
            <Choice name="officerId" label={s.officer} defaultValue={assess('officerId')} blank={s.pickOfficer} options={officers} />
            <TextInput name="period" label={s.period} defaultValue={assess('period', today.slice(0, 4))} />
            <Choice name="grade" label={s.grade} defaultValue={assess('grade', 'competent')} options={optionsOf(s.grades)} />
            <TextInput name="assessedOn" type="date" label={s.assessedOn} defaultValue={assess('assessedOn', today)} />
            <TextArea name="note" label={s.note} defaultValue={assess('note')} rows={2} />
          </ActionForm>
        </Card>
      </Space>
    </>
  );
}
