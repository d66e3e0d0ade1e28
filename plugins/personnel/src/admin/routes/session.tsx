// 登记出勤: one session's attendance, marked by the staff for the officers of their units.
import { Card, Select, Table, Tag } from 'antd';
import { badForm, BusyButton, form, FormError, PageHeader, UUID, useFormFetcher, usePageData, type RouteArgs } from '@zhengfa/ui';
import { useState } from 'react';
import { clockTime, kit } from '../api.js';
import { strings } from '../strings.js';

const s = strings.session;
type Status = keyof typeof strings.attendance;

export async function loader(args: RouteArgs) {
  const id = args.params.id ?? '';
  return kit.load(args, async (c) => {
    const user = await kit.requirePermission(c, args.request, 'personnel.read');
    if (!UUID.test(id)) throw new Response(null, { status: 404 });
    const [session, attendance, serving, seconded] = await Promise.all([
      c.personnel.training.sessions.get({ id }),
      c.personnel.training.sessions.attendance({ id }),
      c.personnel.officers.list({ status: 'serving', pageSize: 500 }),
      c.personnel.officers.list({ status: 'seconded', pageSize: 500 }),
    ]);
    const marked = new Map(attendance.map((a) => [a.officerId, a]));
    const officers = [...serving.items, ...seconded.items].map((o) => ({
      id: o.id,
      officerNo: o.officerNo,
      name: o.name,
      unitName: o.unitName,
      status: marked.get(o.id)?.status ?? null,
      method: marked.get(o.id)?.method ?? null,
    }));
    return { session, officers, canRecord: user.permissions.includes('personnel.training') };
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  if (intent !== 'attendance') return badForm(intent);
  const entries = form.json<{ officerId: string; status: Status }[]>(fd, 'entries') ?? [];
  return kit.mutate(args, intent, s.saved, (c) => c.personnel.training.sessions.recordAttendance({ sessionId: args.params.id ?? '', entries }));
}

export default function SessionPage() {
  const { session, officers, canRecord } = usePageData<typeof loader>();
  const [changes, setChanges] = useState<Record<string, Status>>({});
  const { submit, error, busy } = useFormFetcher(() => setChanges({}));
  const entries = Object.entries(changes).map(([officerId, status]) => ({ officerId, status }));
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle(session.courseTitle, `${clockTime(session.startsAt)}—${clockTime(session.endsAt).slice(11)}`)} />
      <Card size="small" data-testid="personnel-session">
        <Table
          size="small"
          rowKey="id"
          dataSource={officers}
          pagination={false}
          columns={[
            { title: strings.columns.officerNo, dataIndex: 'officerNo' },
            { title: strings.columns.name, dataIndex: 'name' },
            { title: strings.columns.unit, dataIndex: 'unitName' },
            {
              title: s.status,
              key: 'status',
              render: (_: unknown, o) =>
                canRecord ? (
                  <Select
                    style={{ width: 120 }}
                    aria-label={`${s.status} ${o.name}`}
                    value={changes[o.id] ?? o.status ?? undefined}
                    placeholder={s.notRecorded}
                    options={Object.entries(strings.attendance).map(([value, label]) => ({ value, label }))}
                    onChange={(v: Status) => setChanges((c) => ({ ...c, [o.id]: v }))}
                  />
                ) : o.status ? (
                  strings.attendance[o.status]
                ) : (
                  s.notRecorded
                ),
            },
            { title: '', dataIndex: 'method', render: (m: keyof typeof s.method | null) => (m ? <Tag>{s.method[m]}</Tag> : null) },
          ]}
        />
        <FormError outcome={error} />
        {canRecord && (
          <BusyButton type="primary" loading={busy} disabled={entries.length === 0} onClick={() => submit({ intent: 'attendance', entries: JSON.stringify(entries) })} style={{ marginTop: 12 }}>
            {s.save}
          </BusyButton>
        )}
      </Card>
    </>
  );
}
