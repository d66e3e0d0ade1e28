// Every user-facing word of the plugin's server entry, in Chinese.
export const strings = {
  name: '联合调处中心',
  description: '调解组织与调解员名册、矛盾纠纷无差别受理（一案一码）、按工作日期限分流',
  permissions: {
    read: '查看矛盾纠纷',
    intake: '受理登记矛盾纠纷',
    triage: '分流矛盾纠纷',
    roster: '管理调解组织、调解员、派驻人员与值班表',
    settings: '设置联合调处中心',
    stats: '查看联合调处统计',
    outcomes: '记录调解结果、司法确认与履行回访',
    mediate: '受理调解、指派调解员、记录调解会',
    escalate: '重大矛盾纠纷升级督办',
    reveal: '查看和打印矛盾纠纷当事人完整个人信息',
  },
  /** The kernel case a high-risk dispute is escalated to. */
  caseKindName: '矛盾纠纷',
  caseTitle: (disputeType: string, code: string) => `重大矛盾纠纷：${disputeType}（${code}）`,
  obligationCaseTitle: (code: string, position: number) => `调解协议未履行：${code} 第 ${position} 项履行义务`,
  obligationCaseSummary: (summary: string, position: number, content: string) => `调解协议第 ${position} 项履行义务（${content}）经回访未履行到位。纠纷情况：${summary}`,
  partyRoles: { applicant: '申请人', respondent: '被申请人', other: '其他当事人' },
} as const;

/** Field names, as the messages naming a field show them. */
export const fieldNames = {
  orgId: '调解组织',
  orgKind: '组织类别',
  orgName: '组织名称',
  department: '所属部门',
  active: '是否在册',
  version: '版本号',
  mediatorId: '调解员',
  mediatorName: '调解员姓名',
  specialities: '擅长领域',
  speciality: '擅长领域',
  source: '来源',
  receivedOn: '受理日期',
  summary: '纠纷简要情况',
  disputeType: '纠纷类型',
  amount: '涉及金额（元）',
  personCount: '涉及人数',
  riskLevel: '风险等级',
  consent: '当事人同意调解',
  referenceNo: '移交来文编号',
  parties: '当事人',
  partyKind: '当事人类别',
  partyName: '当事人姓名（名称）',
  partyRole: '当事人地位',
  idNumber: '身份证号码',
  phone: '联系电话',
  address: '住址',
  clientKey: '提交标识',
  disputeId: '纠纷',
  route: '分流去向',
  reason: '理由',
  triageDays: '分流期限（工作日）',
  disputeTypes: '纠纷类型清单',
  typeName: '纠纷类型名称',
  status: '状态',
  search: '关键词',
  overdue: '仅看超期',
  handoffId: '移交记录',
  receivedBy: '签收人',
  code: '纠纷编号',
  phoneLast4: '联系电话后四位',
  rating: '评价',
  ratingComment: '评价意见',
  from: '开始日期',
  to: '截止日期',
  year: '年度',
  mediationDays: '调解期限（日）',
  mediationDue: '调解期限',
  acceptedOn: '受理调解日期',
  consents: '当事人同意调解',
  partyId: '当事人',
  consentedOn: '同意日期',
  withdrawnOn: '撤回（拒绝）日期',
  withdrawalReason: '撤回（拒绝）理由',
  mediatorIds: '调解员',
  assignmentId: '指派的调解员',
  conflictKind: '回避事由类别',
  conflictDetail: '回避事由',
  declaredOn: '申报日期',
  replacementId: '更换后的调解员',
  heldOn: '调解日期',
  place: '调解地点',
  partiesPresent: '到场当事人',
  mediatorsPresent: '到场调解员',
  record: '调解笔录',
  extensionReason: '延长理由',
  agreedOn: '当事人同意延长日期',
  newDueOn: '延长后的期限',
  extensionDays: '延长天数',
  urgency: '紧急程度',
  leadLeader: '包案领导',
  handlerName: '承办责任人',
  handlerPhone: '承办责任人电话',
  resolutionPlan: '化解方案',
  deadline: '处理期限',
  leadUnit: '承办单位',
  cooperatingUnits: '协办单位',
  flagReason: '列为重大纠纷的理由',
} as const;

