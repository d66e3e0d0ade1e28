// Every user-facing word of the kernel, in one place.
export const orgKindNames = {
  committee: '政法委',
  police: '公安局',
  procuratorate: '检察院',
  court: '法院',
  justice: '司法局',
  township: '乡镇',
  village: '村（居）委会',
  department: '内设机构',
  other: '其他单位',
} as const;

export const orgLevelNames = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇级',
  village: '村级',
} as const;

export const kernelStrings = {
  auth: {
    // The same words whether or not the user name is an account (auth/sign-in.ts).
    wrongCredentials: (maxFailures: number, minutes: number) => `用户名或密码错误。连续输错 ${maxFailures} 次，账号将被锁定 ${minutes} 分钟`,
    locked: (until: string) => `账号因多次密码错误已被锁定，请于 ${until} 后再试，或联系安全管理员解锁`,
    lockedNow: (minutes: number) => `密码连续错误次数过多，账号已被锁定 ${minutes} 分钟`,
    addressThrottled: (until: string) => `本机所在网络登录失败次数过多，请于 ${until} 后再试`,
    disabled: '账号已停用，请联系系统管理员',
    unknownTenant: '请选择所在县（区）',
    wrongCurrentPassword: '当前密码不正确',
    samePassword: '新密码不能与当前密码相同',
    mustChangePassword: '请先修改初始密码后再进行其他操作',
  },
  password: {
    tooShort: (min: number) => `密码至少需要 ${min} 位`,
    tooLong: '密码不能超过 64 位',
    classes: '密码需同时包含大写字母、小写字母、数字、特殊字符中的至少三类',
    containsUsername: '密码不能包含用户名',
    published: '不能使用公开的演示密码，请另设一个',
    containsCounty: '密码不能包含所在县（区）的名称或行政区划代码',
    guessable: (reason: string) => `密码太容易被猜中：${reason}。请换用更长、更不常见的组合`,
    // Why a password is easy to guess, by the warning @zxcvbn-ts/core gives (auth/password.ts).
    guessableBecause: {
      common: '它是常用密码或常用密码的简单变形',
      userInputs: '它与用户名、所在县（区）或本系统的名称相近',
      repeat: '它含有重复的字符或片段（如 aaa、abcabc）',
      sequence: '它含有连续的字符（如 abc、123）',
      keyboard: '它含有键盘上相邻的按键（如 qwer、1qaz）',
      dates: '它含有年份或日期',
      names: '它主要由常见的姓名构成',
      other: '它的组合过于简单',
    },
  },
  orgs: {
    parentNotFound: '上级组织不存在，或不在您的管理范围内',
    notFound: '组织不存在，或不在您的管理范围内',
    duplicateName: (name: string) => `同一上级下已有名为「${name}」的组织`,
    rootExists: '每个县（区）只能有一个顶级组织（政法委）',
    cycle: '不能把组织移动到它自己或它的下级之下',
    hasChildren: '该组织下还有下级组织，不能停用',
    hasUsers: '该组织下还有启用的用户，不能停用',
  },
  users: {
    notFound: '用户不存在，或不在您的管理范围内',
    duplicateUsername: (u: string) => `用户名「${u}」已被使用`,
    usernameFormat: '用户名只能包含字母、数字、下划线、点和横线，长度 3 到 32 位，并以字母开头',
    orgNotFound: '所属组织不存在，或不在您的管理范围内',
    rolesNeedAssignPermission: '分配角色需要「分配角色」权限，请联系安全管理员',
    cannotDisableSelf: '不能停用自己的账号',
    resetAuditorNeedsSecurityAdmin: '该账号是审计管理员，系统管理员不能重置其密码，请由安全管理员重置',
    resetSecurityNeedsCountersign:
      '该账号是安全管理员，其密码不能直接重置：请提出重置申请，经审计管理员会签后生效；也可由运维人员在服务器上运行 pnpm zhengfa reset-password --username <用户名>',
    securityResetsOnlyAuditors: '安全管理员只能重置审计管理员的密码，其他账号的密码请由系统管理员重置',
  },
  passwordResets: {
    reasonTooShort: '请填写申请理由（至少 2 个字）',
    reasonTooLong: '申请理由不能超过 200 个字',
    noteTooShort: '请填写驳回理由（至少 2 个字）',
    noteTooLong: '驳回理由不能超过 200 个字',
    onlySecurityAdmins: '只有安全管理员的密码须申请、经会签后重置；其他账号请直接重置',
    notForSelf: '不能为自己申请重置密码，请在“修改密码”中修改',
    pendingExists: '该账号已有一份待会签的重置申请，请等待审计管理员会签，或先撤回该申请',
    notFound: '重置申请不存在',
    decided: (status: string) => `该申请${status}，不能再办理`,
    expired: (hours: number) => `该申请提出已超过 ${hours} 小时，已失效，请重新提出申请`,
    ownRequest: '不能会签自己提出的申请',
    onlyRequester: '只有申请人可以撤回申请',
    statusNames: { pending: '待会签', countersigned: '已会签', rejected: '已驳回', cancelled: '已撤回', expired: '已失效' },
    serverNeedsTenant: '数据库中有多个县（区），请用 --tenant 指明账号所属县（区）的代码',
    serverUnknownTenant: (code: string) => `县（区）${code} 不存在`,
    serverUnknownUser: (username: string, tenant: string) => `县（区）${tenant} 没有用户名为「${username}」的账号`,
  },
  roles: {
    notFound: '角色不存在',
    duplicateName: (n: string) => `已有名为「${n}」的角色`,
    unknownPermission: (p: string) => `权限「${p}」不存在`,
    builtinImmutable: '内置角色的名称和权限不能修改，如需调整请新建角色',
    separationOfDuties: (a: string, b: string) =>
      `违反三员分立：「${a}」与「${b}」的权限不能由同一角色或同一用户同时拥有`,
    dutyWithBusiness: (duty: string, permission: string) =>
      `违反三员分立：「${duty}」的权限不能与业务权限「${permission}」由同一角色或同一用户同时拥有`,
    cannotAssignSelf: '不能给自己分配角色，请由另一位安全管理员办理',
  },
  audit: {
    /** The actor named by entries written from the server's command line. */
    serverActor: '服务器命令行',
    chainOk: (n: number) => `审计日志完整，已校验 ${n} 条记录`,
    chainBroken: (tenant: string, seq: number) => `审计日志在 ${tenant} 的第 ${seq} 条记录处被篡改或缺失`,
  },
  events: {
    deadLetterNotFound: '没有找到这条投递失败的事件，可能已重新投递成功',
    subscriberNotInstalled: (subscriber: string) => `订阅者「${subscriber}」所属的插件没有启用，无法重新投递`,
  },
  modules: {
    /** A procedure of a plugin this county has switched off. */
    disabled: (name: string) => `本县未启用「${name}」功能模块，请联系系统管理员`,
    notInstalled: (id: string) => `功能模块「${id}」没有安装或未在本部署启用`,
    dependentOn: (name: string, dependent: string) => `「${dependent}」依赖「${name}」，请先停用「${dependent}」`,
    needs: (name: string, dependency: string) => `「${name}」依赖「${dependency}」，请先启用「${dependency}」`,
  },
  tenants: {
    codeFormat: '县（区）代码应为 6 位行政区划代码（GB/T 2260），如 431121',
    exists: (code: string) => `行政区划代码 ${code} 已存在`,
  },
  permissionGroups: {
    system: '系统管理',
    security: '安全管理',
    audit: '安全审计',
    basic: '基础数据',
    cases: '事项督办',
    supervision: '监督文书与协调会',
  },
} as const;

