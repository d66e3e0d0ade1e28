// Every fixed Chinese phrase of the official documents, in one place, so a county can adjust
// the wording without touching the templates. Functions take the variable parts already
// formatted (dates as 2026年11月21日, document numbers as 示政法督〔2026〕12号).

export const documentStrings = {
  /** Punctuation and small words shared by every document. */
  common: {
    colon: '：',
    listSeparator: '、',
    copyToSeparator: '，',
    fullStop: '。',
    year: '年',
    month: '月',
    day: '日',
    /** The committee refers to itself in the documents it issues. */
    thisCommittee: '本委',
    attachmentsLabel: '附件：',
    copyToLabel: '抄送：',
    signerLabel: '签发人：',
    pageNumberPrefix: '— ',
    pageNumberSuffix: ' —',
    officerSuffix: '同志',
    /** Digits for Chinese ordinals 一、二、三 … up to 九十九. */
    digits: ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const,
    ten: '十',
    headingMark: '、',
    subItem: (ordinal: string) => `（${ordinal}）`,
    numbered: (n: number) => `${n}.`,
    quoted: (text: string) => `“${text}”`,
    caseWithNo: (title: string, docNo: string) => `${title}（${docNo}）`,
    deadlineBefore: (date: string) => `${date}前`,
    noticeClosing: '特此通知。',
    letterClosing: '特此函告。',
  },

  /** Urgency marks printed at the top left (GB/T 9704 紧急程度). */
  urgencyMarks: {
    normal: '',
    urgent: '加急',
    critical: '特急',
  },

  /** Words used to build document numbers: 示政法督〔2026〕12号. */
  docNumber: (abbr: string, kindWord: string, year: number, seq: number) => `${abbr}政法${kindWord}〔${year}〕${seq}号`,

  assignment: {
    kindWord: '交',
    title: (caseTitle: string) => `关于交办“${caseTitle}”的通知`,
    intro: (caseRef: string) => `现将${caseRef}交由你单位办理。有关事项通知如下：`,
    sourceLine: (source: string) => `案件来源：${source}。`,
    factsHeading: '一、基本情况',
    fixesHeading: '二、“四定一包”责任',
    leadLeader: (name: string) => `（一）包案领导：${name}。`,
    handler: (name: string) => `（二）承办责任人：${name}。`,
    resolutionPlan: (plan: string) => `（三）化解方案：${plan}`,
    deadline: (date: string) => `（四）处理期限：${date}前办结。`,
    cooperating: (units: string) => `协办单位：${units}，请积极配合承办单位做好相关工作。`,
    requirementsHeading: '三、工作要求',
    requirement:
      '请你单位高度重视，按照“四定一包”要求，明确专人负责，依法及时处理，确保案结事了。办理过程中遇有重大情况，请及时报告。',
    reporting: (date: string, to: string) => `请于${date}前将办理结果书面报送${to}。`,
  },

  urging: {
    kindWord: '督',
    title: (caseTitle: string) => `关于督办“${caseTitle}”的函`,
    round: (n: number) => `（第${n}次督办）`,
    assigned: (date: string, caseRef: string, deadline: string) =>
      `${date}，本委将${caseRef}交由你单位办理，处理期限为${deadline}。`,
    assignedWithoutDate: (caseRef: string, deadline: string) => `本委交由你单位办理的${caseRef}，处理期限为${deadline}。`,
    overdueDays: (n: number) => `截至目前已超期${n}日。`,
    requirementsLead: '为推动问题依法及时解决，现就有关事项函告如下：',
    reply: (date: string) => `请于${date}前将办理进展及结果书面回复本委。逾期未回复的，本委将按规定予以通报。`,
  },

  instrument: {
    kindWord: '督',
    officerAddress: (unit: string, post: string, name: string) => `${unit}${post}${name}同志`,
    factsLead: '经查，',
    caseLead: (caseRef: string) => `本委在对${caseRef}的监督中发现：`,
    basisLead: (basis: string) => `根据${basis}的规定，`,
    requirementsLead: '现提出如下要求：',
    kinds: {
      warning: {
        title: '预防警告书',
        decision: '本委决定予以预防警告。',
        response: (date: string) => `请于${date}前将整改情况书面报告本委。`,
        closing: '特此警告。',
      },
      guidance: {
        title: '指导意见书',
        decision: '本委提出指导意见，请在规定时限内予以纠正。',
        response: (date: string) => `请于${date}前将整改情况书面报告本委。`,
        closing: '特此通知。',
      },
      correction: {
        title: '纠正通知书',
        decision: '本委责令立即予以纠正，纠正情况将在全县范围内予以通报。',
        response: (date: string) => `请于${date}前将纠正情况书面报告本委。`,
        closing: '特此通知。',
      },
      removalProposal: {
        title: '建议罢免书',
        decision: '本委建议依照法定程序罢免其所任职务。',
        response: (date: string) => `请依法依规研究处理，并于${date}前将处理结果书面函告本委。`,
        closing: '特此建议。',
      },
      disciplineTransfer: {
        title: '移送纪检监察机关函',
        decision: '本委决定将有关问题线索及材料移送你委，请依纪依法审查处理。',
        response: (date: string) => `请于${date}前将处理情况书面函告本委。`,
        closing: '特此函告。',
      },
      judicialTransfer: {
        title: '移送司法机关函',
        decision: '本委决定将有关问题线索及材料移送你单位，请依法审查处理。',
        response: (date: string) => `请于${date}前将处理情况书面函告本委。`,
        closing: '特此函告。',
      },
    },
  },

  coordination: {
    kindWord: '协',
    title: (subject: string) => `关于${subject}的协调意见`,
    intro: (date: string, place: string, chair: string, attendees: string, subject: string) =>
      `${date}，${chair}在${place}主持召开案（事）件协调会，${attendees}等单位参加会议。会议就${subject}有关问题进行了研究协调，形成一致意见。现将协调意见印发如下：`,
    mattersLead: '会议研究了以下事项：',
    opinionsLead: '经协调，会议形成如下意见：',
    tasksLead: '各有关单位任务分工如下：',
    task: (ordinal: string, unit: string, task: string) => `（${ordinal}）${unit}：${task}`,
    closing: '本协调意见经参会单位一致同意，各有关单位须认真抓好落实。',
    reporting: (date: string) => `请于${date}前将落实情况书面报告本委。`,
  },

  bulletin: {
    kindWord: '通',
    title: (periodLabel: string) => `关于${periodLabel}执法监督案件办理情况的通报`,
    period: (from: string, to: string) => `${from}至${to}`,
    defaultScope: '全县',
    intro: (period: string, scope: string) => `现将${period}${scope}执法监督案件办理情况通报如下：`,
    overviewHeading: '总体情况',
    overview: (period: string, scope: string, total: number, added: number, closed: number, rate: string, overdue: number) =>
      `${period}，${scope}共有执法监督案件${total}件，其中新增${added}件，办结${closed}件，办结率${rate}；超期未办结${overdue}件。`,
    byUnitHeading: '各单位办理情况',
    byUnitColumns: ['单位', '在办', '办结', '超期'] as const,
    totalRow: '合计',
    overdueHeading: '超期未办结案件',
    overdueLead: (n: number) => `以下${n}件案件已超过处理期限仍未办结，请承办单位抓紧办理：`,
    noOverdue: '本期无超期未办结案件。',
    overdueColumns: ['文号', '标题', '承办单位', '处理期限', '超期天数'] as const,
    requirementsHeading: '工作要求',
    defaultRequirements: [
      '各单位要对照通报情况认真自查，对在办案件逐件明确责任人和办理时限，确保按期办结。',
      '对超期未办结案件，承办单位要查明原因，限期办结，并将办理结果书面报告本委。',
      '本委将持续跟踪督办，对多次超期、整改不力的单位予以通报批评。',
    ] as const,
  },

  /** The printed spreadsheets (xlsx): title, 序号 and page numbers shared by every export. */
  sheet: {
    serialNo: '序号',
    title: (county: string, name: string) => `${county}${name}`,
    period: (period: string) => `统计期间：${period}`,
    madeOn: (date: string) => `制表日期：${date}`,
    /** Between the period and the date on the second title line. */
    subtitleGap: '　　　　',
    allPeriods: '全部',
    periodRange: (from: string, to: string) => `${from}至${to}`,
    periodFrom: (from: string) => `${from}以来`,
    periodTo: (to: string) => `截至${to}`,
    /** Excel header/footer codes: centred, 第 n 页 共 m 页. */
    footer: '&C第 &P 页 共 &N 页',
  },
} as const;

