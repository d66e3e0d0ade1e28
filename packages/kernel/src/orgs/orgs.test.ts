import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, startTestKernel, type TestKernel } from '../testing/index.js';

describeEachEngine('organisation tree', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
  });
  afterAll(() => t.stop());

  it('seeds the demo county with the committee, the four units, townships and villages', async () => {
    const { caller } = await t.signIn('leader');
    const tree = await caller.orgs.tree();
    const kinds = new Set(tree.map((o) => o.kind));
    for (const k of ['committee', 'police', 'procuratorate', 'court', 'justice', 'township', 'village']) expect(kinds).toContain(k);
    const root = tree.find((o) => o.parentId === null)!;
    expect(root).toMatchObject({ name: '示范县委政法委', kindName: '政法委', depth: 0 });
    expect(tree.find((o) => o.name === '城关派出所')).toMatchObject({ kindName: '公安局', levelName: '乡镇级', depth: 2 });
  });

  it('shows a unit liaison only the unit and its sub-units', async () => {
    const { caller } = await t.signIn('liaison');
    const tree = await caller.orgs.tree();
    expect(tree.map((o) => o.name).sort()).toEqual(['刑事侦查大队', '城关派出所', '示范县公安局', '法制大队'].sort());
  });

  it('creates a sub-unit and records it in the audit log', async () => {
    const { caller } = await t.signIn('admin');
    const police = (await caller.orgs.tree()).find((o) => o.name === '示范县公安局')!;
    const { id } = await caller.orgs.create({ parentId: police.id, name: '交通警察大队', kind: 'department', level: 'county', sortOrder: 5 });
    const created = (await caller.orgs.tree()).find((o) => o.id === id)!;
    expect(created).toMatchObject({ parentId: police.id, depth: 2, kindName: '内设机构' });
    const audit = await (await t.signIn('auditor')).caller.audit.list({ action: 'orgs.create' });
    expect(audit.items[0]).toMatchObject({ targetId: id, actorName: '王系统' });
  });

  it('refuses a duplicate name under the same parent with a clear message', async () => {
    const { caller } = await t.signIn('admin');
    const police = (await caller.orgs.tree()).find((o) => o.name === '示范县公安局')!;
    await expect(caller.orgs.create({ parentId: police.id, name: '城关派出所', kind: 'police', level: 'township', sortOrder: 0 })).rejects.toThrow(
      '同一上级下已有名为「城关派出所」的组织',
    );
  });

  it('refuses to disable an organisation that still has active users', async () => {
    const { caller } = await t.signIn('admin');
    const police = (await caller.orgs.tree()).find((o) => o.name === '示范县公安局')!;
    await expect(caller.orgs.update({ ...police, disabled: true })).rejects.toThrow('下级组织');
  });

  it('refuses a stale edit of an organisation', async () => {
    const { caller } = await t.signIn('admin');
    const org = (await caller.orgs.tree()).find((o) => o.name === '河口村委会')!;
    await caller.orgs.update({ ...org, name: '河口村民委员会' });
    await expect(caller.orgs.update({ ...org, name: '河口村' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
