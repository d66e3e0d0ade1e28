// `pnpm zhengfa <command>`: operator commands against the configured database.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeNewer, SchemaNewerError } from '@zhengfa/db';
import { keyFilePath, parseDataKey, resetPasswordOnServer, VaultError, verifyAuditChain, writeKeyFile, type AuditAnchor } from '@zhengfa/kernel';
import { BackupRefused, runBackup } from './backup/backup.js';
import { ToolError } from './backup/postgres-tools.js';
import { RestoreRefused, runRestore } from './backup/restore.js';
import { BootError, openKernel } from './boot.js';
import { loadConfig } from './config.js';
import { serverStrings } from './strings.js';

const c = serverStrings.cli;

const help = `用法：pnpm zhengfa <命令> [选项]

命令：
  migrate                     执行待执行的数据库迁移（先内核，再按依赖顺序执行各插件）
  status                      查看迁移状态
  init --code <代码> --name <名称> [--admin <用户名>]
                              新建县（区）及其三员（系统管理员、安全管理员、审计管理员）账号
  audit:verify [--tenant <代码>] [--anchor <序号>:<哈希>]
                              校验审计日志哈希链及其链头，指出第一条被篡改或缺失的记录；
                              --anchor 另查链中是否仍有服务日志每天记下的锚点
                              （“audit head <县区代码> <序号> <哈希>”）
  reset-password --username <用户名> [--tenant <代码>]
                              在服务器上直接重置任一账号（包括安全管理员）的密码，
                              打印只显示一次的临时密码，首次登录时必须修改；记入审计日志
  plugins                     列出已安装的插件及其启用状态
  demo:remove [--tenant <代码>]
                              删除首次内置启动时为示范县生成的演示事项（及其文书、会议等），
                              其余数据不动；记入审计日志
  rotate-key                  数据密钥轮换：DATA_KEY 设为新密钥，DATA_KEYS_OLD 列出旧密钥，
                              分批把身份证号、电话、检举控告内容用新密钥重新加密（SM4）并重算
                              盲索引；中断后可重新运行，已换新的不再处理
  backup <文件> [--force]      把数据库（PostgreSQL 用 pg_dump；内置数据库由运行中的服务导出，
                              服务未运行时直接读取）和 DATA_DIR 下的附件、导出文件备份到一个文件，
                              附清单（版本、迁移历史、每个条目的 SHA-256）；--force 覆盖已有文件
  restore <文件> [--force]     先校验备份的 SHA-256 和版本（拒绝来自更新程序的备份），再恢复到
                              空的数据库和 DATA_DIR，校验审计日志哈希链并列出恢复的内容；
                              --force 用备份替换目标中已有的数据。恢复前请先停止服务

环境变量与 pnpm start 相同（DATABASE_URL、DATA_DIR、PLUGINS 等）。`;

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      admin: { type: 'string' },
      tenant: { type: 'string' },
      anchor: { type: 'string' },
      username: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (!command || values.help) {
    out(help);
    return command ? 0 : 1;
  }
  const result = loadConfig();
  if (!result.ok) {
    process.stderr.write(`${result.error}\n`);
    return 1;
  }
  // Before the database is opened here: the embedded one may belong to a running server.
  if (command === 'backup' || command === 'restore') {
    const file = positionals[1];
    if (!file) {
      process.stderr.write(`${command === 'backup' ? serverStrings.backup.needsFile : serverStrings.restore.needsFile}\n`);
      return 1;
    }
    // Relative to where the operator ran pnpm (pnpm runs this script in apps/server).
    const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
    if (command === 'backup') {
      await runBackup(result.config, target, { force: values.force });
      return 0;
    }
    return (await runRestore(result.config, target, { force: values.force })).auditIntact ? 0 : 2;
  }
  const { kernel, database } = await openKernel(result.config);
  try {
    switch (command) {
      case 'migrate': {
        const { applied } = await kernel.migrate();
        await kernel.prepare();
        out(applied.length === 0 ? '没有待执行的迁移，数据库已是最新。' : `已执行 ${applied.length} 个迁移：`);
        for (const a of applied) out(`  ${a.owner} ${a.name}`);
        return 0;
      }
      case 'status': {
        const status = await kernel.migrationStatus();
        out(`数据库：${database.describe}`);
        for (const n of status.newer) out(`拒绝：${describeNewer(n)}`);
        out(status.pending.length === 0 ? '没有待执行的迁移。' : `待执行的迁移 ${status.pending.length} 个：`);
        for (const p of status.pending) out(`  ${p.owner} ${p.name}`);
        return status.newer.length > 0 ? 1 : 0;
      }
      case 'init': {
        if (!values.code || !values.name) {
          process.stderr.write('init 需要 --code <6位行政区划代码> 和 --name <县区名称>\n');
          return 1;
        }
        const status = await kernel.migrationStatus();
        if (status.pending.length > 0) {
          process.stderr.write('数据库还有待执行的迁移，请先运行：pnpm zhengfa migrate\n');
          return 1;
        }
        const accounts = await kernel.provisionTenant({ code: values.code, name: values.name, admins: values.admin ? { sysadmin: values.admin } : undefined });
        out(`已创建 ${values.name}（${values.code}）。三员账号如下，初始密码只显示这一次，首次登录时必须修改：`);
        for (const a of accounts) out(`  ${a.roleName}  用户名 ${a.username}  初始密码 ${a.password}`);
        return 0;
      }
      case 'audit:verify': {
        let anchor: AuditAnchor | undefined;
        if (values.anchor !== undefined) {
          const m = /^(\d{1,18}):([0-9a-f]{64})$/i.exec(values.anchor.trim());
          if (!m) {
            process.stderr.write(`${c.anchorFormat}\n`);
            return 1;
          }
          if (!values.tenant) {
            process.stderr.write(`${c.anchorNeedsTenant}\n`);
            return 1;
          }
          anchor = { seq: Number(m[1]), hash: m[2]!.toLowerCase() };
        }
        const r = await verifyAuditChain(database.db, values.tenant, { anchor });
        if (r.ok) {
          out(c.auditIntact(r.checked));
          if (anchor) out(c.auditAnchorHeld(values.tenant!, anchor.seq));
          return 0;
        }
        out(c.auditBroken(r.firstBroken!.tenantId, r.firstBroken!.seq, c.auditReasons[r.firstBroken!.reason]));
        return 2;
      }
      case 'reset-password': {
        if (!values.username) {
          process.stderr.write(`${c.resetNeedsUsername}\n`);
          return 1;
        }
        if ((await kernel.migrationStatus()).pending.length > 0) {
          process.stderr.write(`${c.pendingMigrations}\n`);
          return 1;
        }
        const r = await resetPasswordOnServer(kernel.db, { username: values.username, ...(values.tenant ? { tenantId: values.tenant } : {}) });
        out(c.resetDone(r.displayName, r.username, r.tenantId));
        out(c.resetPassword(r.password));
        return 0;
      }
      case 'demo:remove': {
        const { removed } = await kernel.removeDemoYear(values.tenant);
        out(removed === 0 ? c.demoNone : c.demoRemoved(removed));
        return 0;
      }
      case 'rotate-key': {
        if (!result.config.dataKey) {
          process.stderr.write(`${c.rotateNeedsKey}\n`);
          return 1;
        }
        if ((await kernel.migrationStatus()).pending.length > 0) {
          process.stderr.write(`${c.pendingMigrations}\n`);
          return 1;
        }
        const report = await kernel.rotateKey();
        for (const col of report.columns) out(c.rotateColumn(col.table, col.column, col.resealed));
        out(c.rotateDone(report.total, kernel.vault.keyId));
        // The embedded database without DATA_KEY reads the key file: it now holds the new key.
        if (!result.config.databaseUrl && existsSync(keyFilePath(result.config.dataDir))) {
          writeKeyFile(result.config.dataDir, parseDataKey(result.config.dataKey));
          out(c.rotateKeyFile(keyFilePath(result.config.dataDir)));
        }
        return 0;
      }
      case 'plugins': {
        out(`内核版本 ${kernel.host.kernelVersion}`);
        if (kernel.host.installed.length === 0) out('尚未安装任何插件。');
        for (const p of kernel.host.installed) {
          out(`  ${p.id.padEnd(14)} ${p.name}  ${p.version}  要求内核 ${p.kernelRange}  ${p.enabled ? '已启用' : '未启用'}${p.compatible ? '' : '（与内核不兼容）'}`);
        }
        return 0;
      }
      default:
        process.stderr.write(`未知命令「${command}」\n\n${help}\n`);
        return 1;
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    if (err instanceof BootError || err instanceof SchemaNewerError || err instanceof BackupRefused || err instanceof RestoreRefused || err instanceof ToolError || err instanceof VaultError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`命令失败：${(err as Error)?.message?.split('\n')[0] ?? String(err)}\n`);
    process.exit(1);
  });
