// The words the demo year's matters are made of (seed/demo-year.ts): places, subjects,
// handlers and the phrases of progress reports and results. Demo content, zh-CN.
export const demoPlaces = ['城关镇东街社区', '城关镇西关村', '河口乡河口村', '城关镇南门片区', '河口乡石桥组', '城关镇北环路', '县城新区'] as const;

export const demoSubjects = [
  { title: '征地补偿款未足额发放问题', summary: '群众反映征地补偿款未足额发放，多次反映未果' },
  { title: '农民工工资拖欠问题', summary: '三十余名农民工反映工程完工后工资长期拖欠' },
  { title: '邻里宅基地纠纷', summary: '两户村民因宅基地界址发生纠纷，矛盾有激化苗头' },
  { title: '物业服务纠纷', summary: '业主反映物业公司擅自涨价、服务不到位' },
  { title: '山林承包合同纠纷', summary: '村民反映山林承包合同到期后续包争议' },
  { title: '交通事故赔偿纠纷', summary: '交通事故当事双方就赔偿数额长期未达成一致' },
  { title: '房屋拆迁安置问题', summary: '被拆迁户反映安置房交付逾期' },
  { title: '婚姻家庭纠纷', summary: '家庭矛盾反复，存在民转刑风险' },
  { title: '电信网络诈骗案件追赃问题', summary: '受害群众反映被骗资金追缴进展缓慢' },
  { title: '企业欠薪及社保问题', summary: '职工反映企业停产后欠薪及社保断缴' },
] as const;

export const demoHandlers = ['李承办', '王建国', '赵丽华', '孙志强', '周敏', '吴海涛', '郑晓东', '钱国平'] as const;

export const demoProgress = [
  '已约谈当事人，了解诉求',
  '已组织双方调解一次，初步达成意向',
  '已会同相关部门现场核查',
  '已制定化解方案，正在落实',
  '已报请县领导协调',
] as const;

export const demoResults = [
  '补偿款已足额发放，当事人表示满意',
  '经调解双方达成协议并履行完毕',
  '欠薪已全部兑付，当事人息诉罢访',
  '已依法作出处理决定，当事人无异议',
] as const;