export const workbenchStrings = {
  providerFailed: (plugin: string) => `「${plugin}」的待办暂时无法获取，请稍后刷新；如果持续出现，请联系系统管理员`,
  overdue: '已超期事项',
  dueSoon: '临期事项（7日内到期）',
  pendingApproval: '待审批（立项）',
  registered: '待提交立项审批',
  approved: '待交办',
  toAcknowledge: '待签收',
  inProgress: '待报结',
  toReview: '待审核（已报结）',
  dispatchDue: '待调度',
  instrumentsToSign: '监督文书待签批',
  instrumentsToAcknowledge: '监督文书待签收',
  instrumentsToAnswer: '监督文书待书面回复',
  answersToReview: '文书回复待审查',
  invitations: '协调会邀请',
  opinionsToCarryOut: '协调意见待签收、报告执行',
  opinionsToSign: '协调意见待签发',
  meetingsToRecord: '协调会待记录会议情况',
  resetsToCountersign: '安全管理员密码重置待会签',
  caseNotFound: '事项不存在，或不在您的查看范围内',
} as const;

export const notificationStrings = {
  digestGroups: { cases: '事项', instruments: '监督文书', meetings: '协调会', other: '其他' },
} as const;

export const caseStatusNames = {
  registered: '登记',
  pending_approval: '待审批',
  approved: '已立项',
  assigned: '已交办',
  in_progress: '办理中',
  submitted: '已报结',
  closed: '已办结',
  archived: '已归档',
} as const;

