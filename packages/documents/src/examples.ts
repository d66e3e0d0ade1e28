// Sample inputs for a fictional county (示例县), used by the tests and to render examples.
import type {
  AssignmentNoticeData,
  BulletinData,
  CoordinationOpinionData,
  IssuingOrgan,
  SupervisionInstrumentData,
  UrgingLetterData,
} from './index.js';

export const exampleOrgan: IssuingOrgan = {
  name: '中共示例县委政法委员会',
  abbreviation: '示',
  mark: '中共示例县委政法委员会',
};

export const exampleAssignment: AssignmentNoticeData = {
  organ: exampleOrgan,
  docNo: { year: 2026, seq: 12 },
  date: '2026-11-21',
  recipient: '示例县公安局',
  case: { title: '王某反映邻里宅基地纠纷处置不当问题', docNo: '示政法登〔2026〕37号' },
  source: '来信',
  facts: '信访人王某反映，其与邻居李某因宅基地界址发生纠纷，双方多次发生肢体冲突，辖区派出所出警后未依法处理',
  leadLeader: '县公安局副局长刘某',
  handler: '城关派出所所长陈某',
  resolutionPlan: '调取出警记录，查明事实，依法处理治安案件，会同城关镇人民调解委员会开展调解',
  deadline: '2026-12-20',
  cooperatingUnits: ['城关镇人民政府', '示例县司法局'],
  reportBy: '2026-12-25',
  reportTo: '县委政法委执法监督室',
  urgency: 'urgent',
  copyTo: ['县委政法委书记', '县公安局局长'],
};

export const exampleUrging: UrgingLetterData = {
  organ: exampleOrgan,
  docNo: '示政法督〔2026〕15号',
  date: '2026-12-28',
  recipient: '示例县公安局',
  case: exampleAssignment.case,
  assignedOn: '2026-11-21',
  deadline: '2026-12-20',
  overdue: '截至目前，你单位未报送办理结果，亦未说明理由',
  overdueDays: 8,
  requirements: [
    '请立即组织专人核查案件办理进展，查明超期原因。',
    '包案领导要亲自研究，明确办结时间，确保依法处理到位。',
  ],
  replyBy: '2027-01-05',
  round: 1,
};

export const exampleInstrument: SupervisionInstrumentData = {
  organ: exampleOrgan,
  docNo: { year: 2026, seq: 21 },
  date: '2026-12-30',
  kind: 'correction',
  recipient: { kind: 'unit', name: '示例县公安局' },
  case: exampleAssignment.case,
  facts: '城关派出所对该纠纷引发的治安案件未依法受案立案，且超过处理期限未报送办理结果',
  legalBasis: ['《中国共产党政法工作条例》', '《治安管理处罚法》第七十七条'],
  requirements: ['立即依法受案，调查处理。', '对相关责任人员的执法过错予以认定并提出处理意见。'],
  respondBy: '2027-01-10',
};

export const exampleCoordination: CoordinationOpinionData = {
  organ: exampleOrgan,
  docNo: { year: 2026, seq: 3, kindWord: '协' },
  date: '2026-11-28',
  meeting: {
    date: '2026-11-26',
    place: '县委政法委三楼会议室',
    chair: '县委常委、政法委书记赵某',
    attendees: ['县公安局', '县人民法院', '县司法局', '城关镇人民政府'],
  },
  case: exampleAssignment.case,
  matters: ['宅基地界址的认定及确权程序', '治安案件的受案及处理', '双方当事人的调解方案'],
  opinions: [
    '宅基地界址由城关镇人民政府依据土地档案组织测量认定',
    '县公安局依法处理双方肢体冲突引发的治安案件',
    '县司法局组织人民调解员开展调解，促成双方达成调解协议',
  ],
  tasks: [
    { unit: '城关镇人民政府', task: '12月10日前完成界址测量并书面告知双方' },
    { unit: '县公安局', task: '12月15日前依法作出处理决定' },
    { unit: '县司法局', task: '测量结果出具后十日内组织调解' },
  ],
  signer: '赵某',
  reportBy: '2026-12-20',
};

export const exampleBulletin: BulletinData = {
  organ: exampleOrgan,
  docNo: { year: 2026, seq: 11, kindWord: '通' },
  date: '2026-12-03',
  recipients: ['县公安局', '县人民检察院', '县人民法院', '县司法局'],
  period: { from: '2026-11-01', to: '2026-11-30', label: '2026年11月' },
  counts: { total: 120, added: 18, closed: 98, overdue: 2 },
  byUnit: [
    { unit: '县公安局', open: 12, closed: 48, overdue: 1 },
    { unit: '县人民检察院', open: 3, closed: 17, overdue: 0 },
    { unit: '县人民法院', open: 5, closed: 25, overdue: 1 },
    { unit: '县司法局', open: 2, closed: 8, overdue: 0 },
  ],
  overdueList: [
    { docNo: '示政法登〔2026〕37号', title: '王某反映邻里宅基地纠纷处置不当问题', leadUnit: '县公安局', deadline: '2026-11-20', overdueDays: 10 },
    { docNo: '示政法登〔2026〕41号', title: '张某反映执行款未到位问题', leadUnit: '县人民法院', deadline: '2026-11-25', overdueDays: 5 },
  ],
  copyTo: ['县委办公室', '县人大常委会办公室'],
};
