// Every user-facing word of the plugin API, in one place.
export const apiStrings = {
  unauthenticated: '请先登录；如果已登录，可能因长时间未操作已自动退出，请重新登录',
  /** The one "no permission" message: one permission's name, or several any of which would do. */
  forbidden: (permissionName: string | readonly string[]) =>
    `您没有「${typeof permissionName === 'string' ? permissionName : permissionName.join('」或「')}」权限，请联系安全管理员分配`,
  badInput: '提交的内容有误',
  notFound: '要操作的记录不存在，或您无权查看',
  conflict: '该记录已被他人修改，请刷新页面后重试',
  internal: '系统内部错误，请稍后重试；如果持续出现，请联系系统管理员',
  mustChangePassword: '请先修改初始密码，再进行其他操作',
  tooMany: '操作过于频繁，请稍后再试',
} as const;
