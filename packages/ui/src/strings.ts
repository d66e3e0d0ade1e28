// Every user-facing word of the UI kit, in one place.
export const uiStrings = {
  empty: '—',
  /** The one message of a console page the user may not open (any page, any plugin). */
  forbiddenPage: '您没有访问此页面的权限。',
  downloadFailed: '文件生成失败，请重试',
  chartLoading: '图表加载中…',
  form: {
    required: (field: string) => `请填写${field}`,
    requiredSelect: (field: string) => `请选择${field}`,
  },
  fourFixes: {
    leadLeader: '包案领导',
    leadUnit: '承办单位',
    cooperatingUnits: '协办单位',
    handlerName: '承办责任人',
    handlerPhone: '责任人电话',
    resolutionPlan: '化解方案',
    deadline: '处理期限',
    noLeaders: '没有可选的包案领导（需要具有“政法委领导”角色的账号）',
  },
  todos: {
    title: '待办',
    none: '暂无待办事项',
    oldest: (date: string) => `最早 ${date}`,
    count: (n: number) => `${n} 件`,
  },
  callError: {
    network: '网络连接失败，请检查网络后重试',
    unknown: '系统遇到了问题，请稍后重试；如果持续出现，请联系系统管理员。',
    badInput: (first: string) => `提交的内容有误：${first}`,
    badInputGeneral: '提交的内容有误',
    conflictTitle: '数据冲突',
  },
  outcome: {
    success: '成功',
    failure: '失败',
    denied: '拒绝',
  },
  user: {
    active: '正常',
    disabled: '已停用',
    locked: '已锁定',
    mustChangePassword: '待改密',
  },
  org: {
    active: '启用',
    disabled: '已停用',
  },
  plugin: {
    enabled: '已启用',
    disabled: '未启用',
    compatible: '兼容',
    incompatible: '不兼容',
  },
  case: {
    overdue: '超期',
    key: '重点',
  },
  list: {
    index: '序号',
    columns: '列设置',
    columnsTitle: '显示的列',
    columnsReset: '恢复默认',
    print: '打印',
    export: '导出',
    selected: (n: number) => `已选择 ${n} 项`,
    clearSelection: '取消选择',
    keyword: '关键词',
    search: '查询',
    printedAt: (at: string) => `打印时间：${at}`,
    skipToMain: '跳到主要内容',
  },
} as const;
