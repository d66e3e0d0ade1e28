// 派驻人员与值班表: the staff the departments second to the center, counted per unit, and the
// duty rota of a week (?week=YYYY-MM-DD, the Monday; this week by default) — each day's staff on
// duty at the window, set as a whole for the day.
import { Link } from '@remix-run/react';
import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { badForm, BusyButton, form, FormError, PageHeader, usePageData, useFormFetcher, type RouteArgs } from '@zhengfa/ui';
import { kit, type DutyDay, type StaffRow } from '../api.js';
import { strings } from '../strings.js';

const r = strings.rota;

const isIsoDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The Monday of the week holding `day`. */
function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

export async function loader(args: RouteArgs) {
  const asked = new URL(args.request.url).searchParams.get('week');
  return kit.load(args, async (c) => {
    const user = await kit.requirePermission(c, args.request, 'mediation.read');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const week = mondayOf(isIsoDate(asked) ? asked : today);
    const [staff, rota] = await Promise.all([c.mediation.staff.list(), c.mediation.rota.list({ from: week, to: addDays(week, 6) })]);
    return { staff, rota, week, today, canEdit: user.permissions.includes('mediation.roster') };
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  if (intent === 'createStaff')
    return kit.mutate(args, intent, r.saved, (c) =>
      c.mediation.staff.create({
        name: form.str(fd, 'name'),
        unit: form.str(fd, 'unit'),
        post: form.optStr(fd, 'post') ?? null,
        secondedFrom: form.str(fd, 'secondedFrom'),
        secondedTo: form.optStr(fd, 'secondedTo') ?? null,
      }),
    );
  if (intent === 'setStaffActive') {
    const id = form.str(fd, 'id');
    return kit.mutate(args, intent, r.saved, async (c) => {
      const x = (await c.mediation.staff.list()).items.find((one) => one.id === id);
      return c.mediation.staff.update({
        id,
        version: form.int(fd, 'version'),
        name: x?.name ?? '',
        unit: x?.unit ?? '',
        post: x?.post ?? null,
        secondedFrom: x?.secondedFrom ?? '',
        secondedTo: x?.secondedTo ?? null,
        active: form.bool(fd, 'active'),
      });
    });
  }
  if (intent === 'setDuty') return kit.mutate(args, intent, r.saved, (c) => c.mediation.rota.set({ dutyOn: form.str(fd, 'dutyOn'), staffIds: form.list(fd, 'staffIds') }));
  return badForm(intent);
}

function StaffDialog({ open, onClose, today }: { open: boolean; onClose: () => void; today: string }) {
  const [f] = Form.useForm();
  const { submit, error, busy } = useFormFetcher(() => {
    f.resetFields();
    onClose();
  });
  return (
    <Modal open={open} title={r.addStaff} onCancel={onClose} onOk={() => f.submit()} okText={r.save} confirmLoading={busy} destroyOnHidden>
      <FormError outcome={error} />
      <Form form={f} layout="vertical" onFinish={(v: Record<string, string>) => submit({ intent: 'createStaff', ...v })} initialValues={{ secondedFrom: today }}>
        <Form.Item name="name" label={r.name}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="unit" label={r.unit}>
          <Input maxLength={100} placeholder={r.unitPlaceholder} />
        </Form.Item>
        <Form.Item name="post" label={r.post}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="secondedFrom" label={r.secondedFrom}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="secondedTo" label={r.secondedTo}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ToggleStaff({ x }: { x: StaffRow }) {
  const { submit, busy } = useFormFetcher();
  const values = { intent: 'setStaffActive', id: x.id, version: x.version, active: !x.active };
  if (!x.active)
    return (
      <BusyButton size="small" loading={busy} onClick={() => submit(values)}>
        {r.reactivate}
      </BusyButton>
    );
  return (
    <Popconfirm title={r.confirmDeactivate} onConfirm={() => submit(values)}>
      <BusyButton size="small" danger loading={busy}>
        {r.deactivate}
      </BusyButton>
    </Popconfirm>
  );
}

/** Whether the person may be on duty on the day: active and within the secondment. */
const onDutyPossible = (x: StaffRow, day: string) => x.active && x.secondedFrom <= day && (x.secondedTo === null || day <= x.secondedTo);

function DutyRow({ day, duty, staff, canEdit }: { day: string; duty: DutyDay | undefined; staff: StaffRow[]; canEdit: boolean }) {
  const current = duty?.staff.map((x) => x.id) ?? [];
  const [chosen, setChosen] = useState<string[]>(current);
  const { submit, error, busy } = useFormFetcher();
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`duty-${day}`}>
      <FormError outcome={error} />
      {canEdit ? (
        <Space.Compact style={{ width: '100%' }}>
          <Select
            mode="multiple"
            aria-label={r.dutyStaffOf(day)}
            style={{ width: '100%' }}
            value={chosen}
            onChange={setChosen}
            placeholder={r.nobody}
            options={staff.filter((x) => onDutyPossible(x, day) || current.includes(x.id)).map((x) => ({ value: x.id, label: `${x.name}（${x.unit}）` }))}
          />
          <BusyButton loading={busy} onClick={() => submit({ intent: 'setDuty', dutyOn: day, staffIds: chosen })} data-testid={`save-duty-${day}`}>
            {r.save}
          </BusyButton>
        </Space.Compact>
      ) : (
        <span>{duty ? duty.staff.map((x) => `${x.name}（${x.unit}）`).join('、') : r.nobody}</span>
      )}
    </Space>
  );
}

export default function RotaPage() {
  const { staff, rota, week, today, canEdit } = usePageData<typeof loader>();
  const [dialog, setDialog] = useState(false);
  const days = Array.from({ length: 7 }, (_, i) => addDays(week, i));
  const byDay = new Map(rota.map((d) => [d.dutyOn, d]));
  return (
    <>
      <PageHeader title={r.title} subtitle={r.subtitle} />
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="mediation-rota">
        <Card
          size="small"
          title={r.weekTitle(week, addDays(week, 6))}
          extra={
            <Space>
              <Link to={`?week=${addDays(week, -7)}`}>{r.previousWeek}</Link>
              <Link to="?">{r.thisWeek}</Link>
              <Link to={`?week=${addDays(week, 7)}`}>{r.nextWeek}</Link>
            </Space>
          }
        >
          <Table<{ day: string }>
            data-testid="rota"
            size="small"
            rowKey="day"
            pagination={false}
            dataSource={days.map((day) => ({ day }))}
            columns={[
              { title: r.dutyOn, dataIndex: 'day', width: 180, render: (day: string) => `${day} ${r.weekdays[new Date(`${day}T00:00:00Z`).getUTCDay()]}${day === today ? ` ${r.today}` : ''}` },
              { title: r.dutyStaff, key: 'staff', render: (_: unknown, row) => <DutyRow key={`${row.day}-${(byDay.get(row.day)?.staff ?? []).map((x) => x.id).join()}`} day={row.day} duty={byDay.get(row.day)} staff={staff.items} canEdit={canEdit} /> },
            ]}
          />
        </Card>
        <Card size="small" title={r.staff} extra={canEdit && <Button type="primary" onClick={() => setDialog(true)}>{r.addStaff}</Button>}>
          <Table<StaffRow>
            data-testid="staff"
            size="small"
            rowKey="id"
            dataSource={staff.items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: r.none }}
            columns={[
              { title: r.name, dataIndex: 'name' },
              { title: r.unit, dataIndex: 'unit' },
              { title: r.post, dataIndex: 'post', render: (v: string | null) => v ?? '' },
              { title: r.period, key: 'period', render: (_: unknown, x) => `${x.secondedFrom} ${r.until} ${x.secondedTo ?? r.open}` },
              { title: r.state, dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="green">{r.active}</Tag> : <Tag>{r.inactive}</Tag>) },
              ...(canEdit ? [{ title: '', key: 'toggle', render: (_: unknown, x: StaffRow) => <ToggleStaff x={x} /> }] : []),
            ]}
          />
        </Card>
        <Card size="small" title={r.byUnit}>
          <Table
            data-testid="staff-by-unit"
            size="small"
            rowKey="unit"
            pagination={false}
            locale={{ emptyText: r.none }}
            dataSource={staff.byUnit}
            columns={[
              { title: r.unit, dataIndex: 'unit' },
              { title: r.count, dataIndex: 'staff', align: 'right' },
            ]}
          />
        </Card>
      </Space>
      <StaffDialog open={dialog} onClose={() => setDialog(false)} today={today} />
    </>
  );
}
