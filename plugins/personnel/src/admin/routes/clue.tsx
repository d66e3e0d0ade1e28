// 问题线索详情 (discipline staff): the clue and each recorded step of its handling, and the
// forms that handle it: the next stage (or 了结), the decision (a sanction or organisational
// handling recorded on the clue) and the transfer (移交) to the discipline commission. Every
// form posts without JavaScript.
import { data } from '@remix-run/react';
import { Card, Descriptions, Space, Tag, Timeline } from 'antd';
import { form, PageHeader, UUID, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { ActionForm, Choice, chinaToday, formAction, optionsOf, TextArea, TextInput, useKept } from '../forms.js';
import { strings } from '../strings.js';

const s = strings.clues;
const a = strings.clueActions;

const ORDER = ['accepted', 'verifying', 'filed', 'investigating', 'reviewing'] as const;

export async function loader(args: RouteArgs) {
  const id = args.params.id ?? '';
  if (!UUID.test(id)) throw data({ message: s.unknown }, { status: 404 });
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'personnel.discipline');
    return { clue: await c.personnel.clues.get({ id }), today: chinaToday() };
  });
}

const ref = (fd: FormData) => ({ id: form.str(fd, 'id'), version: form.int(fd, 'version') });

export const action = formAction({
  advance: [
    a.advanced,
    (c, fd) => c.personnel.clues.advance({ ...ref(fd), to: form.str(fd, 'to') as 'verifying', on: form.str(fd, 'on'), note: form.optStr(fd, 'note') ?? null }),
  ],
  decide: [
    a.decided,
    (c, fd) =>
      c.personnel.sanctions.decide({
        officerId: form.str(fd, 'officerId'),
        clueId: form.str(fd, 'id'),
        form: form.int(fd, 'form'),
        kind: form.str(fd, 'kind') as 'demerit',
        probationYears: form.optStr(fd, 'probationYears') ? (form.int(fd, 'probationYears') as 1) : null,
        decidedOn: form.str(fd, 'decidedOn'),
        decisionNo: form.optStr(fd, 'decisionNo') ?? null,
        reason: form.str(fd, 'reason'),
      }),
  ],
  transfer: [
    a.transferred,
    (c, fd) => c.personnel.clues.transfer({ ...ref(fd), to: form.str(fd, 'to'), on: form.str(fd, 'on'), note: form.optStr(fd, 'note') ?? null }),
  ],
});

function Forms({ clue, today }: { clue: { id: string; version: number; officerId: string; status: string }; today: string }) {
  const advance = useKept('advance');
  const decide = useKept('decide');
  const transfer = useKept('transfer');
  const at = ORDER.indexOf(clue.status as (typeof ORDER)[number]);
  if (at < 0) return null;
  const next = ORDER[at + 1];
  const hidden = { id: clue.id, version: clue.version };
  return (
    <>
      <Card size="small" title={a.advanceTitle}>
        <ActionForm intent="advance" submit={a.advance} hidden={hidden}>
          <Choice
            name="to"
            label={a.to}
            defaultValue={advance('to')}
            options={[...(next ? [{ value: next, label: s.statuses[next] }] : []), { value: 'closed', label: s.statuses.closed }]}
          />
          <TextInput name="on" type="date" label={a.on} defaultValue={advance('on', today)} />
          <TextArea name="note" label={a.note} defaultValue={advance('note')} rows={2} />
        </ActionForm>
      </Card>
      <Card size="small" title={a.decideTitle}>
        <ActionForm intent="decide" submit={a.decide} hidden={{ ...hidden, officerId: clue.officerId }}>
          <Choice name="kind" label={a.kind} defaultValue={decide('kind')} options={optionsOf(strings.sanctions.kinds)} />
          <Choice name="form" label={a.form} defaultValue={decide('form', '2')} options={optionsOf(strings.sanctions.forms)} />
          <Choice name="probationYears" label={a.probationYears} defaultValue={decide('probationYears')} blank={a.noProbation} options={optionsOf(a.probationOptions)} />
          <TextInput name="decidedOn" type="date" label={a.decidedOn} defaultValue={decide('decidedOn', today)} />
          <TextInput name="decisionNo" label={a.decisionNo} defaultValue={decide('decisionNo')} />
          <TextArea name="reason" label={a.reason} defaultValue={decide('reason')} />
        </ActionForm>
      </Card>
      <Card size="small" title={a.transferTitle}>
        <ActionForm intent="transfer" submit={a.transfer} hidden={hidden}>
          <TextInput name="to" label={a.transferTo} defaultValue={transfer('to')} />
          <TextInput name="on" type="date" label={a.on} defaultValue={transfer('on', today)} />
          <TextArea name="note" label={a.note} defaultValue={transfer('note')} rows={2} />
        </ActionForm>
      </Card>
    </>
  );
}

export default function CluePage() {
  const { clue, today } = usePageData<typeof loader>();
  return (
    <>
      <PageHeader title={s.detailTitle(clue.officerName)} subtitle={clue.summary} />
      <Space direction="vertical" style={{ width: '100%' }} data-testid="personnel-clue">
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={s.officer}>{`${clue.officerName}（${clue.officerNo}）`}</Descriptions.Item>
            <Descriptions.Item label={s.source}>{(s.sources as Record<string, string>)[clue.source] ?? clue.source}</Descriptions.Item>
            <Descriptions.Item label={s.receivedOn}>{clue.receivedOn}</Descriptions.Item>
            <Descriptions.Item label={s.status}>
              <Tag color="blue" data-testid="clue-status">
                {(s.statuses as Record<string, string>)[clue.status] ?? clue.status}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={s.handler}>{clue.handlerName ?? s.noHandler}</Descriptions.Item>
            {clue.transferredTo && <Descriptions.Item label={s.transferredTo}>{`${clue.transferredTo}（${clue.transferredOn ?? ''}）`}</Descriptions.Item>}
          </Descriptions>
        </Card>
        <Card size="small" title={s.steps} data-testid="clue-steps">
          <Timeline
            items={clue.steps.map((x) => ({
              children: `${x.on} ${(s.stepNames as Record<string, string>)[x.step] ?? x.step}${x.note ? `：${x.note}` : ''}`,
            }))}
          />
        </Card>
        <Forms clue={clue} today={today} />
      </Space>
    </>
  );
}
