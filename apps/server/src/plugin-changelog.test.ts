import { describe, expect, it } from 'vitest';
import { installedReleaseNotes, latestReleaseNotes, packageDirOf } from './plugin-changelog.js';

const CHANGELOG = `# @zhengfa/plugin-petitions

## 0.3.0

### Minor Changes

- 1a2b3c4: 核销改为一人申请、另一人审批；统计中单列核销与终结件数。
- 5d6e7f8: 导入支持单位简称和别名，
  并在试导入中列出跳过的合计行。

### Patch Changes

- 9a8b7c6: 修正导出标题行。
- Updated dependencies [1a2b3c4]
  - @zhengfa/plugin-api@0.3.0

## 0.2.0

### Minor Changes

- 0000000: 旧版本的改动。
`;

describe('latestReleaseNotes', () => {
  it('reads the version and every entry of the first section, continuation lines joined', () => {
    expect(latestReleaseNotes(CHANGELOG)).toEqual({
      version: '0.3.0',
      changes: [
        { kind: 'minor', text: '核销改为一人申请、另一人审批；统计中单列核销与终结件数。' },
        { kind: 'minor', text: '导入支持单位简称和别名，并在试导入中列出跳过的合计行。' },
        { kind: 'patch', text: '修正导出标题行。' },
      ],
    });
  });

  it('gives null for a changelog without any version section', () => {
    expect(latestReleaseNotes('# @zhengfa/plugin-demo\n')).toBeNull();
  });
});

describe('packageDirOf', () => {
  it('finds the folder of an installed plugin package from its entry', () => {
    expect(packageDirOf('@zhengfa/plugin-petitions')).toMatch(/plugins\/petitions$/);
  });

  it('gives null for a package that is not installed', () => {
    expect(packageDirOf('@zhengfa/plugin-not-installed')).toBeNull();
  });
});

describe('installedReleaseNotes', () => {
  it('gives each plugin of the install list its package’s notes by id, null for a package not installed', () => {
    expect(installedReleaseNotes(['@zhengfa/no-such-plugin'], [{ id: 'ghost' }])).toEqual({ ghost: null });
  });
});
