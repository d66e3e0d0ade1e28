// Every Chinese word of the conduct and discipline part of the plugin (三个规定, clues,
// sanctions, error-case accountability, commendations, assessments, the law-enforcement file).

/** 2026-03-15 → 2026年3月15日. */
export function cnDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2026-03 → 2026年3月. */
export function cnMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

export const disciplinePermissionNames = {
  discipline: '纪律作风（问题线索、处分、错案追究、三个规定记录人身份）',
  files: '查看干警执法档案（全部）',
  commendations: '表彰奖励与考核',
  conductReport: '报送三个规定月报',
  conductSummary: '查看三个规定季度汇总',
} as const;

export const fieldNames = {
  intervenerKind: '过问干预人类别',
  intervenerName: '过问干预人',
  intervenerPost: '过问干预人单位职务',
  subjectOfficerId: '被记录干警',
  occurredOn: '发生日期',
  manner: '过问方式',
  caseRef: '涉及案件',
  content: '过问干预内容',
  clientKey: '提交标识',
  recordId: '记录编号',
  from: '起始日期',
  to: '截止日期',
  unitId: '单位',
  month: '月份',
  note: '备注',
  year: '年度',
  quarter: '季度',
  officerId: '干警',
  source: '线索来源',
  sourceRef: '来源编号',
  conductRecordId: '三个规定记录',
  receivedOn: '受理日期',
  summary: '线索摘要',
  handlerUserId: '承办人',
  clueId: '问题线索',
  version: '版本号',
  status: '办理状态',
  step: '办理环节',
  stepOn: '办理日期',
  withdrawalReason: '回避事由',
  replacementUserId: '接替承办人',
  transferredTo: '移交机关',
  transferredOn: '移交日期',
  form: '四种形态',
  kind: '处理种类',
  probationYears: '留党察看期限',
  decidedOn: '决定日期',
  decisionNo: '决定文号',
  reason: '事实与理由',
  months: '影响期（月）',
  inForce: '仅影响期内',
  on: '日期',
  accountabilityId: '错案追究事项',
  finding: '认定的错案事实',
  foundOn: '认定日期',
  defence: '申辩意见',
  defendedOn: '申辩日期',
  decision: '追究决定',
  sanctionId: '处分',
  reviewRequest: '复核请求',
  reviewResult: '复核结果',
  reviewNote: '复核意见',
  reviewedOn: '复核日期',
  commendationKind: '表彰类别',
  title: '表彰名称',
  awardedOn: '表彰日期',
  awardedBy: '表彰机关',
  period: '考核期',
  grade: '考核等次',
  assessedOn: '考核日期',
} as const;

export const intervenerKindNames = {
  outside_official: '司法机关以外的领导干部',
  colleague: '司法机关内部人员',
  party: '案件当事人',
  lawyer: '律师',
} as const;

export const mannerNames = {
  in_person: '当面',
  phone: '电话',
  message: '短信或网络',
  letter: '书面',
  other: '其他',
} as const;

export const clueSourceNames = {
  petition: '信访',
  complaint: '投诉',
  report: '举报',
  inspection: '检查发现',
  higher_transfer: '上级转办',
  conduct_record: '三个规定记录',
} as const;

export const clueStatusNames = {
  accepted: '受理',
  verifying: '初步核实',
  filed: '立案',
  investigating: '调查',
  reviewing: '审理',
  decided: '决定',
  closed: '了结',
  transferred: '已移交',
} as const;

export const clueStepNames = {
  ...clueStatusNames,
  handler: '指定承办人',
  withdrawal: '回避',
} as const;

export const withdrawalReasonNames = {
  relative: '与被反映干警有近亲属关系',
  interest: '与线索有利害关系',
  colleague: '与被反映干警同一单位且关系密切',
  other: '其他可能影响公正办理的情形',
} as const;