export const caseActionNames = {
  register: '登记',
  update: '修改登记信息',
  submitForApproval: '提交立项审批',
  approve: '立项',
  assign: '交办',
  acknowledge: '签收',
  reportProgress: '报告进展',
  transfer: '转办',
  submitResult: '报送办理结果',
  review: '审核通过',
  returnForRework: '退回重办',
  withdraw: '撤销',
  archive: '归档',
  reopen: '重新办理',
  dispatch: '调度',
  changeUrgency: '调整紧急程度',
  setFourFixes: '落实四定一包',
  link: '关联事项',
} as const;

// The lifecycle's actions, named as the timeline names them (the other entries are not transitions).
const { register: _register, update: _update, dispatch: _dispatch, changeUrgency: _changeUrgency, setFourFixes: _setFourFixes, link: _link, ...lifecycleActionNames } = caseActionNames;

/** What the case page's workflow buttons say: each action as the step the user takes. */
export const caseActionLabels = { ...lifecycleActionNames, approve: '同意立项' } as const;

/** The timeline's name of every event type the kernel writes to a case (kernel.case_events.type). */
export const caseEventNames: Record<string, string> = {
  ...caseActionNames,
  'clock.pause': '暂停期限计算',
  'clock.resume': '恢复期限计算',
  'clock.extension.request': '申请延期',
  'clock.extension.approve': '批准延期',
  'clock.extension.reject': '驳回延期',
  'clock.recalculate': '工作日历调整后重算期限',
  'instrument.draft': '起草监督文书',
  'instrument.revise': '修改监督文书',
  'instrument.submit': '监督文书提交签批',
  'instrument.signoff.reject': '监督文书签批退回',
  'instrument.issue': '签发监督文书',
  'instrument.acknowledge': '签收监督文书',
  'instrument.answer': '书面回复监督文书',
  'instrument.accept': '采纳回复',
  'instrument.reject': '不采纳回复',
  'power.use': '行使监督权力',
  'meeting.schedule': '安排协调会',
};

export const caseSourceNames = {
  letter: '来信',
  visit: '来访',
  online: '网上',
  phone: '电话',
  leader_instruction: '领导批示',
  higher_assignment: '上级交办',
  inspection: '执法检查发现',
  unit_report: '部门报送',
} as const;

export const urgencyNames = { normal: '一般件', urgent: '急件', critical: '特急件' } as const;

export const fourFixNames = {
  leadLeaderId: '包案领导',
  handlerName: '承办责任人',
  resolutionPlan: '化解方案',
  deadline: '处理期限',
  leadUnitId: '承办单位',
} as const;

export const sixClarityNames = {
  parties: '当事人情况清楚',
  facts: '基本事实清楚',
  originalHandling: '原处理情况清楚',
  complaintReason: '上访（投诉）原因清楚',
  currentSituation: '现实表现（现状）清楚',
  proposedHandling: '拟处理意见清楚',
} as const;

export const caseLinkNames = { related: '相关事项', duplicate_of: '重复事项', derived_from: '派生自' } as const;

