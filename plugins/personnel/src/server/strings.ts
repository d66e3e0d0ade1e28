// Every Chinese word of the personnel plugin's server entry.

export const strings = {
  name: '教育培训与纪律作风',
  description: '干警名册、年度教育培训计划、培训班次与签到、学时统计与落后提醒、考试与证书',
};

export const permissionNames = {
  read: '查看干警名册与教育培训',
  manage: '管理干警名册（政治部）',
  training: '组织教育培训、登记签到与成绩',
  reveal: '查看干警完整身份证号与电话',
};

/** The Chinese names of input fields, as refusals name them. */
export const fieldNames = {
  officerId: '干警',
  officerNo: '警号',
  name: '姓名',
  unit: '所在单位',
  gender: '性别',
  idNumber: '身份证号',
  phone: '联系电话',
  post: '职务',
  rank: '职级',
  isLeader: '是否领导干部',
  isPartyMember: '是否党员',
  status: '状态',
  joinedOn: '参加工作时间',
  userId: '关联账号',
  version: '版本号',
  search: '查询内容',
  year: '年度',
  fileName: '文件名',
  file: '文件',
  alias: '名册中的单位名称',
  aliasUnit: '对应单位',
  requiredHours: '年度学时要求',
  planId: '培训计划',
  planTitle: '计划名称',
  planSummary: '计划说明',
  planItems: '计划事项',
  itemKind: '培训类别',
  itemTitle: '培训内容',
  itemMonth: '计划月份',
  classHours: '学时',
  audience: '参训对象',
  organiser: '组织单位',
  courseId: '培训课程',
  courseTitle: '课程名称',
  courseKind: '培训类别',
  topic: '培训主题',
  sessionId: '培训班次',
  startsAt: '开始时间',
  endsAt: '结束时间',
  place: '地点',
  attendance: '签到名单',
  attendanceStatus: '出勤情况',
  signInCode: '签到码',
  score: '成绩',
  takenOn: '考试日期',
  certificateNo: '证书编号',
  certificateTitle: '证书名称',
  issuedOn: '发证日期',
  issuer: '发证机关',
  day: '日期',
  asOf: '统计截止日期',
  checkpoint: '检查节点',
  passed: '是否合格',
  clientKey: '请求标识',
  page: '页码',
  pageSize: '每页条数',
};

export const genderNames = { male: '男', female: '女' } as const;
export const statusNames = { serving: '在职', seconded: '借调', retired: '退休', left: '调离' } as const;

export const courseKindNames = {
  rotation: '集中轮训',
  post: '岗位培训',
  new_leader: '新任领导培训',
  new_officer: '新警培训',
  drill: '岗位练兵/业务竞赛',
  online: '网络学习',
} as const;

export const attendanceStatusNames = { present: '出勤', absent: '缺勤', excused: '请假' } as const;
export const checkpointNames = { midYear: '年中（6月30日）', thirdQuarter: '三季度末（9月30日）', yearEnd: '年末（12月31日）' } as const;

export const officerStrings = {
  notFound: '干警不存在，或不在您的查看范围内',
  unitOutOfScope: '只能登记本单位的干警',
  unitUnknown: '「所在单位」不是本县的单位',
  officerNoTaken: (no: string) => `「警号」${no} 已登记给另一名干警`,
  userUnknown: '「关联账号」不是本县可用的账号',
  userTaken: '「关联账号」已关联另一名干警',
  revealReason: '查看干警完整个人信息',
};

export const personalDataStrings = {
  idNumberRequired: '「身份证号」为空',
  idNumberLength: (n: number) => `「身份证号」应为18位，现为${n}位`,
  idNumberCharacters: '「身份证号」只能由数字和末位X组成',
  idNumberBirthDate: (d: string) => `「身份证号」中的出生日期${d}不存在`,
  idNumberCheckDigit: '「身份证号」校验位不正确，请核对',
  phoneRequired: '「联系电话」为空',
  phoneFormat: '「联系电话」格式不正确（手机号11位，或带区号的座机号）',
};

