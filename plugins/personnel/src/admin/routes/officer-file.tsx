// 干警执法档案 (another officer's file): the full file for the political department
// (personnel.files), exported as docx; for anyone else the summary, which the server gives only
// to the leader of the officer's unit and refuses (its Chinese message, a 403 page) to the rest.
// Every view and export is audited by the server.
import { data, useFetcher } from '@remix-run/react';
import { App, Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { badForm, FormError, form, PageHeader, saveBase64File, useActionFeedback, usePageData, UUID, type ActionOutcome, type RouteArgs } from '@zhengfa/ui';
import { useCallback } from 'react';
import { kit } from '../api.js';
import { EligibilityTag, emptyFile, label, sanctionColumns, TrainingCard } from '../file-sections.js';
import { strings } from '../strings.js';

const s = strings.officerFile;
const m = strings.myFile;

export async function loader(args: RouteArgs) {
  const officerId = args.params.id ?? '';
  if (!UUID.test(officerId)) throw data({ message: s.unknown }, { status: 404 });
  return kit.load(args, async (c) => {
    const user = await kit.requirePermission(c, args.request);
    const full = user.permissions.includes('personnel.files');
    // The political department reads the full file; anyone else asks for the summary, which
    // the server refuses unless the caller leads the officer's unit.
    const file = full ? await c.personnel.file.get({ officerId }) : await c.personnel.file.unitSummary({ officerId });
    return { file, canExport: full };
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  const intent = form.str(fd, 'intent');
  if (intent !== 'export') return badForm(intent);
  const officerId = args.params.id ?? '';
  return kit.mutate(args, intent, '', (c) => c.personnel.file.export({ officerId }));
}


export default function OfficerFilePage() {
  const { file: f, canExport } = usePageData<typeof loader>();
  const o = f.officer;
  const full = f.level === 'full';
  const { message } = App.useApp();
  const fetcher = useFetcher<typeof action>();
  const onSuccess = useCallback(
    (x: ActionOutcome) => {
      if (x.result) void message.success(s.downloaded(saveBase64File(x.result as { fileName: string; base64: string }, 'file.docx')));
    },
    [message],
  );
  const error = useActionFeedback(fetcher, onSuccess);
  return (
    <>
      <PageHeader
        title={s.title(o.name)}
        subtitle={full ? s.subtitleFull(o.unitName ?? '') : s.subtitleSummary(o.unitName ?? '')}
        extra={
          canExport && full ? (
            <Button type="primary" data-testid="officer-file-export" disabled={fetcher.state !== 'idle'} onClick={() => fetcher.submit({ intent: 'export' }, { method: 'post' })}>
              {s.download}
            </Button>
          ) : null
        }
      />
      <Space direction="vertical" style={{ width: '100%' }} data-testid="personnel-officer-file" data-level={f.level}>
        <FormError outcome={error} />
        {!full && <Typography.Paragraph type="secondary">{s.summaryNote}</Typography.Paragraph>}
        <Card size="small" title={s.basics}>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={strings.columns.officerNo}>{o.officerNo}</Descriptions.Item>
            <Descriptions.Item label={s.unit}>{o.unitName ?? ''}</Descriptions.Item>
            <Descriptions.Item label={strings.columns.post}>{o.post ?? ''}</Descriptions.Item>
            <Descriptions.Item label={s.rank}>{o.rank ?? ''}</Descriptions.Item>
            <Descriptions.Item label={s.leader}>{o.isLeader ? strings.yes : strings.no}</Descriptions.Item>
            <Descriptions.Item label={s.party}>{o.isPartyMember ? strings.yes : strings.no}</Descriptions.Item>
            <Descriptions.Item label={s.status}>{(strings.status as Record<string, string>)[o.status] ?? o.status}</Descriptions.Item>
            <Descriptions.Item label={m.eligibility}>
              <EligibilityTag restriction={f.restriction} testId="officer-file-eligibility" />
            </Descriptions.Item>
            <Descriptions.Item label={m.conductCount}>{f.conductRecordCount}</Descriptions.Item>
          </Descriptions>
        </Card>
        <TrainingCard file={f} testId="officer-file-training" />
        <Card size="small" title={m.sanctions} data-testid="officer-file-sanctions">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={f.sanctions}
            locale={emptyFile}
            columns={[
              ...sanctionColumns<(typeof f.sanctions)[number]>([{ title: s.form, dataIndex: 'form', render: label(s.forms) }]),
              ...(full
                ? [
                    { title: s.decisionNo, dataIndex: 'decisionNo', render: (v: string | null | undefined) => v ?? '' },
                    { title: s.reason, dataIndex: 'reason', render: (v: string | undefined) => v ?? '' },
                  ]
                : []),
            ]}
          />
        </Card>
        <Card size="small" title={m.commendations}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={f.commendations}
            locale={emptyFile}
            columns={[
              { title: s.commendationKind, dataIndex: 'kind', render: label(s.commendationKinds) },
              { title: m.commendationTitle, dataIndex: 'title' },
              { title: m.awardedOn, dataIndex: 'awardedOn' },
            ]}
          />
        </Card>
        <Card size="small" title={s.assessments}>
          <Table
            size="small"
            rowKey="period"
            pagination={false}
            dataSource={f.assessments}
            locale={emptyFile}
            columns={[
              { title: s.period, dataIndex: 'period' },
              { title: s.grade, dataIndex: 'grade', render: label(s.grades) },
              { title: s.assessedOn, dataIndex: 'assessedOn' },
            ]}
          />
        </Card>
        {full && (
          <>
            <Card size="small" title={s.clues} data-testid="officer-file-clues">
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={f.clues}
                locale={emptyFile}
                columns={[
                  { title: s.receivedOn, dataIndex: 'receivedOn' },
                  { title: s.source, dataIndex: 'source', render: label(s.sources) },
                  { title: s.summary, dataIndex: 'summary', render: (v: string | undefined) => v ?? '' },
                  { title: s.clueStatus, dataIndex: 'status', render: label(s.clueStatuses) },
                  { title: s.transferredTo, dataIndex: 'transferredTo', render: (v: string | null | undefined) => v ?? '' },
                ]}
              />
            </Card>
            <Card size="small" title={s.accountability}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={f.accountability}
                locale={emptyFile}
                columns={[
                  { title: s.caseRef, dataIndex: 'caseRef' },
                  { title: s.foundOn, dataIndex: 'foundOn' },
                  { title: s.accountabilityStatus, dataIndex: 'status', render: label(s.accountabilityStatuses) },
                  { title: s.decision, dataIndex: 'decision', render: (v: string | null) => v ?? '' },
                ]}
              />
            </Card>
            <Card size="small" title={s.findings}>
              <Table
                size="small"
                rowKey="findingId"
                pagination={false}
                dataSource={f.inspectionFindings}
                locale={emptyFile}
                columns={[
                  { title: s.defectType, dataIndex: 'defectType' },
                  { title: s.severity, dataIndex: 'severity', render: label(s.severities) },
                  { title: s.foundOn, dataIndex: 'foundOn' },
                ]}
              />
            </Card>
          </>
        )}
      </Space>
    </>
  );
}