export const caseStrings = {
  notFound: '事项不存在，或不在您的查看范围内',
  unknownKind: (k: string) => `事项类型「${k}」不存在或所属模块未启用`,
  illegalTransition: (action: string, status: string) => `当前状态为「${status}」，不能执行「${action}」`,
  missingFourFixes: (names: string[]) => `交办前须落实四定一包，尚缺：${names.join('、')}`,
  missingClarities: (names: string[]) => `重点事项报结前须做到六个清楚，尚缺：${names.join('、')}`,
  notLeadUnit: '只有承办单位才能执行此操作',
  notEditable: (status: string) => `事项已${status}，登记信息不能再修改`,
  resultRequired: '请填写办理结果报告',
  reasonRequired: '请填写理由',
  leaderNotFound: '包案领导不存在或账号已停用',
  unitNotFound: '承办单位不存在或已停用',
  unitMustBeUnit: '承办单位不能是政法委本身，请选择具体单位',
  sameUnit: '转办的目标单位与当前承办单位相同',
  deadlineInPast: '处理期限不能早于今天',
  badIdNumber: (name: string, reason: string) => `当事人「${name}」的身份证号有误：${reason}`,
  badPhone: (name: string, reason: string) => `当事人「${name}」的联系电话有误：${reason}`,
  partyNotFound: '当事人不存在',
  linkSelf: '不能把事项与它自己关联',
  notOpen: '事项不在办理中，不能记录调度',
  batchNotOpen: (docNo: string, status: string) => `事项 ${docNo} 当前为「${status}」，不在办理中，不能催办；本批事项均未催办`,
  batchNotFound: (position: number) => `所选第 ${position} 件事项不存在，或不在您的查看范围内；本批事项均未催办`,
  duplicateRequest: '该登记已提交过，已为您打开原事项',
  reminderDispatch: (docNo: string, date: string) => `事项 ${docNo} 应于 ${date} 调度`,
  reminderReport: (docNo: string, date: string) => `事项 ${docNo} 应于 ${date} 通报进展`,
  reminderDeadline: (docNo: string, date: string) => `事项 ${docNo} 的处理期限为 ${date}`,
  reminderClock: (docNo: string, clock: string, date: string) => `事项 ${docNo} 的「${clock}」于 ${date} 届满`,
  approvalNotice: (docNo: string, title: string) => `事项 ${docNo}（${title}）已提交立项审批，请审批`,
  approvedNotice: (docNo: string, title: string) => `事项 ${docNo}（${title}）已同意立项，请落实四定一包并交办`,
  assignedNotice: (docNo: string, title: string) => `新交办事项 ${docNo}：${title}，请签收`,
  submittedNotice: (docNo: string, title: string) => `事项 ${docNo}（${title}）已报送办理结果，请审核`,
  closedNotice: (docNo: string, title: string) => `事项 ${docNo}（${title}）已审核办结，请立卷归档`,
  returnedNotice: (docNo: string, title: string) => `事项 ${docNo}（${title}）被退回重办，请重新办理并报结`,
  reopenedNotice: (docNo: string, title: string) => `事项 ${docNo}（${title}）已重新打开，请继续办理`,
  /** 催办 told to the lead unit; the note is left out (null) on a restricted case, whose notes are its material. */
  urgedNotice: (docNo: string, title: string, note: string | null, nextDispatchOn: string) =>
    `事项 ${docNo}（${title}）被催办${note === null ? '' : `：${note.length > 60 ? `${note.slice(0, 60)}…` : note}`}；下次调度日期 ${nextDispatchOn}，请抓紧办理`,
  restrictedMaterial: (permission: string) => `该事项属于保密材料，只有持有「${permission}」权限的政法委人员才能查看或修改其登记内容、当事人和材料`,
  restrictedWithheld: '（保密材料，仅限有权限的政法委人员查看）',
  badRestriction: (key: string) => `保密权限「${key}」不是登记该类事项的模块声明的权限`,
} as const;

export const clockStrings = {
  extensionRequestedNotice: (docNo: string, clock: string, days: number) => `事项 ${docNo} 申请将「${clock}」延长 ${days} 天，请审批`,
  extensionDecidedNotice: (docNo: string, clock: string, approved: boolean) => `事项 ${docNo} 的「${clock}」延期申请${approved ? '已获批准' : '未获批准'}`,
  notFound: '期限不存在，或不在您的查看范围内',
  stopped: '该期限已停止计算',
  alreadyPaused: '该期限已处于暂停状态',
  notPaused: '该期限没有暂停',
  pauseBeforeStart: '暂停日期不能早于期限起算日',
  resumeBeforePause: '恢复计算的日期不能早于暂停日期',
  extensionPending: '已有待审批的延期申请',
  extensionTooLong: (name: string, left: number) => (left > 0 ? `「${name}」最多还能延长 ${left} 天` : `「${name}」不能再延期`),
  extensionNotFound: '延期申请不存在',
  extensionDecided: '该延期申请已审批',
  extensionLeadUnitOnly: '只有承办单位（或政法委）才能申请延长期限，协办单位不能代为申请',
  /** The timeline's note when a correction of the working calendar moves a running clock's due date. */
  recalculated: (clock: string, date: string, change: string, from: string, to: string) =>
    `工作日历调整（${date} ${change}），「${clock}」到期日由 ${from} 改为 ${to}`,
  calendarChange: { holiday: '改为放假', workday: '改为上班', official: '恢复国务院安排' },
} as const;

export const calendarAdminStrings = {
  badYear: '年份应在 2000 到 2100 之间',
} as const;

/** ctx.kernel's refusals of a plugin's call (kernel-api.ts). */
export const kernelApiStrings = {
  undeclared: (operation: string, permissions: string) =>
    `插件没有为「${permissions}」权限声明内核操作「${operation}」，不能调用；请在插件的 kernelAccess 中声明`,
  unbound: (operation: string) => `内核操作「${operation}」只能在受权限保护、且插件为该权限声明了此操作的接口中调用`,
  jobUndeclared: (operation: string, job: string) => `后台任务「${job}」没有声明内核操作「${operation}」，不能调用；请在该任务的 kernelAccess 中声明`,
  /** Who a plugin job's kernel calls act as, in audit rows and case timelines. */
  system: '系统',
} as const;

