import type { PermissionDefinition } from '@zhengfa/plugin-api';

export const permissions: PermissionDefinition[] = [
  { key: 'petitions.read', name: '查看信访事项' },
  { key: 'petitions.register', name: '登记来信来访' },
  { key: 'petitions.route', name: '转送交办信访事项' },
  { key: 'petitions.conclude', name: '信访事项结案（化解、息访、终结）' },
  { key: 'petitions.writeoff', name: '审批核销' },
  { key: 'petitions.relief', name: '救助申请与审批' },
  { key: 'petitions.reveal', name: '查看信访人完整个人信息' },
  { key: 'petitions.accusations', name: '查看检举控告人身份' },
  { key: 'petitions.visits', name: '安排领导接访、下访、约访、回访' },
  { key: 'petitions.stats', name: '查看信访统计' },
  { key: 'petitions.import', name: '导入历史信访台账' },
];
