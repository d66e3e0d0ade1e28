// Every word the server prints for people: operators at the terminal and users in the browser.
export const serverStrings = {
  consoleMissingTitle: '控制台未构建',
  consoleMissing: '管理控制台尚未构建。请在项目根目录运行 pnpm build 后重新启动（pnpm start 会自动构建）。',
  internalError: '系统内部错误，请稍后重试',
  cannotConnect: (target: string, reason: string) => `无法连接数据库 ${target}：${reason}。请检查 DATABASE_URL 以及数据库服务是否已启动`,
  pendingMigrations: (n: number, list: string) =>
    `数据库有 ${n} 个待执行的迁移（${list}），服务拒绝启动。请先运行：pnpm zhengfa migrate`,
  pluginHost: (message: string) => `插件配置错误：${message}`,
  started: (url: string) => `政法执法监督平台已启动：${url}`,
  database: (d: string) => `数据库：${d}`,
  demoSeeded: '已创建示范县（示范县，代码 990001）及演示账号：',
  demoAccounts: '演示账号',
  demoPassword: (p: string) => `演示密码（所有演示账号相同）：${p}`,
  noTenant: '数据库中还没有任何县（区）。请运行：pnpm zhengfa init --code <6位行政区划代码> --name <县区名称>',
  shuttingDown: '正在停止服务，等待进行中的请求完成……',
  stopped: '服务已停止',
} as const;