export const conflictKindNames = {
  party: '与当事人有利害关系（亲属或其他关系）',
  unit: '与涉事单位有利害关系',
} as const;

export const decisionNames = {
  consent: '同意调解',
  refuse: '拒绝调解',
  withdraw: '撤回调解',
} as const;

export const orgKindNames = {
  village: '村（居）人民调解委员会',
  township: '乡镇（街道）人民调解委员会',
  professional: '行业性专业性人民调解委员会',
  court_invited: '法院特邀调解组织',
  administrative: '行政调解（部门）',
} as const;

export const sourceNames = {
  walk_in: '来访（中心窗口）',
  petition: '信访转入（访调对接）',
  police: '公安移交（警调对接）',
  court: '法院诉前委派（诉调对接）',
  grassroots: '乡镇、村（居）排查上报',
  phone: '来电',
  online: '网上受理',
} as const;

export const riskNames = { low: '一般', medium: '较大', high: '重大' } as const;

export const routeNames = {
  mediate: '本中心人民调解',
  administrative: '行政调解',
  arbitration: '引导仲裁',
  litigation: '引导诉讼',
  petitions: '退回信访部门',
  decline: '不予受理',
} as const;

export const statusNames = {
  registered: '待分流',
  mediating: '调解中',
  handed_off: '已移交',
  guided: '已引导',
  returned: '已退回信访部门',
  declined: '不予受理',
  withdrawn: '当事人撤回',
  escalated: '已升级督办',
  terminated: '调解终止',
  agreed: '已达成协议',
  closed: '已结案',
} as const;

/** The county's list of dispute types until its administrator edits it (issue 31). */
export const defaultDisputeTypes = [
  '婚姻家庭',
  '邻里纠纷',
  '土地山林、坟山',
  '劳动争议、欠薪',
  '医疗纠纷',
  '交通事故',
  '物业纠纷',
  '合同、债务',
  '征地拆迁',
  '企业改制、破产',
  '其他',
] as const;