export const sanctionKindNames = {
  talk_reminder: '谈话提醒',
  criticism: '批评教育',
  self_examination: '责令检查',
  admonishment: '诫勉',
  reassignment: '调整岗位',
  gov_warning: '警告（政务处分）',
  demerit: '记过',
  major_demerit: '记大过',
  demotion: '降级',
  dismissal_from_post: '撤职',
  expulsion: '开除',
  party_warning: '警告（党纪处分）',
  party_serious_warning: '严重警告',
  party_post_removal: '撤销党内职务',
  party_probation: '留党察看',
  party_expulsion: '开除党籍',
} as const;

export const sanctionCategoryNames = { organisational: '组织处理', governmental: '政务处分', party: '党纪处分' } as const;

export const formNames = { 1: '第一种形态', 2: '第二种形态', 3: '第三种形态', 4: '第四种形态' } as const;

export const accountabilityStatusNames = { found: '已认定', defended: '已申辩', decided: '已决定', reviewed: '已复核' } as const;
export const reviewResultNames = { upheld: '维持', changed: '变更', revoked: '撤销' } as const;

export const commendationKindNames = {
  best_officer: '十佳政法干警',
  best_unit: '十佳政法单位',
  best_case: '十佳案件',
  merit: '记功嘉奖',
  other: '其他表彰',
} as const;

export const gradeNames = { excellent: '优秀', competent: '称职', basically_competent: '基本称职', incompetent: '不称职' } as const;

export const messages = {
  noOfficer: '您的账号未关联干警名册，请联系政治部',
  officerNotFound: '「干警」不存在',
  subjectIsReporter: '「被记录干警」不能是记录人本人',
  recordNotFound: '「记录编号」对应的三个规定记录不存在',
  monthInFuture: (month: string) => `「月份」不能晚于本月（${cnMonth(month)}）`,
  reportExists: (month: string) => `本单位${cnMonth(month)}的三个规定月报已报送`,
  noReportingUnit: '您所在单位不是政法单位，无需报送三个规定月报',
  clueNotFound: '「问题线索」不存在',
  conductRecordRequired: '线索来源为三个规定记录时，请选择「三个规定记录」',
  conductRecordSubject: '「干警」应为该三个规定记录中的被记录干警',
  clueClosed: (status: string) => `问题线索已${status}，不能再办理`,
  stepOrder: (from: string, to: string) => `「办理环节」不能从“${from}”进入“${to}”`,
  stepBeforeReceipt: (received: string) => `「办理日期」不能早于线索受理日期（${cnDate(received)}）`,
  handlerNotStaff: '「承办人」须为具有纪律作风权限的工作人员',
  handlerIsSubject: '「承办人」不能是被反映干警本人，请另行指定',
  noHandler: '该线索尚未指定承办人，无需回避',
  replacementSame: '「接替承办人」不能是回避的承办人',
  decidedBeforeClue: (received: string) => `「决定日期」不能早于问题线索受理日期（${cnDate(received)}）`,
  clueOfOtherOfficer: '「问题线索」反映的不是该干警',
  clueTransferred: '问题线索已移交，不能再作出处理决定',
  probationYearsRequired: '留党察看须选择「留党察看期限」（一年或二年）',
  partyKindNotMember: '该干警不是党员，不能给予党纪处分',
  periodNotAdjustable: '「处理种类」的影响期由决定确定或没有期限，不能设置',
  accountabilityNotFound: '「错案追究事项」不存在',
  accountabilityStep: (status: string) => `错案追究事项当前为“${status}”，不能进行此操作`,
  defenceNotOwn: '只能由被追究干警本人或纪检人员提交申辩意见',
  dateBeforeFinding: (label: string, found: string) => `「${label}」不能早于认定日期（${cnDate(found)}）`,
  periodReversed: '「截止日期」不能早于「起始日期」',
  dateBeforeDecision: (label: string, decided: string) => `「${label}」不能早于追究决定日期（${cnDate(decided)}）`,
  sanctionNotFound: '「处分」不存在或不是该干警的处分',
  ineligibleCommendation: (until: string | null) =>
    until ? `该干警处于处分影响期内（至${cnDate(until)}），不得表彰奖励` : '该干警受到开除处分，不得表彰奖励',
  ineligibleExcellent: (until: string | null) =>
    until ? `该干警处于处分影响期内（至${cnDate(until)}），考核不得评为优秀` : '该干警受到开除处分，考核不得评为优秀',
  commendationOfficerRequired: (kind: string) => `${kind}须选择「干警」`,
  commendationUnitRequired: '十佳政法单位须选择「单位」',
  commendationCaseRequired: '十佳案件须填写「涉及案件」',
  assessmentExists: (period: string) => `该干警${period}的考核等次已评定`,
  notUnitLeader: '只有该干警所在单位的领导可以查看其档案摘要',
  fileOwnOnly: '只能查看本人的执法档案',
} as const;

