// Every word the release tools print for people, in Chinese.
export const releaseStrings = {
  clean: '发布检查通过：自上次版本以来有改动的包都带有变更集（.changeset）。',
  unreleasedHeader: (n: number) => `发布检查未通过：${n} 个包自上次版本以来有改动，但没有变更集：`,
  unreleasedLine: (name: string, dir: string, since: string | null, files: number) =>
    `  ${name}（${dir}）：${since ? `自 ${since.slice(0, 8)} 以来` : '尚未提交过版本'}改动了 ${files} 个文件`,
  unreleasedHint: '请为每个包运行 pnpm changeset 写明改动（插件的变更说明用中文，它显示在控制台的功能模块页）。',
  rangeUpdated: (name: string, from: string, to: string) => `已更新 ${name} 的内核版本范围：${from} → ${to}`,
  rangeKept: (name: string, range: string, kernel: string) => `${name} 的内核版本范围 ${range} 已包含内核 ${kernel}，未改动`,
  rangeMissing: (name: string) => `插件包 ${name} 的 package.json 缺少 zhengfa.kernel（内核版本范围）`,
  noKernel: '找不到内核包 @zhengfa/kernel',
} as const;
