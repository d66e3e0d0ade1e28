import { useFetcher, useLoaderData } from '@remix-run/react';
import type { MetaFunction } from '@remix-run/react';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/server-runtime';
import { Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Tag, Tree, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { buildOrgTree, OrgStatusTag, PageHeader, type OrgTreeNode, useActionFeedback } from '@zhengfa/ui';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { FormError } from '../components/form-error.js';
import { badForm, form, load, mutate, type Caller } from '../lib/trpc.server.js';
import { strings } from '../strings.js';

const s = strings.orgs;

export const meta: MetaFunction = () => [{ title: strings.pageTitle(s.title) }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  return load(context, request, async (trpc) => {
    const me = await trpc.auth.me();
    const [orgs, vocab] = await Promise.all([trpc.orgs.tree(), trpc.orgs.vocab()]);
    return { orgs, vocab, canManage: Boolean(me?.user.permissions.includes('orgs.manage')) };
  });
}

type OrgKind = Parameters<Caller['orgs']['create']>[0]['kind'];
type OrgLevel = Parameters<Caller['orgs']['create']>[0]['level'];

export async function action({ context, request }: ActionFunctionArgs) {
  const fd = await request.formData();
  const intent = form.str(fd, 'intent');
  const fields = {
    name: form.str(fd, 'name'),
    kind: form.str(fd, 'kind') as OrgKind,
    level: form.str(fd, 'level') as OrgLevel,
    sortOrder: form.int(fd, 'sortOrder', 0),
  };
  if (intent === 'create') {
    return mutate(context, intent, s.created, (trpc) => trpc.orgs.create({ parentId: form.str(fd, 'parentId'), ...fields }));
  }
  if (intent === 'update') {
    return mutate(context, intent, s.updated, (trpc) =>
      trpc.orgs.update({ id: form.str(fd, 'id'), version: form.int(fd, 'version'), ...fields, disabled: form.bool(fd, 'disabled') }),
    );
  }
  return badForm(intent);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Org = LoaderData['orgs'][number];

interface OrgFormValues {
  name: string;
  kind: string;
  level: string;
  sortOrder: number;
  disabled?: boolean;
}

function OrgModal({ mode, org, parent, vocab, onClose }: { mode: 'create' | 'update'; org?: Org; parent?: Org; vocab: LoaderData['vocab']; onClose: () => void }) {
  const fetcher = useFetcher<typeof action>();
  const onSuccess = useCallback(() => onClose(), [onClose]);
  const error = useActionFeedback(fetcher, onSuccess);
  const [antForm] = Form.useForm<OrgFormValues>();
  const busy = fetcher.state !== 'idle';

  const initial: OrgFormValues =
    mode === 'update' && org
      ? { name: org.name, kind: org.kind, level: org.level, sortOrder: org.sortOrder, disabled: org.disabled }
      : { name: '', kind: vocab.kinds[0]?.value ?? '', level: parent?.level ?? vocab.levels[0]?.value ?? '', sortOrder: 0 };

  function submit(values: OrgFormValues) {
    const payload: Record<string, string> = {
      intent: mode,
      name: values.name,
      kind: values.kind,
      level: values.level,
      sortOrder: String(values.sortOrder ?? 0),
    };
    if (mode === 'update' && org) {
      payload.id = org.id;
      payload.version = String(org.version);
      payload.disabled = String(Boolean(values.disabled));
    } else if (parent) {
      payload.parentId = parent.id;
    }
    fetcher.submit(payload, { method: 'post' });
  }

  return (
    <Modal
      open
      title={mode === 'create' ? s.createTitle : s.editTitle}
      okText={strings.common.save}
      cancelText={strings.common.cancel}
      confirmLoading={busy}
      onOk={() => antForm.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormError outcome={error} />
      <Form form={antForm} layout="vertical" initialValues={initial} onFinish={submit}>
        {mode === 'create' ? (
          <Form.Item label={s.parent}>
            <Typography.Text strong>{parent?.name}</Typography.Text>
          </Form.Item>
        ) : null}
        <Form.Item name="name" label={s.name} rules={[{ required: true, message: strings.common.required(s.name) }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="kind" label={s.kind} rules={[{ required: true, message: strings.common.requiredSelect(s.kind) }]}>
              <Select options={vocab.kinds} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="level" label={s.level} rules={[{ required: true, message: strings.common.requiredSelect(s.level) }]}>
              <Select options={vocab.levels} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="sortOrder" label={s.sortOrder} extra={s.sortOrderHelp}>
          <InputNumber min={0} max={9999} style={{ width: 160 }} />
        </Form.Item>
        {mode === 'update' ? (
          <Form.Item name="disabled" label={s.disabled} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

function treeData(nodes: OrgTreeNode<Org>[]): { key: string; title: ReactNode; children: ReturnType<typeof treeData> }[] {
  return nodes.map((n) => ({
    key: n.id,
    title: (
      <Space size={6}>
        <span style={n.disabled ? { color: '#999', textDecoration: 'line-through' } : undefined}>{n.name}</span>
        <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
          {n.kindName}
        </Tag>
        {n.userCount > 0 ? <Typography.Text type="secondary">{s.users(n.userCount)}</Typography.Text> : null}
      </Space>
    ),
    children: treeData(n.children),
  }));
}

export default function Orgs() {
  const { orgs, vocab, canManage } = useLoaderData<typeof loader>();
  const tree = useMemo(() => buildOrgTree(orgs), [orgs]);
  const [selectedId, setSelectedId] = useState<string | undefined>(orgs[0]?.id);
  const [modal, setModal] = useState<null | 'create' | 'update'>(null);
  const selected = orgs.find((o) => o.id === selectedId);
  const parent = selected?.parentId ? orgs.find((o) => o.id === selected.parentId) : undefined;
  const close = useCallback(() => setModal(null), []);

  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={s.tree}>
            {tree.length === 0 ? (
              <Empty description={s.empty} />
            ) : (
              <Tree
                blockNode
                defaultExpandAll
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => keys[0] !== undefined && setSelectedId(String(keys[0]))}
                treeData={treeData(tree)}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            title={s.detail}
            extra={
              selected && canManage ? (
                <Space>
                  <Button icon={<EditOutlined />} onClick={() => setModal('update')}>
                    {strings.common.edit}
                  </Button>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('create')} disabled={selected.disabled}>
                    {s.createChild}
                  </Button>
                </Space>
              ) : null
            }
          >
            {selected ? (
              <Descriptions column={1} size="small" data-testid="org-detail">
                <Descriptions.Item label={s.name}>{selected.name}</Descriptions.Item>
                <Descriptions.Item label={s.parent}>{parent?.name ?? s.topLevel}</Descriptions.Item>
                <Descriptions.Item label={s.kind}>{selected.kindName}</Descriptions.Item>
                <Descriptions.Item label={s.level}>{selected.levelName}</Descriptions.Item>
                <Descriptions.Item label={s.sortOrder}>{selected.sortOrder}</Descriptions.Item>
                <Descriptions.Item label={s.status}>
                  <OrgStatusTag disabled={selected.disabled} />
                </Descriptions.Item>
                <Descriptions.Item label={s.userCount}>{selected.userCount}</Descriptions.Item>
                <Descriptions.Item label={s.version}>{selected.version}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty description={s.selectHint} />
            )}
          </Card>
        </Col>
      </Row>
      {modal && selected ? (
        <OrgModal
          key={`${modal}:${selected.id}`}
          mode={modal}
          {...(modal === 'update' ? { org: selected } : { parent: selected })}
          vocab={vocab}
          onClose={close}
        />
      ) : null}
    </>
  );
}
