// Every word of the petitions plugin a user sees, in Chinese. Other parts of the plugin
// append their own groups at the END of this file; keep the order.

export const channelNames = {
  letter: '来信',
  visit: '来访',
  online: '网上信访',
  phone: '电话',
  leader_mailbox: '领导信箱',
} as const;

export const categoryNames = {
  law: '涉法',
  litigation: '涉诉',
  other: '其他',
} as const;

export const outcomeNames = {
  resolved: '化解',
  stopped: '息访',
  concluded: '终结',
  written_off: '核销',
} as const;

export const matterStatusNames = {
  registered: '待转送',
  awaiting_approval: '待立项审批',
  routed: '已交办',
  accepted: '办理中',
  not_accepted: '不予受理',
  answered: '已答复',
  review_requested: '复查中',
  reviewed: '已复查',
  re_review_requested: '复核中',
  re_reviewed: '已复核',
  concluded: '已办结',
} as const;

export const visitTypeNames = {
  reception_day: '领导接访日',
  visit_down: '领导下访',
  appointment: '约访',
  return_visit: '回访',
} as const;

export const satisfactionNames = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
} as const;

export const reliefStatusNames = {
  pending: '待审批',
  approved: '已批准',
  rejected: '未批准',
  paid: '已发放',
} as const;

export const noticeKindNames = {
  acceptance: '受理告知书',
  non_acceptance: '不予受理告知书',
  extension: '延期办理告知书',
  answer: '处理意见书',
} as const;

export const personalDataStrings = {
  idNumberRequired: '请填写身份证号码',
  idNumberLength: (n: number) => `身份证号码应为18位，现为${n}位`,
  idNumberCharacters: '身份证号码前17位应为数字，最后一位为数字或X',
  idNumberBirthDate: (d: string) => `身份证号码中的出生日期${d}不存在`,
  idNumberCheckDigit: '身份证号码校验位不正确，请核对后重新填写',
  phoneRequired: '请填写联系电话',
  phoneCharacters: '联系电话只能包含数字、空格和“-”',
  mobileLength: (n: number) => `手机号码应为11位，现为${n}位`,
  mobilePrefix: '手机号码应以13至19开头',
  landline: '固定电话格式不正确，例如 0731-84123456',
  phoneUnknown: '联系电话格式不正确，请填写手机号码或带区号的固定电话',
  badIdNumber: (name: string, reason: string) => `信访人“${name}”的身份证号码有误：${reason}`,
  badPhone: (name: string, reason: string) => `信访人“${name}”的联系电话有误：${reason}`,
  accuserHidden: '（检举控告人信息依法保密）',
  materialHidden: '（检举控告材料依法保密，不向承办单位显示）',
} as const;