export const messages = {
  orgNotFound: '「调解组织」不存在或已撤销，请重新选择',
  orgNameTaken: (name: string) => `「组织名称」已被本县的调解组织“${name}”使用，请换一个名称`,
  departmentRequired: '行政调解须填写「所属部门」',
  mediatorNotFound: '「调解员」不存在，请重新选择',
  versionConflict: '该记录已被他人修改，请刷新后重试',
  disputeNotFound: '「纠纷」不存在，请重新选择',
  partyNameRequired: (i: number) => `第 ${i} 位当事人未填写「当事人姓名（名称）」`,
  badIdNumber: (i: number) => `第 ${i} 位当事人的「身份证号码」应为 18 位，末位可为 X`,
  badPhone: (i: number) => `第 ${i} 位当事人的「联系电话」格式不正确`,
  idNumberForOrganisation: (i: number) => `第 ${i} 位当事人是单位，不填「身份证号码」`,
  amountNegative: '「涉及金额（元）」不能小于 0',
  amountTooPrecise: '「涉及金额（元）」最多保留两位小数',
  unknownType: (name: string) => `「纠纷类型」“${name}”不在本县的纠纷类型清单中`,
  consentRequired: '信访转入的纠纷须经信访人同意，请勾选「当事人同意调解」',
  receivedInFuture: '「受理日期」不能晚于今天',
  alreadyTriaged: (status: string) => `该纠纷已分流（${status}），不能再次分流`,
  committeeRequired: '选择本中心人民调解时，须选择「调解组织」（人民调解委员会）',
  notPeoplesCommittee: '「调解组织」须为人民调解委员会或法院特邀调解组织',
  departmentOrgRequired: '行政调解须选择「调解组织」中的行政调解部门',
  notAdministrative: '「调解组织」须为行政调解部门',
  reasonRequired: '不予受理或退回信访部门时，须填写「理由」',
  typesEmpty: '「纠纷类型清单」至少保留一项',
  typesDuplicate: (name: string) => `「纠纷类型清单」中“${name}”重复`,
  handoffNotFound: '「移交记录」不存在，请重新选择',
  alreadyAcknowledged: '该移交已签收，不能重复签收',
  idempotencyMismatch: '「提交标识」已用于另一件纠纷，请刷新页面后重新提交',
  notInMediation: (status: string) => `该纠纷当前为“${status}”，不在调解中`,
  alreadyAccepted: (on: string) => `该纠纷已于 ${on} 受理调解，不能重复受理`,
  notAccepted: '该纠纷尚未受理调解（须各方当事人同意），请先受理',
  partyNotOfDispute: '「当事人」不是该纠纷的当事人，请重新选择',
  consentMissing: (name: string) => `当事人“${name}”尚未同意调解，不能受理；当事人拒绝调解的，请登记「撤回（拒绝）理由」`,
  consentTwice: (name: string) => `「当事人同意调解」中当事人“${name}”重复`,
  acceptedInFuture: '「受理调解日期」不能晚于今天',
  acceptedBeforeReceipt: (on: string) => `「受理调解日期」不能早于纠纷的受理登记日期 ${on}`,
  consentAfterAcceptance: (name: string) => `当事人“${name}”的「同意日期」不能晚于「受理调解日期」`,
  consentBeforeReceipt: (name: string, on: string) => `当事人“${name}”的「同意日期」不能早于纠纷的受理登记日期 ${on}`,
  withdrawnBeforeAcceptance: (on: string) => `「撤回（拒绝）日期」不能早于受理调解日期 ${on}`,
  withdrawnBeforeReceipt: (on: string) => `「撤回（拒绝）日期」不能早于纠纷的受理登记日期 ${on}`,
  withdrawnInFuture: '「撤回（拒绝）日期」不能晚于今天',
  mediatorInactive: (name: string) => `「调解员」“${name}”已不在册，请重新选择`,
  mediatorOfOtherOrg: (name: string, org: string) => `「调解员」“${name}”不属于承办的调解组织“${org}”`,
  mediatorSameNameAsParty: (name: string) => `「调解员」“${name}”与当事人同名，应当回避，请另选调解员`,
  mediatorAlreadyAssigned: (name: string) => `「调解员」“${name}”已指派到该纠纷`,
  mediatorTwice: (name: string) => `「调解员」中“${name}”重复`,
  assignmentNotFound: '「指派的调解员」不在该纠纷的调解员中，请重新选择',
  conflictAlreadyDeclared: (name: string) => `调解员“${name}”已申报回避事由，请更换调解员`,
  conflictDeclaredInFuture: '「申报日期」不能晚于今天',
  noConflictToReplace: (name: string) => `调解员“${name}”未申报回避事由，无须更换`,
  conflictedMediator: (name: string) => `调解员“${name}”已申报回避事由，须先更换调解员，才能召开调解会`,
  heldInFuture: '「调解日期」不能晚于今天',
  heldBeforeAcceptance: (on: string) => `「调解日期」不能早于受理调解日期 ${on}`,
  mediatorNotPresentable: '「到场调解员」须为该纠纷现任的调解员',
  noMediatorAssigned: '该纠纷尚未指派调解员，请先指派「调解员」',
  extensionEitherDateOrDays: '请填写「延长后的期限」或「延长天数」其中一项',
  extensionNotLater: (due: string) => `「延长后的期限」须晚于现在的调解期限 ${due}`,
  agreedInFuture: '「当事人同意延长日期」不能晚于今天',
  agreedBeforeAcceptance: (on: string) => `「当事人同意延长日期」不能早于受理调解日期 ${on}`,
  extensionTooFar: (max: string) => `「延长后的期限」不能晚于 ${max}`,
  notHighRisk: '该纠纷风险等级不是“重大”、涉及人数不足 5 人，升级督办须填写「列为重大纠纷的理由」',
  reasonRequiredForWithdrawal: '请填写「撤回（拒绝）理由」',
} as const;

