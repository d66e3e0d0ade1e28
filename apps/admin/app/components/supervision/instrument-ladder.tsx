// 监督文书 on the case page: the six rungs of the ladder with the instruments issued on each,
// the rung suggested next (a late or rejected answer one rung down) with a one-click
// 起草下一级文书, and the drafting dialog.
import { Link, useSearchParams } from '@remix-run/react';
import { Button, Card, Empty, Space, Steps, Tag, Typography } from 'antd';
import { ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { formatDate, InstrumentStatusTag, OverdueTag } from '@zhengfa/ui';
import { useCallback, useMemo, useState } from 'react';
import { currentRung, ladderRungs } from '../../lib/supervision.js';
import type { CaseData } from '../../lib/case-page.js';
import { strings } from '../../strings.js';
import { DraftInstrumentDialog } from './draft-instrument.js';

const s = strings.supervision;

export type CaseInstrument = CaseData['instruments'][number];

export function recipientLine(i: { officerName: string | null; officerPost: string | null; recipientName: string | null }): string {
  return i.officerName ? s.officerLine(i.officerName, i.officerPost, i.recipientName) : (i.recipientName ?? '');
}

export function InstrumentLadderCard({ data }: { data: CaseData }) {
  const c = data.case;
  const [params, setParams] = useSearchParams();
  const rungs = useMemo(() => ladderRungs(data.supervisionVocab.instrumentKinds, data.instruments), [data.supervisionVocab, data.instruments]);
  const canDraft = data.can.instruments && c.status !== 'archived';
  // ?draftNext=<id> (from an instrument's page) opens the dialog for the rung after it.
  const fromParam = params.get('draftNext');
  const [dialog, setDialog] = useState<{ from: CaseInstrument | null } | null>(null);
  const linked = fromParam ? (data.instruments.find((i) => i.id === fromParam && i.suggestedNext) ?? null) : null;
  const open = dialog ?? (canDraft && linked ? { from: linked } : null);
  const close = useCallback(() => {
    setDialog(null);
    if (params.has('draftNext')) {
      const next = new URLSearchParams(params);
      next.delete('draftNext');
      setParams(next, { replace: true, preventScrollReset: true });
    }
  }, [params, setParams]);

  return (
    <Card
      title={s.ladder}
      size="small"
      style={{ marginTop: 16 }}
      data-testid="instrument-ladder"
      extra={
        canDraft ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ from: null })} data-testid="draft-instrument">
            {s.draft}
          </Button>
        ) : null
      }
    >
      {data.instruments.length === 0 && !canDraft ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.empty} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {s.ladderHelp}
          </Typography.Paragraph>
          <Steps
            direction="vertical"
            size="small"
            current={currentRung(rungs)}
            items={rungs.map((r) => ({
              status: r.state,
              title: (
                <Space size={6}>
                  <span>{r.label}</span>
                  {r.suggestedFrom ? (
                    <Tag color="red" icon={<ArrowUpOutlined />} data-testid="suggested-rung">
                      {s.suggested(r.label)}
                    </Tag>
                  ) : null}
                </Space>
              ),
              description: (
                <div data-testid={`rung-${r.kind}`} data-state={r.state}>
                  {r.instruments.length === 0 && !r.suggestedFrom ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {s.emptyRung}
                    </Typography.Text>
                  ) : null}
                  {r.instruments.map((i) => (
                    <div key={i.id} style={{ margin: '2px 0' }} data-testid="ladder-instrument">
                      <Space size={6} wrap>
                        <Link to={`/supervision/instruments/${i.id}`} prefetch="intent">
                          {i.docNo ?? s.draftNo}
                        </Link>
                        <InstrumentStatusTag status={i.status} label={i.statusName} />
                        {i.overdue ? <OverdueTag label={s.overdue} /> : null}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {recipientLine(i)} · {s.responseDeadline} {formatDate(i.responseDeadline)}
                        </Typography.Text>
                      </Space>
                    </div>
                  ))}
                  {r.suggestedFrom ? (
                    <Space size={8} wrap style={{ marginTop: 4 }}>
                      <Typography.Text type="danger" style={{ fontSize: 12 }}>
                        {s.suggestedHelp(r.label, r.suggestedFrom.status === 'rejected' ? s.whyRejected : s.whyOverdue)}（{r.suggestedFrom.kindName} {r.suggestedFrom.docNo ?? s.draftNo}）
                      </Typography.Text>
                      {canDraft ? (
                        <Button type="primary" size="small" danger onClick={() => setDialog({ from: r.suggestedFrom })} data-testid="draft-next">
                          {s.draftNext}
                        </Button>
                      ) : null}
                    </Space>
                  ) : null}
                </div>
              ),
            }))}
          />
        </>
      )}
      {open ? <DraftInstrumentDialog key={open.from?.id ?? 'new'} data={data} from={open.from} onClose={close} /> : null}
    </Card>
  );
}