export const importStrings = {
  fileNameXlsx: '「文件名」应为 .xlsx 文件（请用 Excel 另存为 .xlsx）',
  fileEmpty: '请选择「文件」',
  fileTooLarge: '「文件」不能超过 10 MB',
  fileUnreadable: '「文件」无法读取，请确认是 Excel（.xlsx）文件',
  noSheet: '「文件」中没有工作表',
  tooManyRows: (n: number) => `「文件」超过 ${n} 行，请分批导入`,
  tooManyCells: (n: number) => `「文件」填写的单元格超过 ${n} 个，请分批导入`,
  noHeader: '「文件」前 10 行中找不到表头（至少应有「姓名」「警号」「所在单位」列）',
  missingColumns: (names: string[]) => `「文件」缺少列：${names.map((n) => `「${n}」`).join('、')}`,
  badRows: (n: number) => `有 ${n} 行不符合要求，未导入任何干警；请按检查结果修改后重新导入`,
  nothingToImport: '「文件」中没有可导入的干警',
  aliasRequired: '请填写「名册中的单位名称」',
  aliasIsUnitName: (v: string) => `「名册中的单位名称」“${v}”本身就是单位全称，无需设置别名`,
  aliasUnitNotFound: '「对应单位」不是本县在用的单位',
  aliasNotFound: '该单位别名不存在',
  aliasCommitteeOnly: '单位别名由政法委统一维护',
  templateSheet: '干警名册',
  templateFile: '干警名册导入模板.xlsx',
  /** 第 N 行「列」：原因 */
  problem: (row: number, column: string, message: string) => `第${row}行「${column}」：${message}`,
  row: {
    required: '为空',
    tooLong: (max: number) => `超过${max}个字`,
    dateFormat: (v: string) => `「${v}」不是日期（可写 2008-07-01、2008.07、2008年7月）`,
    dateImpossible: (v: string) => `「${v}」不是存在的日期`,
    dateFuture: (v: string) => `${v}晚于今天`,
    idLostDigits: '身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为文本后重新填写',
    unitUnknown: (v: string) => `「${v}」不是本县的单位`,
    unitAmbiguous: (v: string, names: string[]) => `「${v}」可能是${names.join('或')}，请写全称`,
    unitOutOfScope: (v: string) => `「${v}」不在您的管理范围内`,
    duplicateInFile: (no: string, first: number) => `警号${no}与第${first}行重复`,
    unknownWord: (v: string) => `无法识别：「${v}」`,
  },
  /** The headers of the template and the others rosters use for each field. */
  fields: {
    name: '姓名',
    officerNo: '警号',
    unit: '所在单位',
    gender: '性别',
    idNumber: '身份证号',
    phone: '联系电话',
    post: '职务',
    rank: '职级',
    isLeader: '是否领导干部',
    isPartyMember: '是否党员',
    status: '状态',
    joinedOn: '参加工作时间',
  },
  synonyms: {
    name: ['干警姓名'],
    officerNo: ['警号/工号', '工号', '编号', '人员编号'],
    unit: ['单位', '工作单位', '所属单位'],
    gender: [],
    idNumber: ['身份证号码', '公民身份号码', '身份证'],
    phone: ['电话', '手机', '手机号码', '联系方式'],
    post: ['职务（岗位）', '岗位'],
    rank: ['职级（警衔）', '警衔', '等级'],
    isLeader: ['领导干部', '是否领导'],
    isPartyMember: ['党员', '政治面貌'],
    status: ['在职状态', '人员状态'],
    joinedOn: ['参工时间', '工作时间', '入职时间', '参加工作日期'],
  },
  skip: { blank: '空行', total: '合计行', note: '备注或说明行', title: '标题行', existing: '名册中已有该警号' },
};

export const trainingStrings = {
  settingsConflict: '年度学时要求已被他人修改，请刷新后重试',
  planNotFound: '培训计划不存在，或不在您的查看范围内',
  planExists: (year: number) => `该单位${year}年度的培训计划已存在`,
  planUnitOutOfScope: '只能编制本单位的培训计划',
  courseNotFound: '培训课程不存在，或不在您的查看范围内',
  sessionNotFound: '培训班次不存在，或不在您的查看范围内',
  courseUnitOutOfScope: '只能组织本单位的培训',
  endsBeforeStart: '「结束时间」应晚于「开始时间」',
  sessionTooLong: '「结束时间」与「开始时间」应在同一天',
  officerOutOfScope: '「签到名单」中有不在您管理范围内的干警',
  officerUnknown: '「签到名单」中有不存在的干警',
  attendanceBeforeStart: (start: string) => `培训班次${start}开始，开始前不能登记「出勤情况」`,
  signInCodeUnknown: '「签到码」不正确，请核对现场公布的签到码',
  signInNotOpen: (start: string, end: string) => `「签到码」只能在培训时间（${start}—${end}）内使用`,
  signInNoOfficer: '您的账号未关联干警名册，无法签到，请联系政治部',
  alreadySignedIn: '您已签到',
  examOfficerUnknown: '「警号」不是名册中的干警',
  certificateTaken: (no: string) => `「证书编号」${no} 已登记`,
  planDocTitle: (unit: string, year: number) => `${unit}${year}年度教育培训计划`,
  planDocHeader: ['序号', '培训类别', '培训内容', '计划月份', '学时', '参训对象', '组织单位'],
  planDocIntro: (unit: string, year: number, total: string) => `${unit}${year}年度计划组织教育培训如下，合计${total}学时。`,
  planDocMonth: (m: number | null) => (m ? `${m}月` : '全年'),
  planDocNo: (tenant: string, year: number) => `${Array.from(tenant)[0] ?? ''}政法训〔${year}〕号`,
  organName: (tenant: string) => `中共${tenant}委政法委员会`,
  planFileName: (title: string) => `${title}.docx`,
};

export const todoStrings = {
  sessionsToday: '今日培训班次',
  unitsBehind: '学时进度落后的单位',
  officersBehind: '本单位学时进度落后的干警',
};

export const fieldMessages = {
  notBelowZero: (label: string) => `「${label}」不能小于 0`,
  notAbove: (label: string, max: number) => `「${label}」不能大于 ${max}`,
  halfHours: (label: string) => `「${label}」应为 0.5 的整数倍`,
  oneDecimal: (label: string) => `「${label}」最多保留一位小数`,
  positive: (label: string) => `「${label}」应大于 0`,
};

/** The conduct and discipline part's refusals, for the server's authorization matrix. */
export { messages as disciplineMessages } from './discipline-strings.js';