export const matterStrings = {
  // Registration
  petitionersRequired: '请至少登记一名信访人',
  nameRequired: '请填写信访人姓名',
  contentRequired: '请填写信访内容',
  personCountMin: '来访人次至少为1',
  badDate: '日期格式应为 年-月-日，例如 2026-03-05',
  receivedInFuture: '收件（来访）日期不能晚于今天',
  registerCommitteeOnly: '信访事项由政法委信访接待人员登记，请联系政法委',
  accusedRequired: '检举控告须填写被检举控告的单位或人员',
  unitNotFound: '所选单位不存在或已停用，请重新选择',
  linkTargetNotFound: '要关联的原信访事项不存在，或您无权查看',
  titleAccusation: (category: string, unit: string) => `检举控告（${category}）${unit ? `｜${unit}` : ''}`,
  title: (category: string, unit: string, excerpt: string) => `${category}信访${unit ? `｜${unit}` : ''}｜${excerpt}`,
  petitionerRole: '信访人',
  // Reading
  notFound: '信访事项不存在，或您无权查看',
  petitionerNotFound: '信访人不存在，或您无权查看',
  revealAccusationDenied: '检举控告人的身份信息仅限政法委具有“查看检举控告人身份”权限的人员查看',
  committeeOnly: '此操作仅限政法委工作人员',
  revealPermission: (name: string) => `您没有「${name}」权限，请联系安全管理员分配`,
  // Routing
  routeCommitteeOnly: '信访事项由政法委转送交办，请联系政法委',
  alreadyRouted: '该信访事项已经交办，不能重复转送',
  writtenOffComment: '经审核不属于涉法涉诉事项，予以核销',
  concludedAlready: '该信访事项已经结案',
  awaitingApproval: '已提交立项审批，待有“立项审批”权限的领导审批后再交办',
  awaitingAssign: '已立项，待有“交办与转办”权限的人员交办',
  cannotAdvance: (status: string) => `事项当前状态为“${status}”，您没有推进转送交办的权限`,
  // Handling
  notRouted: '该信访事项尚未交办承办单位',
  acceptanceRecorded: '已经作出受理或不予受理决定，不能重复作出',
  notAcceptedReasonRequired: '不予受理须写明理由，告知信访人',
  notAccepted: '该事项已决定不予受理',
  notAcceptedReport: (reason: string) => `不予受理：${reason}`,
  notAcceptedYet: '请先作出受理决定，再答复处理意见',
  answerRequired: '请填写处理意见',
  alreadyAnswered: '处理意见已经答复，如需改变请通过复查程序',
  notAnswered: '尚未答复处理意见，不能申请复查',
  answerBeforeAcceptance: '答复日期不能早于受理日期',
  dateBeforeReceipt: '日期不能早于收件（来访）日期',
  dateInFuture: '日期不能晚于今天',
  reviewWindowClosed: (due: string) => `申请期限已于${due}届满，依法不再受理`,
  reviewAlreadyRequested: '已经申请复查，不能重复申请',
  reviewNotRequested: '尚未申请复查',
  reviewAlreadyDecided: '复查意见已经作出',
  reReviewNeedsReview: '须先作出复查意见，才能申请复核',
  reReviewAlreadyRequested: '已经申请复核，不能重复申请',
  reReviewNotRequested: '尚未申请复核',
  reReviewAlreadyDecided: '复核意见已经作出',
  finalAfterReReview: '该信访事项已经复核，对同一事实和理由提出的信访请求不再受理',
  resultRequired: '请填写复查（复核）意见',
  clockReviewRequest: '申请复查期限',
  clockReviewDecision: '复查办理期限',
  clockReReviewRequest: '申请复核期限',
  clockReReviewDecision: '复核办理期限',
  // Outcomes
  outcomeNoteRequired: '请写明结案情况',
  writeOffPermission: '核销须经有“审批核销”权限的人员审批',
  writeOffLawRelated: '涉法涉诉信访事项不能核销；经核查确不属于涉法涉诉的，请先将类别改为“其他”',
  notReported: '承办单位尚未报送办理结果，暂不能结案',
  caseClosed: '事项已办结',
  // Updates
  categoryUnchanged: '类别没有变化',
  categoryReasonRequired: '请写明改变类别的理由',
  handlerRequired: '请填写承办责任人',
  planRequired: '请填写化解方案',
  // Relief
  reliefAmount: '救助金额应大于0，最多两位小数',
  reliefReasonRequired: '请写明救助理由',
  reliefNotFound: '救助记录不存在，或您无权查看',
  reliefDecided: '该救助申请已经审批',
  reliefNotApproved: '救助申请尚未批准，不能登记发放',
  reliefSelfApproval: '救助申请须由申请人以外的人员审批',
  reliefPaidBeforeApproval: '发放日期不能早于批准日期',
  // Documents
  accusationDocumentDenied: '检举控告事项的文书仅限政法委具有“查看检举控告人身份”权限的人员打印',
  noticeNotApplicable: (kind: string, why: string) => `现在不能出具${kind}：${why}`,
  noticeNeedsAcceptance: '尚未决定受理',
  noticeNeedsNonAcceptance: '尚未决定不予受理',
  noticeNeedsAnswer: '尚未答复处理意见',
  noticeNeedsExtension: '办理期限尚未延长，请先通过“申请延期”并经批准',
  extensionReasonRequired: '请写明告知信访人的延期理由',
} as const;

