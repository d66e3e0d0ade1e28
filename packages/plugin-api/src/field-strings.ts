// Every word the shared input fields (fields.ts) show a user. Each message names the
// field, in 「」, so a refusal says what to correct.
export const fieldStrings = {
  required: (label: string) => `请填写「${label}」`,
  choose: (label: string) => `请选择「${label}」`,
  notText: (label: string) => `「${label}」应为文字`,
  notNumber: (label: string) => `「${label}」应为数字`,
  notInteger: (label: string) => `「${label}」应为整数`,
  notBoolean: (label: string) => `「${label}」应为“是”或“否”`,
  notList: (label: string) => `「${label}」应为列表`,
  notGroup: (label: string) => `「${label}」的内容格式不正确`,
  malformed: (label: string) => `「${label}」格式不正确`,
  invalid: (label: string) => `「${label}」填写有误`,
  tooShort: (label: string, min: number) => `「${label}」至少 ${min} 个字`,
  tooLong: (label: string, max: number) => `「${label}」不能超过 ${max} 个字`,
  tooSmall: (label: string, min: number) => `「${label}」不能小于 ${min}`,
  tooBig: (label: string, max: number) => `「${label}」不能大于 ${max}`,
  tooFew: (label: string, min: number) => (min <= 1 ? `请至少选择一项「${label}」` : `「${label}」至少 ${min} 项`),
  tooMany: (label: string, max: number) => `「${label}」最多 ${max} 项`,
  nul: (label: string) => `「${label}」不能包含空字符（\\0），请删除后重新提交`,
  bidi: (label: string) => `「${label}」不能包含改变文字方向的控制字符，请改用普通文件名`,
  dateFormat: (label: string) => `「${label}」应为“年-月-日”格式的日期，例如 2026-03-05`,
  dateMissing: (label: string, value: string) => `「${label}」${value} 不是存在的日期`,
  dateBefore: (label: string, min: string) => `「${label}」不能早于 ${min}`,
  dateFuture: (label: string, today: string) => `「${label}」不能晚于今天（${today}）`,
  dateAfter: (label: string, max: string) => `「${label}」不能晚于 ${max}`,
  dateTimeFormat: (label: string) => `「${label}」应为日期和时间，例如 2026-03-05 09:30`,
  /** The whole input is not what the procedure takes (not an object, …): no one field to name. */
  shape: '提交的内容格式不正确，请刷新页面后重试',
  /** A position in a list, for a field name built from its path. */
  item: (n: number) => `第 ${n} 项`,
} as const;
