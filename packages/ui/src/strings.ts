// Every user-facing word of the UI kit, in one place.
export const uiStrings = {
  empty: '—',
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
