// 起草监督文书: kind, recipient (a unit, or a named officer of a unit), facts, basis,
// requirement and response deadline. Drafting the next rung keeps the recipient and links
// the previous instrument (previousId). On success the new instrument's page opens, where
// it is submitted for the leader's sign-off.
import { useActionFeedback, type ActionOutcome } from '@zhengfa/ui';
import { useFetcher, useNavigate } from '@remix-run/react';
import { Alert, Col, DatePicker, Form, Input, Modal, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { toFormData } from '../../lib/form-data.js';
import type { CaseData } from '../../lib/case-page.js';
import { strings } from '../../strings.js';
import { FormError } from '../form-error.js';
import { UnitSelect } from '../unit-select.js';
import type { CaseInstrument } from './instrument-ladder.js';

const s = strings.supervision;

interface Values {
  kind: string;
  recipientKind: 'unit' | 'officer';
  recipientOrgId: string;
  officerName?: string;
  officerPost?: string;
  facts: string;
  legalBasis?: string;
  requirement: string;
  responseDeadline: Dayjs;
}

export function DraftInstrumentDialog({ data, from, onClose }: { data: CaseData; from: CaseInstrument | null; onClose: () => void }) {
  const c = data.case;
  const fetcher = useFetcher();
  const navigate = useNavigate();
  const onSuccess = useCallback(
    (o: ActionOutcome) => {
      const id = (o as ActionOutcome & { result?: { id?: string } }).result?.id;
      onClose();
      if (id) navigate(`/supervision/instruments/${id}?drafted=1`);
    },
    [navigate, onClose],
  );
  const error = useActionFeedback(fetcher, onSuccess);
  const [antForm] = Form.useForm<Values>();
  const recipientKind = Form.useWatch('recipientKind', antForm);
  const kindName = (k: string | null) => data.supervisionVocab.instrumentKinds.find((x) => x.value === k)?.label ?? '';

  function onFinish(v: Values) {
    const officer = v.recipientKind === 'officer';
    void fetcher.submit(
      toFormData({
        intent: 'draftInstrument',
        kind: v.kind,
        recipientOrgId: v.recipientOrgId,
        officerName: officer ? v.officerName : undefined,
        officerPost: officer ? v.officerPost : undefined,
        facts: v.facts,
        legalBasis: v.legalBasis ?? '',
        requirement: v.requirement,
        responseDeadline: v.responseDeadline.format('YYYY-MM-DD'),
        previousId: from?.id,
      }),
      { method: 'post' },
    );
  }

  return (
    <Modal
      open
      title={from?.suggestedNext ? s.draftNextTitle(kindName(from.suggestedNext)) : s.draftTitle}
      okText={s.draft}
      cancelText={strings.common.cancel}
      confirmLoading={fetcher.state !== 'idle'}
      onOk={() => antForm.submit()}
      onCancel={onClose}
      width={720}
      destroyOnClose
    >
      {from ? <Alert type="info" showIcon message={s.continuing(from.kindName, from.docNo)} style={{ marginBottom: 16 }} /> : null}
      <FormError outcome={error} />
      <Form<Values>
        form={antForm}
        name="draftInstrument"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          kind: from?.suggestedNext ?? data.supervisionVocab.instrumentKinds[0]?.value,
          recipientKind: from?.officerName ? 'officer' : 'unit',
          recipientOrgId: from?.recipientOrgId ?? c.leadUnitId ?? undefined,
          officerName: from?.officerName ?? undefined,
          officerPost: from?.officerPost ?? undefined,
          responseDeadline: dayjs().add(15, 'day'),
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={s.kind} rules={[{ required: true, message: strings.common.requiredSelect(s.kind) }]}>
              <Select options={data.supervisionVocab.instrumentKinds.map((k) => ({ value: k.value, label: k.label, title: k.label }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="recipientKind" label={s.recipientKind}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'unit', label: s.recipientUnit },
                  { value: 'officer', label: s.recipientOfficer },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={recipientKind === 'officer' ? 8 : 24}>
            <Form.Item
              name="recipientOrgId"
              label={recipientKind === 'officer' ? s.recipientOrgOfOfficer : s.recipientOrg}
              rules={[{ required: true, message: strings.common.requiredSelect(s.recipientOrg) }]}
            >
              <UnitSelect units={data.units} placeholder={strings.common.requiredSelect(s.recipientOrg)} />
            </Form.Item>
          </Col>
          {recipientKind === 'officer' ? (
            <>
              <Col xs={24} md={8}>
                <Form.Item name="officerName" label={s.officerName} rules={[{ required: true, whitespace: true, message: strings.common.required(s.officerName) }]}>
                  <Input maxLength={30} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="officerPost" label={s.officerPost}>
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
            </>
          ) : null}
          <Col span={24}>
            <Form.Item name="facts" label={s.facts} rules={[{ required: true, whitespace: true, message: strings.common.required(s.facts) }]}>
              <Input.TextArea rows={4} maxLength={5000} showCount placeholder={s.factsPlaceholder} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="legalBasis" label={s.legalBasis}>
              <Input.TextArea rows={2} maxLength={2000} placeholder={s.legalBasisPlaceholder} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="requirement" label={s.requirement} rules={[{ required: true, whitespace: true, message: strings.common.required(s.requirement) }]}>
              <Input.TextArea rows={3} maxLength={2000} placeholder={s.requirementPlaceholder} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="responseDeadline" label={s.responseDeadline} rules={[{ required: true, message: strings.common.requiredSelect(s.responseDeadline) }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
