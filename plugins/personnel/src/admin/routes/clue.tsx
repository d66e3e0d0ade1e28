// 问题线索详情 (discipline staff): the clue and each recorded step of its handling.
import { Card, Descriptions, Space, Timeline } from 'antd';
import { PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { strings } from '../strings.js';

const s = strings.clues;

export async function loader(args: RouteArgs) {
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'personnel.discipline');
    return c.personnel.clues.get({ id: args.params.id ?? '' });
  });
}

export default function CluePage() {
  const clue = usePageData<typeof loader>();
  return (
    <>
      <PageHeader title={s.detailTitle(clue.officerName)} subtitle={clue.summary} />
      <Space direction="vertical" style={{ width: '100%' }} data-testid="personnel-clue">
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={s.officer}>{`${clue.officerName}（${clue.officerNo}）`}</Descriptions.Item>
            <Descriptions.Item label={s.source}>{(s.sources as Record<string, string>)[clue.source] ?? clue.source}</Descriptions.Item>
            <Descriptions.Item label={s.receivedOn}>{clue.receivedOn}</Descriptions.Item>
            <Descriptions.Item label={s.status}>{(s.statuses as Record<string, string>)[clue.status] ?? clue.status}</Descriptions.Item>
            <Descriptions.Item label={s.handler}>{clue.handlerName ?? s.noHandler}</Descriptions.Item>
            {clue.transferredTo && <Descriptions.Item label={s.transferredTo}>{`${clue.transferredTo}（${clue.transferredOn ?? ''}）`}</Descriptions.Item>}
          </Descriptions>
        </Card>
        <Card size="small" title={s.steps}>
          <Timeline
            items={clue.steps.map((x) => ({
              children: `${x.on} ${(s.stepNames as Record<string, string>)[x.step] ?? x.step}${x.note ? `：${x.note}` : ''}`,
            }))}
          />
        </Card>
      </Space>
    </>
  );
}