export const documentTexts = {
  organName: (tenant: string) => `中共${tenant}委政法委员会`,
  registrationTitle: '信访事项登记表',
  acceptanceTitle: '信访事项受理告知书',
  nonAcceptanceTitle: '信访事项不予受理告知书',
  extensionTitle: '信访事项延期办理告知书',
  answerTitle: '信访事项处理意见书',
  queryCodeLine: (code: string) => `查询码：${code}（可凭查询码和联系电话后四位在网上查询办理进度）`,
  field: '项目',
  value: '内容',
  rows: {
    docNo: '登记编号',
    receivedOn: '收件（来访）日期',
    channel: '信访方式',
    personCount: '人次',
    collective: '集体访',
    category: '类别',
    involved: '涉及单位',
    accused: '被检举控告单位（人员）',
    petitioners: '信访人',
    content: '信访内容',
    demands: '信访诉求',
    officer: '接待人（首接责任人）',
    repeat: '重复信访次数',
  },
  yes: '是',
  no: '否',
  petitionerLine: (name: string, id: string, phone: string, address: string) =>
    [name, id && `身份证号码 ${id}`, phone && `电话 ${phone}`, address && `住址 ${address}`].filter(Boolean).join('，'),
  salutation: (name: string) => name,
  acceptanceBody: (received: string, docNo: string, unit: string, due: string) =>
    `你（你们）于${received}提出的信访事项（登记编号${docNo}）已收悉。经审查，该事项属于${unit}职责范围，依据《信访工作条例》的规定，决定予以受理，并将在受理之日起60日内办结；情况复杂的，经批准可适当延长办理期限，延长期限不超过30日，并告知你（你们）延期理由。预计办结日期为${due}。`,
  nonAcceptanceBody: (received: string, docNo: string, reason: string) =>
    `你（你们）于${received}提出的信访事项（登记编号${docNo}）已收悉。经审查，决定不予受理，理由如下：${reason}`,
  nonAcceptanceRights: '如对本决定有异议，可以依法通过其他途径主张权利。',
  extensionBody: (received: string, docNo: string, reason: string, due: string) =>
    `你（你们）于${received}提出的信访事项（登记编号${docNo}），因${reason}，经批准，办理期限延长，延长后的办结日期为${due}。`,
  answerBody: (received: string, docNo: string) => `你（你们）于${received}提出的信访事项（登记编号${docNo}），经调查核实，处理意见如下：`,
  answerRights: (due: string) =>
    `如对本处理意见不服，可以自收到本意见书之日起30日内（即${due}前），请求原办理机关的上一级机关复查；收到复查请求的机关应当自收到复查请求之日起30日内提出复查意见。对复查意见不服的，可以自收到复查意见之日起30日内，向复查机关的上一级机关请求复核；收到复核请求的机关应当自收到复核请求之日起30日内提出复核意见。复核意见为最终意见，信访人对复核意见不服，仍以同一事实和理由提出信访请求的，不再受理。`,
  reviewResult: (text: string) => `复查意见：${text}`,
  reReviewResult: (text: string) => `复核意见：${text}`,
  fileName: (title: string, docNo: string) => `${title}-${docNo}.docx`,
} as const;

export const lookupStrings = {
  badCode: '查询码格式不正确，请核对告知书上的查询码',
  badSuffix: '请填写联系电话的后四位数字',
  notMatched: '查询码或电话后四位不正确，请核对后重试',
  tooManyForCode: '该查询码的错误尝试次数过多，请15分钟后再试',
  tooManyForIp: '查询过于频繁，请15分钟后再试',
  notConcluded: '事项办结后才能评价',
  alreadyRated: '您已经评价过该事项，感谢您的反馈',
  ratingRange: '评价为1至5分',
  commentTooLong: '评价意见最多500字',
} as const;

export const fourVisitStrings = {
  badMonth: '月份格式应为 年-月，例如 2026-03',
  leaderRequired: '请填写接访（下访、约访、回访）的领导或人员',
  notFound: '该接访安排不存在，或您无权查看',
  satisfactionOnlyReturnVisit: '只有回访才记录信访人满意度',
  satisfactionRequired: '回访须记录信访人的满意度',
  matterNotFound: '关联的信访事项不存在，或您无权查看',
  alreadyHeld: '该接访已经记录完成',
  listCommitteeOnly: '领导接访日程由政法委安排和查看',
} as const;

// ---- statistics and imports (owned by the statistics/imports helper; keep at the END) ----
export const statisticsStrings = {
  badDate: '日期格式应为 YYYY-MM-DD（年-月-日），例如 2024-03-05',
  fromAfterTo: '开始日期不能晚于结束日期',
  periodTooLong: '统计区间不能超过 10 年',
  badYear: '年份应在 1990 至 2100 之间',
  badMonth: '月份应为 1 至 12',
  channels: { letter: '来信', visit: '来访', online: '网上', phone: '电话', leader_mailbox: '领导信箱' },
  categories: categoryNames,
  outcomes: outcomeNames,
  noUnit: '未填写',
  yes: '是',
  no: '否',
  empty: '—',
  accusationHidden: '（检举控告，依法保密）',
  ledger: {
    sheetName: '信访台账',
    /** The printed title: the county's name, then this; the month is the period below it. */
    title: '信访台账',
    fileName: (year: number, month: number) => `信访台账-${year}年${String(month).padStart(2, '0')}月.xlsx`,
    columns: {
      receivedOn: '日期',
      channel: '渠道',
      personCount: '人数',
      collective: '集体访',
      repeat: '重复访',
      petitioners: '信访人',
      unit: '涉及单位',
      category: '类别',
      content: '信访内容',
      outcome: '办理结果',
    },
  },
  annual: {
    sheetName: '年度统计',
    /** The printed title: the county's name, then this; the year is the period below it. */
    title: '信访工作统计表',
    fileName: (year: number) => `信访年度统计-${year}年.xlsx`,
    total: '合计',
    columns: { item: '项目', matters: '件', personVisits: '人次', yoy: '同比（件）', resolutionRate: '化解率', stopRate: '息访率' },
    note:
      '说明：件为统计期内有来信来访记录的信访事项数（同一事项多次来访只计一件）；人次为统计期内各次来信来访人数之和；' +
      '同比为件数与上年同期相比的增减百分比；化解率为统计期内新受理事项（不含核销）中截至期末已化解、息访或终结的比例；' +
      '息访率为其中已有结果的事项中息访的比例。按渠道统计时，同一事项以不同渠道来访的分别计入。',
  },
} as const;

