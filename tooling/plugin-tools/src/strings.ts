// Every word the plugin tools print for people, in Chinese.
export const toolStrings = {
  usage: '用法：pnpm create-plugin <插件标识> --name <中文名称>\n例如：pnpm create-plugin mediation --name 联合调处',
  badId: (id: string) => `插件标识「${id}」无效：须以小写字母开头，只含小写字母、数字和下划线，共 2 至 31 个字符（它将成为数据库模式名、接口前缀和权限前缀）`,
  reservedId: (id: string) => `插件标识「${id}」为内核保留字，请换一个`,
  folderExists: (folder: string) => `目录 ${folder} 已存在，请换一个插件标识`,
  alreadyListed: (pkg: string) => `插件包「${pkg}」已在插件安装清单（apps/server/plugins.json）中`,
  badName: (name: string) => `插件名称「${name}」无效：请用 --name 给出中文名称（不超过 20 个字），它显示在控制台的导航和功能模块页中`,
  created: (folder: string) => `已生成插件：${folder}`,
  registered: (pkg: string) => `已列入插件安装清单 apps/server/plugins.json，并加入 apps/server 的依赖：${pkg}`,
  changeset: (file: string) => `已添加变更集：${file}`,
  installing: '正在运行 pnpm install，链接新插件……',
  installFailed: (code: number | null) => `pnpm install 未成功（退出码 ${code ?? '未知'}）：请手动运行 pnpm install`,
  next: (id: string, pkg: string) =>
    [
      '下一步：',
      `  pnpm --filter ${pkg} test        # 运行插件的测试`,
      `  pnpm start                        # 重新构建并启动，控制台导航中出现「${id}」的页面`,
      '  阅读 docs/plugin-authors.md 了解插槽、事件与角色默认授权',
    ].join('\n'),
} as const;