export const lookupStrings = {
  badCode: '「纠纷编号」格式不正确，应如 调2026-000123，请核对受理回执',
  badSuffix: '「联系电话后四位」应为 4 位数字',
  notMatched: '「纠纷编号」或「联系电话后四位」不正确，请核对后重试',
  tooManyForCode: '该「纠纷编号」的错误尝试次数过多，请15分钟后再试',
  tooManyForIp: '查询过于频繁，请15分钟后再试',
  notEnded: '调解结束（达成协议、终止调解或结案）后才能评价',
  alreadyRated: '您已经评价过这次调解，感谢您的反馈',
  ratingRange: '「评价」为1至5分',
  commentTooLong: '「评价意见」最多500字',
} as const;

export const statisticsStrings = {
  fromAfterTo: '「开始日期」不能晚于「截止日期」',
  periodTooLong: '「开始日期」至「截止日期」最长十年',
  badYear: '「年度」应为 1990 至 2100 年之间的整数',
  empty: '—',
  total: '合计',
  unassignedOrg: '未指定调解组织',
  untriaged: '待分流',
  unknownOrg: '（已删除的组织）',
  mediatorLabel: (name: string, org: string) => `${name}（${org}）`,
  annual: {
    sheetName: '年度统计',
    title: '矛盾纠纷调处年度统计表',
    fileName: (year: number) => `矛盾纠纷调处年度统计表-${year}年.xlsx`,
    groups: { source: '按来源', type: '按纠纷类型', organisation: '按调解组织', mediator: '按调解员', route: '分流去向', confirmation: '司法确认与履行' },
    confirmationsApplied: '申请司法确认（件）',
    confirmationsConfirmed: '法院裁定确认（件）',
    obligationsDue: '到期履行义务（项）',
    obligationsPerformed: '经回访已全部履行（项）',
    performanceRate: '履行率',
    columns: {
      item: '项目',
      disputes: '受理（件）',
      persons: '涉及人次',
      yoy: '同比（件）',
      settled: '调解成功',
      notSettled: '调解不成',
      successRate: '调解成功率',
    },
    note:
      '说明：件：期间受理的纠纷数；人次：这些纠纷涉及人数之和；分流去向按受理日期统计。调解成功、调解不成按调解结束的日期统计（不论何时受理）：调解成功以协议日期计（口头或书面协议，回访结案不另计）；调解不成以终止调解日期或当事人拒绝、撤回调解的日期计。调解成功率 = 调解成功 ÷（调解成功 + 调解不成），保留一位小数。同比：与上年同期受理件数相比。按调解组织：分流时指定的调解组织；按调解员：承办该纠纷且未回避更换的调解员，一件纠纷有两名调解员的分别计入。司法确认：期间内申请的件数和法院裁定确认的件数。履行率 = 期间内到期的履行义务中经回访已全部履行的项数 ÷ 到期项数。',
  },
} as const;

export const staffFieldNames = {
  name: '派驻人员姓名',
  unit: '派驻单位',
  post: '岗位',
  secondedFrom: '派驻起始日期',
  secondedTo: '派驻截止日期',
  active: '是否在岗',
  staffId: '派驻人员',
  staffIds: '值班人员',
  dutyOn: '值班日期',
  version: '版本号',
  from: '开始日期',
  to: '截止日期',
} as const;

