// The campaign page's forms: adding a team member (staff with or without an account,
// external members with their role and the date they signed the confidentiality pledge) and
// assigning reviewers to sampled files (the server refuses a reviewer of the file's own unit:
// 交叉评查; its message is shown on the file's row).
import { Form, useActionData } from '@remix-run/react';
import { Button, Card, Table, Tag } from 'antd';
import type { UserOption } from '@zhengfa/ui';
import { strings } from '../strings.js';
import { Field, inputStyle, Outcome } from './field.js';

const t = strings.pages.team;
const a = strings.pages.assign;

interface Outcomeish {
  ok: boolean;
  intent: string;
  message?: string;
  error?: string;
  code?: string;
  fileId?: string;
}

export function MemberForm({ reviewers, units, clientKey }: { reviewers: UserOption[]; units: { id: string; name: string }[]; clientKey: string }) {
  const outcome = useActionData<Outcomeish>();
  return (
    <Form method="post" style={{ marginTop: 12 }} data-testid="inspections-member-form">
      <h4>{t.title}</h4>
      <input type="hidden" name="intent" value="member" />
      <input type="hidden" name="clientKey" value={clientKey} />
      <Outcome outcome={outcome} intent="member" />
      <Field label={t.kind} width={120}>
        <select name="kind" style={inputStyle} defaultValue="staff">
          {Object.entries(t.kinds).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.user}>
        <select name="userId" style={inputStyle} defaultValue="">
          <option value="">{strings.pages.create.noChoice}</option>
          {reviewers.map((u) => (
            <option key={u.id} value={u.id}>
              {u.orgName ? `${u.name}（${u.orgName}）` : u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.name} width={160}>
        <input name="name" style={inputStyle} maxLength={50} />
      </Field>
      <Field label={t.unit}>
        <select name="unitId" style={inputStyle} defaultValue="">
          <option value="">{strings.pages.create.noChoice}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.unitName} width={260}>
        <input name="unitName" style={inputStyle} maxLength={100} />
      </Field>
      <Field label={t.role} width={140}>
        <select name="role" style={inputStyle} defaultValue="">
          <option value="">{strings.pages.create.noChoice}</option>
          {Object.entries(strings.memberRoles).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.pledge} width={160}>
        <input name="pledgeSignedOn" type="date" style={inputStyle} />
      </Field>
      <div>
        <Button htmlType="submit">{t.add}</Button>
      </div>
    </Form>
  );
}

interface FileRow {
  id: string;
  caseNo: string;
  unitName: string;
  state: string;
  grade: string | null;
  finalTotal: number | null;
}

export function AssignForm({ files, members }: { files: FileRow[]; members: { id: string; name: string; unitName: string | null }[] }) {
  const outcome = useActionData<Outcomeish>();
  return (
    <Card size="small" title={a.title} data-testid="inspections-assign">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={files}
        locale={{ emptyText: a.noFiles }}
        columns={[
          { title: a.file, dataIndex: 'caseNo' },
          { title: strings.detail.unitName, dataIndex: 'unitName' },
          { title: strings.pages.sampling.state, dataIndex: 'state', render: (x: string) => <Tag>{strings.pages.sampling.states[x] ?? x}</Tag> },
          { title: strings.pages.sampling.total, dataIndex: 'finalTotal', render: (v: number | null) => v ?? '' },
          { title: strings.pages.sampling.grade, dataIndex: 'grade', render: (g: string | null) => g ?? '' },
          {
            title: a.title,
            key: 'assign',
            render: (_: unknown, f: FileRow) => (
              <Form method="post" style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                <input type="hidden" name="intent" value="assign" />
                <input type="hidden" name="fileId" value={f.id} />
                <select name="memberId" aria-label={`${a.member} ${f.caseNo}`} style={{ ...inputStyle, width: 200 }}>
                  {members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.unitName ? `${m.name}（${m.unitName}）` : m.name}
                    </option>
                  ))}
                </select>
                <select name="role" aria-label={`${a.role} ${f.caseNo}`} style={{ ...inputStyle, width: 130 }} defaultValue="first">
                  {Object.entries(a.roles).map(([k, v]) => (
                    <option key={k} value={k}>
                      {v}
                    </option>
                  ))}
                </select>
                <Button htmlType="submit" size="small">
                  {a.submit}
                </Button>
                {outcome?.fileId === f.id ? <Outcome outcome={outcome} intent="assign" /> : null}
              </Form>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The pledge (保密承诺) of a member added without it, recorded on the member's row once signed. */
export function PledgeForm({ member }: { member: { id: string; name: string; version: number } }) {
  return (
    <Form method="post" style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <input type="hidden" name="intent" value="pledge" />
      <input type="hidden" name="id" value={member.id} />
      <input type="hidden" name="version" value={member.version} />
      <input name="pledgeSignedOn" type="date" aria-label={t.pledgeOf(member.name)} style={{ ...inputStyle, width: 150 }} required />
      <Button htmlType="submit" size="small">
        {t.recordPledge}
      </Button>
    </Form>
  );
}