export const fileStrings = {
  tooLarge: (mb: number) => `附件不能超过 ${mb} MB`,
  empty: '附件是空文件',
  typeNotAllowed: (ext: string) => `不支持上传 .${ext} 文件；可上传 PDF、Word、Excel、OFD、JPG、PNG、TXT`,
  contentMismatch: (ext: string) => `文件内容与扩展名 .${ext} 不符，请确认文件未损坏或被改名`,
  notFound: '附件不存在，或您无权查看',
  nameRequired: '附件缺少文件名',
  notOfCase: '附件不属于该事项',
  restricted: (permission: string) => `该附件属于保密材料，只有持有「${permission}」权限的政法委人员才能查看`,
} as const;

export const exportStrings = {
  notFound: '导出任务不存在',
  notReady: '导出尚未完成',
  failed: '导出失败，请重试',
  sheetName: '台账',
  /** The printed title: the county's name, then this. */
  title: '事项台账',
  fileName: (date: string) => `事项台账_${date}.xlsx`,
  columns: {
    docNo: '文号',
    kind: '类型',
    title: '标题',
    source: '来源',
    urgency: '紧急程度',
    status: '状态',
    isKey: '重点',
    leadUnit: '承办单位',
    leadLeader: '包案领导',
    deadline: '处理期限',
    overdue: '是否超期',
    nextDispatch: '下次调度',
    receivedOn: '收到日期',
    registeredAt: '登记时间',
    parties: '当事人',
    result: '办理结果',
  },
  /** 办理结果 of a case closed without a result report: withdrawn, with the reason given. */
  withdrawnResult: (reason: string) => (reason ? `撤销：${reason}` : '撤销'),
  yes: '是',
  no: '否',
} as const;

export const auditExportStrings = {
  sheetName: '审计日志',
  fileName: (date: string) => `审计日志_${date}.xlsx`,
  /** The export holds at most this many rows, newest first; a note on the sheet says so. */
  truncated: (max: number) => `仅导出最近 ${max} 条记录，请缩小筛选范围后再导出其余记录`,
  system: '系统',
  outcomes: { success: '成功', failure: '失败', denied: '拒绝' } as Record<string, string>,
  columns: {
    /** The entry's number in the county's log (序号 is the sheet's own row number). */
    seq: '日志编号',
    at: '时间',
    actor: '操作人',
    action: '操作',
    target: '对象',
    outcome: '结果',
    ip: 'IP 地址',
    userAgent: '浏览器',
    detail: '详情',
  },
} as const;

export const instrumentKindNames = {
  warning: '预防警告',
  guidance: '指导意见书',
  correction: '纠正通知书',
  removal_proposal: '建议罢免',
  discipline_transfer: '移交纪检',
  judicial_transfer: '移交司法机关',
} as const;

export const instrumentStatusNames = {
  draft: '起草中',
  pending_signoff: '待签批',
  issued: '已发出',
  acknowledged: '已签收',
  answered: '已回复',
  accepted: '回复已采纳',
  rejected: '回复未通过',
} as const;

export const powerNames = {
  file_review: '调阅案卷',
  inquiry: '案情质询',
  investigation: '调查',
  appointment_proposal: '人事任免建议',
  discipline_proposal: '纪律处分建议',
} as const;

export const meetingStatusNames = { scheduled: '已安排', held: '已召开', consensus: '达成一致', escalated: '未达成一致' } as const;
export const escalationNames = { unit_superiors: '各单位分别向上级请示报告', higher_committee: '提请上级政法委协调' } as const;