export const staffMessages = {
  staffNotFound: '「派驻人员」不存在，请重新选择',
  toBeforeFrom: '「派驻截止日期」不能早于「派驻起始日期」',
  notSeconded: (name: string, day: string) => `「值班人员」${name}在 ${day} 不在派驻期内或已不在岗`,
  dutyDuplicate: '「值班人员」中有人重复',
  fromAfterTo: '「开始日期」不能晚于「截止日期」',
  periodTooLong: '「开始日期」至「截止日期」最长 62 天',
} as const;

export const referralStrings = {
  /** The dispute type a referral starts with when the county's list has it (else the list's last). */
  otherType: '其他',
  registeredBy: '信访部门转入',
} as const;

export const auditLabels = {
  party: '当事人',
  reveal: '查看当事人完整个人信息',
} as const;

export const todoLabels = {
  triage: '待分流矛盾纠纷',
  triageOverdue: '分流超期矛盾纠纷',
  mediationDueSoon: '3 日内到期的调解',
  mediationOverdue: '调解超期矛盾纠纷',
} as const;

// ---------------------------------------------------------------------------------------
// Outcomes: the agreement or the termination, judicial confirmation, the follow-up, documents.

export const outcomeFieldNames = {
  form: '协议形式',
  agreedOn: '协议日期',
  terms: '协议内容',
  obligations: '履行义务',
  obligor: '义务人',
  obligationContent: '履行内容',
  obligationAmount: '金额（元）',
  dueOn: '履行期限',
  signatures: '签名记录',
  signedParty: '签名当事人',
  signedOn: '签名日期',
  terminatedOn: '终止日期',
  terminationReason: '终止调解理由',
  openRoutes: '告知的其他解决途径',
  appliedOn: '申请日期',
  court: '受理法院',
  ruling: '裁定结果',
  ruledOn: '裁定日期',
  rulingNo: '裁定书文号',
  obligationId: '履行义务',
  visitedOn: '回访日期',
  visitMethod: '回访方式',
  visitor: '回访人',
  performance: '履行情况',
  visitNote: '回访情况记录',
  documentKind: '文书种类',
  sessionSeq: '调解次序',
  due: '到期事项',
  reveal: '显示完整身份信息',
} as const;

export const agreementFormNames = { written: '书面调解协议', oral: '口头调解协议' } as const;

export const openRouteNames = {
  arbitration: '依法申请仲裁',
  labour_arbitration: '向劳动人事争议仲裁委员会申请仲裁',
  litigation: '依法向人民法院提起诉讼',
  administrative: '依法申请有关行政机关处理（行政裁决、行政复议等）',
} as const;

export const rulingNames = { confirmed: '裁定确认调解协议有效', rejected: '裁定驳回申请' } as const;

export const confirmationStateNames = {
  not_applicable: '口头协议，不申请司法确认',
  open: '可申请司法确认',
  lapsed: '已超过申请期限',
  applied: '已申请，待法院裁定',
  confirmed: '法院已确认',
  rejected: '法院已驳回',
} as const;

export const visitMethodNames = { visit: '上门回访', phone: '电话回访', interview: '约谈回访', other: '其他方式' } as const;

export const performanceNames = { pending: '待回访', full: '已全部履行', partial: '部分履行', none: '未履行' } as const;

/** What a party may do about an obligation not performed. */
export const remedyNames = {
  enforcement: '经司法确认的调解协议，一方拒绝履行或未全部履行的，对方当事人可以向作出确认裁定的人民法院申请强制执行',
  litigation: '当事人之间就调解协议的履行发生争议的，一方当事人可以向人民法院提起诉讼',
} as const;