export type DocumentStrings = typeof documentStrings;

/** Refusals of the upload guard (./zip-guard.ts): what an officer reads when a file is refused. */
export const zipStrings = {
  notZip: '无法读取该文件：不是有效的 Office 文档（.xlsx / .docx），请确认文件未损坏',
  encrypted: '文件已加密，请在 Office 中取消密码保护后重新上传',
  unsupported: '文件使用了不支持的压缩方式，请在 Office 中另存为 .xlsx 或 .docx 后重新上传',
  duplicatePart: (name: string) => `文件内部部件「${name}」重复出现，可能是异常文件，已拒绝`,
  tooManyParts: (max: number) => `文件内部的部件超过 ${max} 个，可能是异常文件，已拒绝`,
  partTooLarge: (name: string, mb: number) =>
    `文件解压后过大：部件「${name}」超过 ${mb} MB，可能是异常文件（压缩炸弹），已拒绝；请删去多余内容或拆分文件后重新上传`,
  totalTooLarge: (mb: number) => `文件解压后超过 ${mb} MB，可能是异常文件（压缩炸弹），已拒绝；请拆分文件后重新上传`,
  sizeMismatch: (name: string) => `文件内部部件「${name}」记录的大小与实际内容不符，可能是异常文件（压缩炸弹），已拒绝`,
  corrupt: '文件已损坏，无法解压，请在 Office 中打开并另存后重新上传',
} as const;
