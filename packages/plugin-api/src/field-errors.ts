// zod's error map for every schema of the process: any issue a schema of fields.ts did not
// answer itself (a schema written by hand, an object that is not one) is answered in Chinese
// naming the field: by the name its schema was built with, else by the field's key in the
// common names below, else by its position. Never zod's own "期望 string，实际接收 undefined".
import { z } from 'zod';
import { fieldStrings as s } from './field-strings.js';
import { labelOf, messageFor } from './fields.js';

/** Chinese names of keys that many procedures share. */
export const commonFieldNames: Record<string, string> = {
  id: '记录',
  ids: '记录',
  version: '版本号',
  page: '页码',
  pageSize: '每页条数',
  keyword: '关键词',
  from: '起始日期',
  to: '截止日期',
  year: '年份',
  month: '月份',
  status: '状态',
  kind: '类别',
  title: '标题',
  name: '名称',
  note: '说明',
  comment: '意见',
  reason: '理由',
  caseId: '事项',
  orgId: '组织',
  userId: '用户',
};

/** A name for the field at `path`: the last key in the common names, else the path as written. */
export function labelOfPath(path: readonly PropertyKey[]): string | undefined {
  const keys = path.filter((k): k is string => typeof k === 'string');
  const last = keys[keys.length - 1];
  if (last !== undefined) return commonFieldNames[last] ?? last;
  const index = path[path.length - 1];
  return typeof index === 'number' ? s.item(index + 1) : undefined;
}

/** The Chinese message of any zod issue, naming its field. */
export function chineseIssueMessage(iss: z.core.$ZodRawIssue): string {
  const label = labelOf(iss.schema) ?? labelOf(iss.inst) ?? labelOfPath(iss.path ?? []);
  if (!label) return s.shape;
  return messageFor(label, iss);
}

let installed = false;

/** Makes chineseIssueMessage zod's error map (idempotent; the plugin API installs it on import). */
export function installChineseErrorMap(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: chineseIssueMessage });
}