export const outcomeMessages = {
  notMediating: (status: string) => `该「纠纷」当前状态为“${status}”，只有调解中的纠纷才能记录调解结果`,
  notAgreed: (status: string) => `该「纠纷」当前状态为“${status}”，只有已达成协议的纠纷才能办理此项`,
  agreedBeforeReceived: (receivedOn: string) => `「协议日期」不能早于受理日期（${receivedOn}）`,
  dueBeforeAgreement: (i: number, agreedOn: string) => `第 ${i} 项履行义务的「履行期限」不能早于协议日期（${agreedOn}）`,
  obligorUnknown: (i: number) => `第 ${i} 项履行义务的「义务人」不是本纠纷的当事人`,
  amountTooPrecise: (i: number) => `第 ${i} 项履行义务的「金额（元）」最多保留两位小数`,
  signaturesForOral: '口头调解协议不记录「签名记录」',
  signatureUnknown: (i: number) => `第 ${i} 条「签名记录」的当事人不是本纠纷的当事人`,
  signatureDuplicate: (name: string) => `「签名记录」中当事人“${name}”重复`,
  signaturesMissing: (names: string) => `书面调解协议须由全部当事人签名，「签名记录」缺少：${names}`,
  signedBeforeAgreement: (i: number, agreedOn: string) => `第 ${i} 条「签名记录」的「签名日期」不能早于协议日期（${agreedOn}）`,
  terminatedBeforeReceived: (receivedOn: string) => `「终止日期」不能早于受理日期（${receivedOn}）`,
  routesDuplicate: '「告知的其他解决途径」有重复项',
  oralNoConfirmation: '口头调解协议不能申请司法确认（「协议形式」须为书面调解协议）',
  appliedBeforeEffective: (effectiveOn: string) => `「申请日期」不能早于调解协议生效日期（${effectiveOn}）`,
  appliedLate: (dueOn: string) => `「申请日期」已超过司法确认的申请期限（${dueOn}）`,
  alreadyApplied: '该调解协议已登记司法确认申请，「申请日期」不能重复登记',
  notApplied: '尚未登记司法确认申请，不能登记「裁定结果」',
  alreadyRuled: '法院已作出裁定，「裁定结果」不能重复登记',
  ruledBeforeApplied: (appliedOn: string) => `「裁定日期」不能早于申请日期（${appliedOn}）`,
  obligationNotFound: '「履行义务」不存在，请重新选择',
  visitedBeforeAgreement: (agreedOn: string) => `「回访日期」不能早于协议日期（${agreedOn}）`,
  notAllPerformed: (positions: string) => `第 ${positions} 项「履行义务」尚未回访确认全部履行，不能结案`,
  noFollowUp: '尚未记录履行回访（「回访日期」），不能结案',
  documentNotApplicable: (title: string, why: string) => `「文书种类」${title}：${why}`,
  needsAgreement: '该纠纷尚未达成调解协议',
  needsWrittenAgreement: '口头调解协议不制作该文书',
  needsTermination: '该纠纷未终止调解',
  courtRequired: '尚未登记司法确认申请，请填写「受理法院」',
  sessionRequired: '制作调解笔录请选择「调解次序」',
  obligationNotUnperformed: (position: number) => `第 ${position} 项「履行义务」尚未经回访确认未履行或部分履行，不能升级督办`,
  obligationAlreadyEscalated: (position: number, docNo: string) => `第 ${position} 项「履行义务」已升级督办（${docNo}）`,
  sessionNotFound: (seq: number) => `「调解次序」第 ${seq} 次调解不存在`,
} as const;

export const outcomeTodoLabels = {
  confirmationDue: '7日内届满的司法确认申请期限',
  confirmationOverdue: '已超过司法确认申请期限',
  followUp: '到期待履行回访的调解协议',
} as const;

