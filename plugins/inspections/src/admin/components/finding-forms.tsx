// The committee's forms for the problems found (问题清单): recording a problem on a sampled
// file, and re-checking (复查) a unit's rectification report: close (销号) or return it.
// Plain posts: they work before and without JavaScript.
import { Form } from '@remix-run/react';
import { Button, Card } from 'antd';
import type { ActionOutcome } from '@zhengfa/ui';
import { strings } from '../strings.js';
import { Field, inputStyle, Outcome } from './field.js';

const s = strings.pages.finding;
const r = strings.pages.recheck;

export function FindingForm({ files, defectTypes, outcome }: { files: { id: string; caseNo: string; unitName: string }[]; defectTypes: string[]; outcome: ActionOutcome | undefined | null }) {
  return (
    <Card size="small" title={s.title} data-testid="inspections-finding-form">
      <Outcome outcome={outcome} intent="finding" />
      {files.length === 0 ? (
        <p>{s.noFiles}</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="finding" />
          <Field label={s.file}>
            <select name="fileId" style={inputStyle} required>
              {files.map((f) => (
                <option key={f.id} value={f.id}>{`${f.caseNo}（${f.unitName}）`}</option>
              ))}
            </select>
          </Field>
          <Field label={s.defectType} width={160}>
            <select name="defectType" style={inputStyle} required>
              {defectTypes.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </Field>
          <Field label={s.scope} width={140}>
            <select name="scope" style={inputStyle} defaultValue="individual">
              {Object.entries(strings.findingScopes).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </Field>
          <Field label={s.severity} width={140}>
            <select name="severity" style={inputStyle} defaultValue="general">
              {Object.entries(s.severities).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </Field>
          <Field label={s.description} width={360}>
            <input name="description" style={inputStyle} maxLength={2000} required />
          </Field>
          <Field label={s.responsible} width={140}>
            <input name="responsibleName" style={inputStyle} maxLength={30} required />
          </Field>
          <Field label={s.deadline} width={160}>
            <input name="deadline" type="date" style={inputStyle} required />
          </Field>
          <div>
            <Button htmlType="submit">{s.submit}</Button>
          </div>
        </Form>
      )}
    </Card>
  );
}

/** The re-check of a reported problem, in its row of the findings table. */
export function RecheckForm({ finding }: { finding: { id: string; version: number; caseNo: string } }) {
  return (
    <Form method="post" style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <input type="hidden" name="intent" value="recheck" />
      <input type="hidden" name="id" value={finding.id} />
      <input type="hidden" name="version" value={finding.version} />
      <input name="note" aria-label={r.note(finding.caseNo)} placeholder={r.note(finding.caseNo)} style={{ ...inputStyle, width: 200 }} maxLength={2000} />
      <Button htmlType="submit" name="outcome" value="closed" size="small" type="primary">
        {r.close}
      </Button>
      <Button htmlType="submit" name="outcome" value="returned" size="small">
        {r.ret}
      </Button>
    </Form>
  );
}
