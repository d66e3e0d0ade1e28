import type { KernelOperation, PermissionDefinition } from '@zhengfa/plugin-api';

// Role defaults: 政法委领导 (leader), 执法监督室 (supervisor), 单位联络员 (liaison). The
// sensitive ones — the petitioners' full personal data, the accuser's identity, write-off
// approval — go to no role: the security administrator grants them through a county role.
export const permissions: PermissionDefinition[] = [
  { key: 'petitions.read', name: '查看信访事项', defaultRoles: ['leader', 'supervisor', 'liaison'] },
  { key: 'petitions.register', name: '登记来信来访', defaultRoles: ['supervisor'] },
  { key: 'petitions.route', name: '转送交办信访事项', defaultRoles: ['supervisor'] },
  { key: 'petitions.conclude', name: '信访事项结案（化解、息访、终结）', defaultRoles: ['leader', 'supervisor'] },
  { key: 'petitions.writeoff', name: '审批核销', defaultRoles: [] },
  { key: 'petitions.relief', name: '救助申请与审批', defaultRoles: ['leader', 'supervisor'] },
  { key: 'petitions.reveal', name: '查看信访人完整个人信息', defaultRoles: [] },
  { key: 'petitions.accusations', name: '查看检举控告人身份', defaultRoles: [] },
  { key: 'petitions.visits', name: '安排领导接访、下访、约访、回访', defaultRoles: ['leader', 'supervisor'] },
  { key: 'petitions.stats', name: '查看信访统计', defaultRoles: ['leader', 'supervisor'] },
  { key: 'petitions.import', name: '导入历史信访台账', defaultRoles: ['supervisor'] },
];

const P = 'petition';
/** Reading a petition's kernel case and the organisations of the user's scope: every procedure does. */
const reads = ['orgs.list', `cases.read:${P}`] as const;

/**
 * The kernel operations (ctx.kernel) each permission's procedures call; any other call is
 * refused. Whether the user may take a kernel step (交办 needs cases.assign) is still the
 * kernel's own check: this only bounds what the plugin may ask for.
 */
export const kernelAccess: Partial<Record<string, readonly KernelOperation[]>> = {
  'petitions.read': [...reads, `cases.acknowledge:${P}`, `cases.submitResult:${P}`, `cases.clocks:${P}`],
  'petitions.register': [...reads, `cases.register:${P}`, `cases.clocks:${P}`],
  'petitions.route': [...reads, `cases.assign:${P}`, `cases.submitForApproval:${P}`, `cases.approve:${P}`, `cases.clocks:${P}`],
  'petitions.conclude': [...reads, `cases.review:${P}`, `cases.withdraw:${P}`, `cases.clocks:${P}`],
  'petitions.writeoff': [...reads, `cases.review:${P}`, `cases.withdraw:${P}`],
  'petitions.relief': [...reads],
  'petitions.reveal': [...reads],
  'petitions.accusations': [...reads],
  'petitions.visits': [...reads],
  'petitions.stats': [...reads],
  'petitions.import': [...reads, `cases.register:${P}`, `cases.review:${P}`, `cases.withdraw:${P}`],
};
