// 调解组织与调解员: the roster of the center — organisations and their mediators, added here
// and deactivated (撤销) or restored; every change guarded by the row's version.
import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { badForm, BusyButton, form, FormError, PageHeader, usePageData, useFormFetcher, type RouteArgs } from '@zhengfa/ui';
import { kit, type Mediator, type Organisation } from '../api.js';
import { orgKindLabels, strings } from '../strings.js';

const r = strings.roster;
const ORG_KINDS = ['village', 'township', 'professional', 'court_invited', 'administrative'] as const;
type OrgKind = (typeof ORG_KINDS)[number];
const kindOf = (v: string): OrgKind => ORG_KINDS.find((k) => k === v) ?? 'village';
/** 调解、家事 → ['调解', '家事'] */
const specialitiesOf = (v: string | undefined): string[] => (v ?? '').split(/[、,，\s]+/).map((x) => x.trim()).filter(Boolean);

export async function loader(args: RouteArgs) {
  return kit.load(args, async (c) => {
    const user = await kit.requirePermission(c, args.request, 'mediation.read');
    const [organisations, mediators] = await Promise.all([c.mediation.organisations.list(), c.mediation.mediators.list()]);
    return { organisations, mediators, canEdit: user.permissions.includes('mediation.roster') };
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  const version = form.int(fd, 'version');
  const active = form.bool(fd, 'active');
  if (intent === 'createOrganisation')
    return kit.mutate(args, intent, r.saved, (c) => c.mediation.organisations.create({ kind: kindOf(form.str(fd, 'kind')), name: form.str(fd, 'name'), department: form.optStr(fd, 'department') ?? null }));
  if (intent === 'setOrganisationActive') {
    const id = form.str(fd, 'id');
    return kit.mutate(args, intent, r.saved, async (c) => {
      const o = (await c.mediation.organisations.list()).find((x) => x.id === id);
      return c.mediation.organisations.update({ id, version, kind: o?.kind ?? 'village', name: o?.name ?? '', department: o?.department ?? null, active });
    });
  }
  if (intent === 'createMediator')
    return kit.mutate(args, intent, r.saved, (c) => c.mediation.mediators.create({ orgId: form.str(fd, 'orgId'), name: form.str(fd, 'name'), specialities: specialitiesOf(form.optStr(fd, 'specialities')) }));
  if (intent === 'setMediatorActive') {
    const id = form.str(fd, 'id');
    return kit.mutate(args, intent, r.saved, async (c) => {
      const m = (await c.mediation.mediators.list()).find((x) => x.id === id);
      return c.mediation.mediators.update({ id, version, orgId: m?.orgId ?? '', name: m?.name ?? '', specialities: m?.specialities ?? [], active });
    });
  }
  return badForm(intent);
}

function ActiveTag({ active }: { active: boolean }) {
  return active ? <Tag color="green">{r.active}</Tag> : <Tag>{r.inactive}</Tag>;
}

function ToggleActive({ intent, id, version, active }: { intent: string; id: string; version: number; active: boolean }) {
  const { submit, busy } = useFormFetcher();
  const values = { intent, id, version, active: !active };
  if (!active)
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

function OrganisationDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [f] = Form.useForm();
  const { submit, error, busy } = useFormFetcher(() => {
    f.resetFields();
    onClose();
  });
  const kind = Form.useWatch('kind', f) as string | undefined;
  return (
    <Modal open={open} title={r.addOrganisation} onCancel={onClose} onOk={() => f.submit()} okText={r.save} confirmLoading={busy} destroyOnHidden>
      <FormError outcome={error} />
      <Form form={f} layout="vertical" onFinish={(v: Record<string, string>) => submit({ intent: 'createOrganisation', ...v })} initialValues={{ kind: 'village' }}>
        <Form.Item name="kind" label={r.kind}>
          <Select options={ORG_KINDS.map((k) => ({ value: k, label: orgKindLabels[k] }))} />
        </Form.Item>
        <Form.Item name="name" label={r.name}>
          <Input maxLength={100} />
        </Form.Item>
        {kind === 'administrative' && (
          <Form.Item name="department" label={r.department}>
            <Input maxLength={100} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function MediatorDialog({ open, onClose, organisations }: { open: boolean; onClose: () => void; organisations: Organisation[] }) {
  const [f] = Form.useForm();
  const { submit, error, busy } = useFormFetcher(() => {
    f.resetFields();
    onClose();
  });
  return (
    <Modal open={open} title={r.addMediator} onCancel={onClose} onOk={() => f.submit()} okText={r.save} confirmLoading={busy} destroyOnHidden>
      <FormError outcome={error} />
      <Form form={f} layout="vertical" onFinish={(v: Record<string, string>) => submit({ intent: 'createMediator', ...v })}>
        <Form.Item name="orgId" label={r.organisation}>
          <Select options={organisations.filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="name" label={r.mediatorName}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="specialities" label={r.specialities}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function RosterPage() {
  const { organisations, mediators, canEdit } = usePageData<typeof loader>();
  const [dialog, setDialog] = useState<'organisation' | 'mediator' | null>(null);
  return (
    <>
      <PageHeader title={r.title} subtitle={r.subtitle} />
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="mediation-roster">
        <Card
          size="small"
          title={r.organisations}
          extra={canEdit && <Button type="primary" onClick={() => setDialog('organisation')}>{r.addOrganisation}</Button>}
        >
          <Table<Organisation>
            size="small"
            rowKey="id"
            dataSource={organisations}
            pagination={false}
            locale={{ emptyText: r.none }}
            columns={[
              { title: r.name, dataIndex: 'name' },
              { title: r.kind, dataIndex: 'kind', render: (v: string) => orgKindLabels[v] ?? v },
              { title: r.department, dataIndex: 'department', render: (v: string | null) => v ?? '' },
              { title: r.mediatorCount, dataIndex: 'mediatorCount', align: 'right' },
              { title: r.state, dataIndex: 'active', render: (v: boolean) => <ActiveTag active={v} /> },
              ...(canEdit ? [{ title: '', key: 'toggle', render: (_: unknown, o: Organisation) => <ToggleActive intent="setOrganisationActive" id={o.id} version={o.version} active={o.active} /> }] : []),
            ]}
          />
        </Card>
        <Card size="small" title={r.mediators} extra={canEdit && <Button type="primary" onClick={() => setDialog('mediator')}>{r.addMediator}</Button>}>
          <Table<Mediator>
            size="small"
            rowKey="id"
            dataSource={mediators}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: r.none }}
            columns={[
              { title: r.mediatorName, dataIndex: 'name' },
              { title: r.organisation, dataIndex: 'orgName' },
              { title: r.specialities, dataIndex: 'specialities', render: (v: string[]) => v.join('、') },
              { title: r.state, dataIndex: 'active', render: (v: boolean) => <ActiveTag active={v} /> },
              ...(canEdit ? [{ title: '', key: 'toggle', render: (_: unknown, m: Mediator) => <ToggleActive intent="setMediatorActive" id={m.id} version={m.version} active={m.active} /> }] : []),
            ]}
          />
        </Card>
      </Space>
      <OrganisationDialog open={dialog === 'organisation'} onClose={() => setDialog(null)} />
      <MediatorDialog open={dialog === 'mediator'} onClose={() => setDialog(null)} organisations={organisations} />
    </>
  );
}
