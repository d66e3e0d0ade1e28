// Every user-facing word of the UI kit, in one place.
export const uiStrings = {
  empty: '—',
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
} as const;