export const importStrings = {
  fileNameXlsx: '请上传 .xlsx 格式的 Excel 文件（旧版 .xls 请先在 Excel 中另存为 .xlsx）',
  fileEmpty: '文件为空，请重新选择',
  fileTooLarge: '文件过大，单次导入不超过 10 MB，请分批导入',
  fileUnreadable: '无法读取该文件，请确认是 Excel（.xlsx）文件且未加密',
  noSheet: '文件中没有工作表',
  noHeader: (missing: string[]) => `在前 10 行中没有找到表头，缺少列：${missing.join('、')}；请检查列名或调整列对应关系`,
  tooManyRows: (max: number) => `单次导入不超过 ${max} 行，请拆分文件后分批导入`,
  noRows: '表头下方没有数据行',
  headerRequired: '列名不能为空',
  importNotFound: '导入记录不存在，请重新上传文件进行检查',
  fileChanged: '文件与检查时的文件不一致，请重新上传并检查',
  templateFileName: '信访台账导入模板.xlsx',
  templateSheet: '信访台账',
  guideSheet: '填写说明',
  guide: [
    ['列名', '是否必填', '填写说明'],
    ['日期', '必填', '来信来访日期，例如 2023-03-05、2023/3/5 或 2023年3月5日'],
    ['渠道', '必填', '来信、来访、网上、电话、领导信箱 之一'],
    ['人数', '选填', '本次来信来访的人数，正整数，不填按 1 人计；5 人及以上为集体访'],
    ['姓名', '必填', '信访人姓名；多人来访填写代表人姓名'],
    ['身份证号', '选填', '18 位公民身份号码，末位可为 X'],
    ['电话', '选填', '手机号码或带区号的固定电话'],
    ['住址', '选填', ''],
    ['涉及单位', '选填', '与系统组织机构中的单位名称完全一致'],
    ['类别', '必填', '涉法、涉诉、其他 之一'],
    ['内容', '必填', '信访事项内容'],
    ['诉求', '选填', '信访人的诉求'],
  ] as string[][],
  fields: {
    receivedOn: '日期',
    channel: '渠道',
    personCount: '人数',
    name: '姓名',
    idNumber: '身份证号',
    phone: '电话',
    address: '住址',
    involvedOrg: '涉及单位',
    category: '类别',
    content: '内容',
    demands: '诉求',
  },
  row: {
    dateMissing: '日期为空',
    dateFormat: (v: string) => `日期格式错误：「${v}」，应为 2023-03-05、2023/3/5 或 2023年3月5日`,
    dateFuture: (v: string) => `日期「${v}」晚于今天`,
    channelMissing: '渠道为空',
    channelUnknown: (v: string) => `渠道无法识别：「${v}」，应为来信、来访、网上、电话或领导信箱`,
    personCount: (v: string) => `人数应为正整数，现为「${v}」`,
    nameMissing: '姓名为空',
    nameTooLong: '姓名超过 50 个字',
    idNumber: (reason: string) => `身份证号错误：${reason}`,
    phone: (reason: string) => `电话错误：${reason}`,
    unitUnknown: (v: string) => `涉及单位「${v}」不存在`,
    unitAmbiguous: (v: string) => `涉及单位「${v}」有多个同名单位，请改用全称或在系统中区分`,
    categoryMissing: '类别为空',
    categoryUnknown: (v: string) => `类别无法识别：「${v}」，应为涉法、涉诉或其他`,
    contentMissing: '内容为空',
    contentTooLong: '内容超过 10000 个字',
    demandsTooLong: '诉求超过 5000 个字',
    addressTooLong: '住址超过 200 个字',
    sameAs: (row: number) => `与第 ${row} 行内容相同，只导入一次`,
    alreadyImported: '此前已导入，不再重复导入',
  },
} as const;
