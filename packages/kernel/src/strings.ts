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
    wrongCredentials: '用户名或密码错误',
    wrongCredentialsRemaining: (n: number) => `用户名或密码错误，再错 ${n} 次账号将被锁定 15 分钟`,
    locked: (until: string) => `账号因多次密码错误已被锁定，请于 ${until} 后再试，或联系安全管理员解锁`,
    lockedNow: (minutes: number) => `密码连续错误次数过多，账号已被锁定 ${minutes} 分钟`,
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
  },
  roles: {
    notFound: '角色不存在',
    duplicateName: (n: string) => `已有名为「${n}」的角色`,
    unknownPermission: (p: string) => `权限「${p}」不存在`,
    builtinImmutable: '内置角色的名称和权限不能修改，如需调整请新建角色',
    separationOfDuties: (a: string, b: string) =>
      `违反三员分立：「${a}」与「${b}」的权限不能由同一角色或同一用户同时拥有`,
  },
  audit: {
    chainOk: (n: number) => `审计日志完整，已校验 ${n} 条记录`,
    chainBroken: (tenant: string, seq: number) => `审计日志在 ${tenant} 的第 ${seq} 条记录处被篡改或缺失`,
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
  },
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
  'users.unlock': '解锁账号',
  'roles.create': '新建角色',
  'roles.update': '修改角色',
  'tenants.create': '新建县（区）',
  'audit.verify': '校验审计日志',
};