export const supervisionStrings = {
  instrumentNotFound: '监督文书不存在，或不在您的查看范围内',
  meetingNotFound: '协调会不存在，或不在您的查看范围内',
  illegalStep: (step: string, status: string) => `当前状态为「${status}」，不能${step}`,
  notRecipient: '只有受文单位才能签收和回复',
  answerRequired: '请填写整改（纠正）情况报告',
  commentRequired: '请填写意见',
  escalationRequired: '协调会未达成一致：请选择后续处理方式（各单位分别向上级请示报告，或提请上级政法委协调）',
  deadlineInPast: '回复期限不能早于今天',
  recipientNotUnit: '受文单位须为具体单位，不能是政法委本身',
  previousNotOfCase: '上一级监督文书不属于该事项',
  notHigherRung: '升级发出的监督文书须高于上一级文书',
  reviseStep: '修改文书',
  notYetHeld: '协调会尚未到召开时间，不能记录会议情况',
  caseClosed: '事项已办结，不能再发出监督文书',
  noOrgs: '请至少邀请一个单位',
  noCases: '请至少选择一件事项',
  opinionRequired: '请填写协调意见',
  notInvited: '本单位未受邀参加该协调会',
  opinionNotSigned: '协调意见尚未签发',
  alreadyDecided: '协调会已有结论',
  reportRequired: '请填写执行情况',
  // Notices to whoever must act next (supervision/notices.ts).
  signoffNotice: (kind: string) => `${kind}已提交签批，请签批`,
  signoffDeclinedNotice: (kind: string) => `${kind}未获签批，请按意见修改后重新提交`,
  issuedNotice: (kind: string) => `收到${kind}，请签收并按期书面回复`,
  answeredNotice: (kind: string) => `受文单位已书面回复${kind}，请审查回复`,
  invitedNotice: (title: string, when: string, place: string) => `协调会邀请：「${title}」，${when}${place ? `，${place}` : ''}`,
  consensusNotice: (title: string) => `协调会「${title}」已达成一致意见，请签发协调意见`,
  opinionSignedNotice: (docNo: string) => `协调意见 ${docNo} 已签发，请签收并报告执行情况`,
} as const;

export const officialDocStrings = {
  organName: (county: string) => `中共${county}委政法委员会`,
  scope: (county: string) => (county.endsWith('区') ? '全区' : county.endsWith('市') ? '全市' : '全县'),
  notAssigned: '事项尚未落实四定一包并交办，不能生成交办通知书',
  notOpen: '事项不在办理中，不能生成督办函',
  noOpinion: '协调会尚未形成协调意见',
  badPeriod: '起始日期不能晚于截止日期',
  overdueBy: (days: number) => `已超过处理期限${days}日仍未办结`,
  dueSoon: '办理进度滞后，处理期限临近',
  urgingRequirements: ['立即组织专人办理，逐项落实化解方案', '将办理进展和存在的困难书面报告本委', '逾期仍未办结的，本委将依照有关规定予以通报'],
  draftNo: '（草稿）',
  placeUnknown: '本委会议室',
  chairUnknown: '本委领导',
  signerUnknown: '（待签发）',
  assignmentFile: (docNo: string) => `交办通知书_${docNo}.docx`,
  urgingFile: (docNo: string) => `督办函_${docNo}.docx`,
  instrumentFile: (kind: string, docNo: string | null) => `${kind}_${docNo ?? '草稿'}.docx`,
  opinionFile: (docNo: string | null) => `协调意见_${docNo ?? '草稿'}.docx`,
  bulletinFile: (from: string, to: string) => `通报_${from}至${to}.docx`,
} as const;

/** Chinese labels for audit actions written by the kernel. */
export const auditActionNames: Record<string, string> = {
  'auth.signin': '登录',
  'auth.signout': '退出登录',
  'auth.lock': '账号锁定',
  'auth.session.expired': '会话超时',
  'auth.password.change': '修改密码',
  'permission.denied': '越权访问被拒绝',
  'orgs.create': '新建组织',
  'orgs.update': '修改组织',
  'users.create': '新建用户',
  'users.update': '修改用户',
  'users.roles.assign': '分配角色',
  'users.password.reset': '重置密码',
  'users.password.reset.request': '申请重置安全管理员密码',
  'users.password.reset.countersign': '会签密码重置',
  'users.password.reset.reject': '驳回密码重置申请',
  'users.password.reset.cancel': '撤回密码重置申请',
  'users.password.reset.server': '在服务器上重置密码',
  'users.unlock': '解锁账号',
  'roles.create': '新建角色',
  'roles.update': '修改角色',
  'tenants.create': '新建县（区）',
  'audit.verify': '校验审计日志',
  'audit.export': '导出审计日志',
  'cases.register': '登记事项',
  'cases.update': '修改事项',
  'cases.transition': '事项流转',
  'cases.dispatch': '记录调度',
  'cases.reveal': '查看当事人个人信息',
  'cases.link': '关联事项',
  'cases.follow': '关注事项',
  'cases.unfollow': '取消关注事项',
  'cases.export': '导出台账',
  'cases.clock.pause': '暂停期限计算',
  'cases.clock.resume': '恢复期限计算',
  'cases.clock.extension.request': '申请延期',
  'cases.clock.extension.decide': '审批延期',
  'calendar.set': '修改工作日历',
  'calendar.dispatchCounting': '修改调度间隔计算方式',
  'files.upload': '上传附件',
  'supervision.instrument': '监督文书',
  'supervision.power': '监督权力行使',
  'supervision.meeting': '协调会',
  'documents.generate': '生成公文',
  'files.download': '下载附件',
};

