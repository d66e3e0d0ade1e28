// Every word of this package that an operator reads (startup refusals and the CLI), in one
// place. Developer-facing errors stay English.
import type { SchemaNewerThanCode } from './migrations.js';

/** The recorded version of an owner whose version row is missing. */
const versionUnknown = '未知';

export const dbStrings = {
  urlInvalid: '不是有效的连接地址，应形如 postgres://用户名:密码@主机:5432/数据库名',
  urlProtocol: (protocol: string) => `协议应为 postgres:// 或 postgresql://，当前为 ${protocol}//`,
  urlNoHost: '缺少主机名',
  urlNoDatabase: '缺少数据库名（地址末尾的 /数据库名）',
  versionUnknown,
  /** The database was migrated by a newer release of the owner. */
  schemaNewer: (d: SchemaNewerThanCode) =>
    `数据库中「${d.owner}」的结构版本为 ${d.databaseVersion}，比当前程序的 ${d.codeVersion} 新（含本程序没有的迁移 ${d.unknownMigrations.join('、')}），拒绝降级运行；请使用 ${d.databaseVersion} 或更高版本的程序`,
  /**
   * The database holds migrations this code does not know, but its recorded version is not
   * newer (the same version number from another build, a migration renamed or removed, or
   * no version recorded): saying "newer" would be false, and the fix is the build that
   * wrote those migrations.
   */
  schemaForeign: (d: SchemaNewerThanCode) =>
    `数据库中「${d.owner}」含本程序没有的迁移 ${d.unknownMigrations.join('、')}（${
      d.databaseVersion === versionUnknown ? '数据库未记录结构版本' : `数据库记录的结构版本为 ${d.databaseVersion}`
    }，当前程序为 ${d.codeVersion}），这些迁移来自另一个构建的程序，拒绝运行；请使用写入这些迁移的程序`,
} as const;
