import { describe, expect, it } from 'vitest';
import { openPGlite } from './engine.js';
import { describeNewer, historyStatus, migrate, readMigrationHistory } from './migrations.js';
import { dbStrings } from './strings.js';

describe('describeNewer', () => {
  it('calls the database newer when its recorded version is above the code’s', () => {
    const text = describeNewer({ owner: 'petitions', databaseVersion: '1.2.0', codeVersion: '1.1.3', unknownMigrations: ['0004_visits'] });
    expect(text).toBe('数据库中「petitions」的结构版本为 1.2.0，比当前程序的 1.1.3 新（含本程序没有的迁移 0004_visits），拒绝降级运行；请使用 1.2.0 或更高版本的程序');
  });

  it('does not call a database of the same version newer, and names the migrations it does not know', () => {
    const text = describeNewer({ owner: 'kernel', databaseVersion: '0.1.0', codeVersion: '0.1.0', unknownMigrations: ['0013_scope', '0014_x'] });
    expect(text).not.toContain('新');
    expect(text).toContain('含本程序没有的迁移 0013_scope、0014_x');
    expect(text).toContain('数据库记录的结构版本为 0.1.0，当前程序为 0.1.0');
  });

  it('does not call a database newer when its recorded version is older than the code’s', () => {
    const text = describeNewer({ owner: 'mediation', databaseVersion: '1.0.0', codeVersion: '2.0.0', unknownMigrations: ['0002_renamed'] });
    expect(text).not.toContain('比当前程序');
    expect(text).toContain('请使用写入这些迁移的程序');
  });

  it('explains a database whose version was never recorded without comparing versions', () => {
    const text = describeNewer({ owner: 'notes', databaseVersion: dbStrings.versionUnknown, codeVersion: '1.0.0', unknownMigrations: ['0002_tags'] });
    expect(text).toBe(
      '数据库中「notes」含本程序没有的迁移 0002_tags（数据库未记录结构版本，当前程序为 1.0.0），这些迁移来自另一个构建的程序，拒绝运行；请使用写入这些迁移的程序',
    );
  });
});

describe('a recorded migration history', () => {
  const sets = (version: string, names: string[]) => [{ owner: 'kernel', version, migrations: Object.fromEntries(names.map((n) => [n, { up: async () => {} }])) }];

  it('reads back what migrating recorded, by owner', async () => {
    const database = await openPGlite();
    try {
      expect(await readMigrationHistory(database.db)).toEqual({});
      await migrate(database.db, sets('1.2.0', ['0001_a', '0002_b']));
      expect(await readMigrationHistory(database.db)).toEqual({ kernel: { version: '1.2.0', migrations: ['0001_a', '0002_b'] } });
    } finally {
      await database.close();
    }
  }, 60_000);

  it('names the migrations a history has that the code does not, with both versions', () => {
    const status = historyStatus({ kernel: { version: '1.3.0', migrations: ['0001_a', '0002_b', '0003_c'] } }, sets('1.2.0', ['0001_a', '0002_b']));
    expect(status.newer).toEqual([{ owner: 'kernel', databaseVersion: '1.3.0', codeVersion: '1.2.0', unknownMigrations: ['0003_c'] }]);
    expect(status.pending).toEqual([]);
  });

  it('lists what an older history still has to run', () => {
    const status = historyStatus({ kernel: { version: '1.1.0', migrations: ['0001_a'] } }, sets('1.2.0', ['0001_a', '0002_b']));
    expect(status).toEqual({ newer: [], pending: [{ owner: 'kernel', name: '0002_b' }] });
  });
});