// --- calendar, cadence and party-data validation (calendar/, cadence/, parties/) ---

export const calendarStrings = {
  invalidDate: (value: string) => `日期「${value}」无效，应为 YYYY-MM-DD 格式的真实日期，如 2026-11-21`,
  invalidDayCount: (value: number) => `天数应为不小于 0 的整数，当前为 ${value}`,
  dayKindNames: { holiday: '放假', workday: '调休上班' },
} as const;

export const deadlineStrings = {
  pauseEndsBeforeStart: (from: string, to: string) => `暂停期间的结束日期 ${to} 早于开始日期 ${from}`,
  dueStateNames: { ok: '正常', dueSoon: '即将到期', dueToday: '今日到期', overdue: '已超期' },
  unitNames: { natural: '自然日', working: '工作日' },
  paused: '计时暂停中',
} as const;

export const cadenceStrings = {
  every: (n: number, unit: 'day' | 'month') =>
    unit === 'month' ? (n === 1 ? '每月' : `每 ${n} 个月`) : n === 1 ? '每天' : n === 7 ? '每周' : `每 ${n} 天`,
  /** The dispatch interval with its counting, e.g. 每 5 个工作日 / 每 5 天（含节假日）. */
  dispatchEvery: (n: number, counting: 'working' | 'natural') => (counting === 'working' ? `每 ${n} 个工作日` : n === 1 ? '每天（含节假日）' : `每 ${n} 天（含节假日）`),
  countingNames: { working: '按工作日计算（不含周末和节假日）', natural: '按自然日计算（含周末和节假日）' },
} as const;

export const genderNames = { male: '男', female: '女' } as const;

export const partyStrings = {
  idNumber: {
    required: '请填写身份证号码',
    wrongLength: (n: number) => `身份证号码应为 18 位，当前为 ${n} 位`,
    badCharacters: '身份证号码前 17 位只能是数字，第 18 位只能是数字或字母 X',
    impossibleBirthDate: (yyyymmdd: string) => `身份证号码中的出生日期 ${yyyymmdd} 不存在或不合理`,
    wrongCheckDigit: '身份证号码校验码（第 18 位）不正确，请核对是否有数字录错',
  },
  phone: {
    required: '请填写联系电话',
    badCharacters: '电话号码只能包含数字、空格和连字符“-”',
    mobileLength: (n: number) => `手机号码应为 11 位，当前为 ${n} 位`,
    mobilePrefix: '手机号码格式不正确：应以 13 至 19 开头',
    landline: '固定电话格式不正确，应为“区号-号码”，如 0731-84123456',
    unknown: '电话号码格式不正确，应为 11 位手机号码或带区号的固定电话，如 13812345678 或 0731-84123456',
  },
} as const;

export const scheduleErrorStrings = {
  unknownUrgency: (value: string) => `紧急程度「${value}」无效，应为一般件、急件或特急件`,
  unknownDeadlineUnit: (value: string) => `期限单位「${value}」无效，应为自然日或工作日`,
  calendarRequired: '按工作日计算期限时须提供工作日历',
} as const;

/**
 * The Chinese name of every field the kernel's procedures take: input errors name the field
 * (请填写「标题」, 「处理期限」不能晚于 …), see the fields of @zhengfa/plugin-api.
 */