/** The texts of the documents (docx). */
export const documentTexts = {
  centerName: (tenant: string) => `${tenant}矛盾纠纷联合调处中心`,
  registrationTitle: '矛盾纠纷受理登记表',
  agreementTitle: '人民调解协议书',
  terminationTitle: '终止调解告知书',
  applicationTitle: '司法确认申请书',
  followUpTitle: '调解协议履行回访记录',
  sessionRecordTitle: '调解笔录',
  sessionRows: {
    code: '纠纷编号',
    seq: '调解次序',
    heldOn: '调解时间',
    place: '调解地点',
    mediators: '到场调解员',
    parties: '到场当事人',
    recordedBy: '记录人',
  },
  sessionSeq: (seq: number) => `第 ${seq} 次调解`,
  partiesHeading: '当事人基本情况',
  recordHeading: '调解经过',
  recordCheck: '以上笔录已向当事人宣读（或交其阅读），经核对无误。',
  partiesSignature: '当事人（签名）：',
  recorderSignature: '记录人（签名）：',
  field: '项目',
  value: '内容',
  rows: {
    code: '纠纷编号',
    receivedOn: '受理日期',
    source: '来源',
    referenceNo: '移交来文编号',
    disputeType: '纠纷类型',
    amount: '涉及金额（元）',
    personCount: '涉及人数',
    riskLevel: '风险等级',
    parties: '当事人',
    summary: '纠纷简要情况',
    registeredBy: '登记人',
    route: '分流去向',
    status: '办理状态',
  },
  roleNames: { applicant: '申请人', respondent: '被申请人', other: '其他当事人' },
  partyLine: (role: string, name: string, id: string, phone: string, address: string) =>
    [`${role}：${name}`, id && `身份证号码 ${id}`, phone && `联系电话 ${phone}`, address && `住址 ${address}`].filter(Boolean).join('，'),
  disputeHeading: '纠纷简要情况',
  termsHeading: '经调解，自愿达成如下协议',
  obligationsHeading: '履行方式、时限',
  obligationLine: (obligor: string, content: string, amount: string | null, due: string) =>
    `${obligor}于${due}前${content}${amount ? `（金额${amount}元）` : ''}。`,
  effectHeading: '协议的效力',
  effect: (copies: number) =>
    `本协议自各方当事人签名、人民调解员签名并加盖人民调解委员会印章之日起生效。本协议一式${copies}份，当事人各执一份，人民调解委员会留存一份。经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。`,
  confirmationRight: '双方当事人认为有必要的，可以自调解协议生效之日起30日内共同向人民法院申请司法确认。',
  signatureColumns: ['当事人', '签名', '签名日期'],
  mediatorSignature: '人民调解员（签名）：',
  noFee: '人民调解不收取任何费用。',
  terminationBody: (type: string, code: string, reason: string) =>
    `你（你们）之间的矛盾纠纷（${type}，纠纷编号${code}），经本委员会调解，因${reason.replace(/[。.]$/, '')}，未能达成调解协议。依据《中华人民共和国人民调解法》第二十六条的规定，本委员会决定终止调解。`,
  terminationRoutes: '你（你们）可以依法通过下列途径维护自己的权利：',
  terminationClose: '特此告知。',
  applicants: '申请人',
  requestHeading: '请求事项',
  request: (agreedOn: string, org: string, code: string) =>
    `请求人民法院确认申请人于${agreedOn}经${org}主持调解达成的调解协议（纠纷编号${code}）有效。`,
  factsHeading: '事实和理由',
  facts: (effectiveOn: string) =>
    `申请人之间的纠纷经人民调解委员会调解，自愿达成调解协议，该协议已于${effectiveOn}生效。协议内容不违反法律、行政法规的强制性规定，不损害国家利益、社会公共利益和他人合法权益。申请人共同向你院申请司法确认，并保证提交的材料真实、合法，如有虚假，愿承担相应的法律责任。`,
  attachment: '人民调解协议书',
  applicantSignature: '申请人（签名）：',
  obligationColumns: ['序号', '义务人', '履行内容', '金额（元）', '履行期限', '履行情况'],
  visitColumns: ['回访日期', '回访方式', '回访人', '履行事项', '履行情况', '情况记录'],
  wholeAgreement: '协议整体',
  visitsHeading: '回访情况',
  obligationsTableHeading: '履行义务',
  noVisits: '尚未回访。',
  fileName: (title: string, code: string) => `${title}-${code}.docx`,
  sessionFileName: (title: string, code: string, seq: number) => `${title}-${code}-第${seq}次.docx`,
} as const;