export const todoLabels = {
  periodsEnding: '处分影响期即将届满',
  monthlyReportDue: (month: string) => `三个规定${cnMonth(month)}月报待报送`,
  cluesOpen: '问题线索待办理',
} as const;

export const fileTexts = {
  title: (name: string) => `${name}执法档案`,
  docNo: (year: number) => `执法档案〔${year}〕`,
  organName: (tenant: string) => `${tenant}委政法委政治部`,
  fileName: (name: string) => `${name}执法档案.docx`,
  basics: '一、基本情况',
  training: '二、教育培训',
  trainingNone: '暂无教育培训记录。',
  trainingHours: (hours: number, year: number) => `${year}年度累计培训学时：${hours}学时。`,
  sanctions: '三、组织处理和处分',
  sanctionsNone: '无。',
  commendations: '四、表彰奖励',
  commendationsNone: '无。',
  assessments: '五、考核',
  assessmentsNone: '无。',
  conduct: '六、记录报告过问干预情况（三个规定）',
  conductCount: (n: number) => `本人记录报告过问干预案件情况${n}次。`,
  clues: '七、问题线索',
  cluesNone: '无。',
  findings: '八、执法检查发现的问题',
  findingsNone: '无。',
  severities: { general: '一般问题', serious: '严重问题' },
  columns: {
    kind: '种类',
    form: '形态',
    decidedOn: '决定日期',
    until: '影响期至',
    course: '培训课程',
    heldOn: '培训日期',
    classHours: '学时',
    title: '表彰名称',
    awardedOn: '日期',
    period: '考核期',
    grade: '等次',
    source: '来源',
    receivedOn: '受理日期',
    status: '状态',
    field: '项目',
    value: '内容',
    defectType: '问题类型',
    severity: '性质',
    foundOn: '发现日期',
  },
  rows: { name: '姓名', officerNo: '警号（工号）', unit: '单位', post: '职务', rank: '职级', party: '党员', leader: '领导职务', eligible: '表彰奖励和晋升' },
  yes: '是',
  no: '否',
  eligible: '不受限制',
  ineligibleUntil: (until: string) => `处分影响期内，至${cnDate(until)}`,
  ineligiblePermanent: '受开除处分',
  permanent: '长期',
  noPeriod: '—',
} as const;

export const auditActions = {
  conductRecord: 'personnel.conduct.record',
  conductRead: 'personnel.conduct.read',
  conductReport: 'personnel.conduct.report',
  clueCreate: 'personnel.clues.create',
  clueRead: 'personnel.clues.read',
  clueStep: 'personnel.clues.step',
  clueHandler: 'personnel.clues.handler',
  clueWithdrawal: 'personnel.clues.withdrawal',
  clueTransfer: 'personnel.clues.transfer',
  sanctionDecide: 'personnel.sanctions.decide',
  sanctionRead: 'personnel.sanctions.read',
  sanctionPeriod: 'personnel.sanctions.period',
  eligibilityRead: 'personnel.sanctions.eligibility',
  statisticsRead: 'personnel.sanctions.statistics',
  statisticsKinds: 'personnel.statistics.discipline',
  accountabilityRead: 'personnel.accountability.read',
  accountabilityStep: 'personnel.accountability.step',
  commendationAward: 'personnel.commendations.award',
  assessmentRecord: 'personnel.assessments.record',
  fileRead: 'personnel.file.read',
  fileExport: 'personnel.file.export',
} as const;

export const sealingStrings = {
  needsDataKey: '数据库中存有待加密的问题线索、处分事由、“三个规定”记录或错案追究内容，但迁移没有拿到数据密钥',
} as const;