export const fieldNames = {
  workingDays: '工作日数',
  tenantId: '县（区）代码',
  username: '用户名',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  org: '组织',
  parentOrg: '上级组织',
  orgName: '组织名称',
  orgKind: '组织类别',
  orgLevel: '组织层级',
  sortOrder: '排序号',
  disabled: '是否停用',
  user: '用户',
  displayName: '姓名',
  roles: '角色',
  role: '角色',
  roleName: '角色名称',
  roleDescription: '说明',
  permissions: '权限',
  permission: '权限',
  includeSubOrgs: '是否包含下级组织',
  keyword: '关键词',
  roleKey: '角色类别',
  page: '页码',
  pageSize: '每页条数',
  resetRequest: '重置申请',
  resetReason: '申请理由',
  rejectNote: '驳回理由',
  auditActor: '操作人',
  auditAction: '操作类型',
  auditOutcome: '结果',
  auditFrom: '起始时间',
  auditTo: '截止时间',
  auditKeyword: '关键词',
  year: '年份',
  calendarDate: '日期',
  calendarKind: '日期类别',
  calendarName: '节日名称',
  dispatchCounting: '调度间隔计算方式',
  case: '事项',
  follow: '关注',
  caseKind: '事项类别',
  title: '标题',
  summary: '内容摘要',
  source: '事项来源',
  urgency: '紧急程度',
  isKey: '是否重点事项',
  receivedOn: '收件日期',
  parties: '当事人',
  partyRole: '当事人身份',
  partyName: '当事人姓名',
  idNumber: '身份证号码',
  phone: '联系电话',
  address: '住址',
  idempotencyKey: '提交编号',
  version: '版本号',
  pluginId: '功能模块标识',
  leadLeader: '包案领导',
  handlerName: '承办责任人',
  handlerPhone: '承办责任人电话',
  resolutionPlan: '化解方案',
  deadline: '处理期限',
  leadUnit: '承办单位',
  cooperatingUnits: '协办单位',
  sixClarities: '六个清楚',
  action: '操作',
  comment: '意见',
  toUnit: '转办单位',
  report: '办理情况报告',
  attachments: '附件',
  attachmentName: '附件文件名',
  heldOn: '调度日期',
  dispatchSummary: '调度情况',
  nextSteps: '下一步工作',
  urgencyReason: '调整理由',
  linkTo: '关联事项',
  linkKind: '关联类型',
  clock: '期限',
  clockKey: '期限标识',
  clockName: '期限名称',
  clockDays: '期限天数',
  clockUnit: '计日方式',
  clockStartOn: '起算日期',
  clockStopOn: '停止日期',
  maxExtensionDays: '最长延期天数',
  historical: '是否历史事项',
  restrictedTo: '保密权限',
  cases: '事项',
  attachment: '附件',
  pauseFrom: '暂停起始日期',
  pauseReason: '暂停理由',
  lastPausedDay: '暂停的最后一天',
  extensionDays: '延期天数',
  extensionReason: '延期理由',
  extension: '延期申请',
  approve: '是否同意',
  decisionComment: '审批意见',
  party: '当事人',
  exportTask: '导出任务',
  status: '办理状态',
  unit: '单位',
  overdue: '是否超期',
  dueWithinDays: '到期天数',
  dispatchDue: '是否待调度',
  ledByMe: '是否本单位承办',
  ledgerFrom: '起始日期',
  ledgerTo: '截止日期',
  sort: '排序方式',
  sortDir: '排序方向',
  digestDay: '摘要日期',
  unreadOnly: '是否只看未读',
  notifications: '通知',
  instrument: '监督文书',
  instrumentKind: '文书种类',
  recipientOrg: '受文单位',
  officerName: '涉及人员姓名',
  officerPost: '涉及人员职务',
  facts: '存在的问题',
  legalBasis: '依据',
  requirement: '整改（纠正）要求',
  responseDeadline: '回复期限',
  previousInstrument: '上一级监督文书',
  step: '办理步骤',
  answer: '整改（纠正）情况报告',
  instrumentStatus: '文书状态',
  power: '监督方式',
  usedOn: '行使日期',
  targetOrg: '对象单位',
  targetPerson: '对象人员',
  powerDescription: '行使情况',
  powerResult: '结果',
  meeting: '协调会',
  meetingTitle: '会议名称',
  scheduledAt: '会议时间',
  place: '会议地点',
  chair: '主持人',
  meetingOrgs: '参会单位',
  meetingCases: '协调事项',
  minutes: '会议纪要',
  attendance: '出席情况',
  attended: '是否出席',
  attendees: '出席人员',
  outcome: '会议结论',
  opinion: '协调意见',
  escalation: '后续处理方式',
  note: '说明',
  executionReport: '执行情况',
} as const;

export const vaultStrings = {
  notSealed: '数据未加密：该字段应为加密信封，却存有明文或无法识别的内容',
  malformed: '加密数据格式错误，无法解密',
  unknownKey: (keyId: string) => `加密数据使用的密钥（编号 ${keyId}）不在当前配置中（DATA_KEY 或 DATA_KEYS_OLD），无法解密`,
  tampered: '加密数据完整性校验失败（HMAC-SM3 不符）：密文已被篡改，拒绝解密',
  badKey: (name: string) => `${name} 应为 64 位十六进制字符（32 字节密钥）`,
  duplicateKey: (keyId: string) => `两个数据密钥的编号相同（${keyId}），请检查 DATA_KEY 与 DATA_KEYS_OLD`,
  badKeyFile: (file: string) => `数据密钥文件 ${file} 的内容不是 64 位十六进制字符，请从备份恢复该文件或设置 DATA_KEY`,
  needsVault: '数据库中存有待加密的个人信息，但迁移没有拿到数据密钥',
} as const;
