import { addUserWithPermissions, describeEachEngine, orgIdByName, startTestKernel, type TestKernel } from '@zhengfa/test-utils';
import { afterAll, beforeAll, expect, it } from 'vitest';
import plugin from '../index.js';
import { auditCount, count, personnel, validId } from '../test/helpers.js';

const ID = validId('43112119850615123');

describeEachEngine('officer registry', (engine) => {
  let t: TestKernel;
  let admin: any;
  let police: string;
  let court: string;
  let policeOfficer: { id: string; version: number };
  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [plugin] });
    admin = personnel((await t.signIn('supervisor')).caller);
    police = await orgIdByName(t, '示范县公安局');
    court = await orgIdByName(t, '示范县人民法院');
    policeOfficer = await admin.officers.create({
      unitId: police, name: '王警官', officerNo: 'GA001', idNumber: ID, phone: '13812345678', post: '民警', isPartyMember: true,
    });
    await admin.officers.create({ unitId: court, name: '李法官', officerNo: 'FY001' });
  });
  afterAll(() => t.stop());

  it('shows a unit only its own officers, and the committee every unit’s', async () => {
    const liaison = personnel((await t.signIn('liaison')).caller);
    expect((await liaison.officers.list()).items.map((o: any) => o.officerNo)).toEqual(['GA001']);
    expect((await admin.officers.list()).items.map((o: any) => o.officerNo).sort()).toEqual(['FY001', 'GA001']);
  });

  it('tells a unit that another unit’s officer does not exist', async () => {
    const liaison = personnel((await t.signIn('liaison')).caller);
    const court = (await admin.officers.list({ search: 'FY001' })).items[0];
    await expect(liaison.officers.get({ id: court.id })).rejects.toThrow('干警不存在，或不在您的查看范围内');
  });

  it('masks the ID number and the phone in the list', async () => {
    const o = (await admin.officers.list({ search: 'GA001' })).items[0];
    expect([o.idNumber, o.phone]).toEqual(['431***********' + ID.slice(-4), '138****5678']);
  });

  it('stores the ID number sealed, never as written', async () => {
    const r = await t.database.db.selectFrom('personnel.officers' as any).select(['id_number' as any]).where('officer_no' as any, '=', 'GA001').executeTakeFirstOrThrow();
    expect(String((r as any).id_number).startsWith('zv1.')).toBe(true);
  });

  it('refuses the reveal to a user without personnel.reveal', async () => {
    await expect(admin.officers.reveal({ id: policeOfficer.id })).rejects.toThrow('您没有「查看干警完整身份证号与电话」权限');
  });

  it('reveals the ID number and phone to a holder of personnel.reveal, and audits it', async () => {
    const political = await addUserWithPermissions(t, { username: 'zzb', displayName: '周政治', orgName: '示范县委政法委', permissions: ['personnel.read', 'personnel.reveal'] });
    const before = await auditCount(t, 'personnel.officers.reveal', policeOfficer.id);
    const o = await personnel(political.caller).officers.reveal({ id: policeOfficer.id });
    expect([o.idNumber, o.phone]).toEqual([ID, '13812345678']);
    expect(await auditCount(t, 'personnel.officers.reveal', policeOfficer.id)).toBe(before + 1);
  });

  it('refuses an officer number already on the registry, naming the field, and writes nothing', async () => {
    const before = await count(t, 'officers');
    await expect(admin.officers.create({ unitId: court, name: '张三', officerNo: 'GA001' })).rejects.toThrow('「警号」GA001 已登记给另一名干警');
    expect(await count(t, 'officers')).toBe(before);
  });

  it('refuses an ID number with a wrong check digit, naming the field', async () => {
    const bad = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    await expect(admin.officers.create({ unitId: court, name: '张三', officerNo: 'FY009', idNumber: bad })).rejects.toThrow('「身份证号」校验位不正确，请核对');
  });

  it('refuses a correction made on a stale version', async () => {
    const o = await admin.officers.create({ unitId: court, name: '赵书记员', officerNo: 'FY002' });
    await admin.officers.update({ id: o.id, version: 1, unitId: court, name: '赵书记员', officerNo: 'FY002', post: '书记员' });
    await expect(admin.officers.update({ id: o.id, version: 1, unitId: court, name: '赵书记员', officerNo: 'FY002', post: '法官助理' })).rejects.toThrow(
      '该记录已被他人修改，请刷新页面后重试',
    );
  });

  it('moves an officer to retired and keeps the other fields', async () => {
    const o = await admin.officers.create({ unitId: court, name: '钱庭长', officerNo: 'FY003', post: '庭长', isLeader: true });
    await admin.officers.setStatus({ id: o.id, version: 1, status: 'retired' });
    expect(await admin.officers.get({ id: o.id })).toMatchObject({ status: 'retired', post: '庭长', isLeader: true, version: 2 });
  });

  it('links an officer to a user account, one officer per account', async () => {
    const liaisonId = (await t.signIn('liaison')).ctx.user!.id;
    await admin.officers.linkUser({ id: policeOfficer.id, version: policeOfficer.version, userId: liaisonId });
    const other = await admin.officers.create({ unitId: police, name: '孙辅警', officerNo: 'GA002' });
    await expect(admin.officers.linkUser({ id: other.id, version: 1, userId: liaisonId })).rejects.toThrow('「关联账号」已关联另一名干警');
  });

  it('refuses a unit’s user registering an officer of another unit', async () => {
    const unitManager = await addUserWithPermissions(t, { username: 'gazz', displayName: '公安政工', orgName: '示范县公安局', permissions: ['personnel.read', 'personnel.manage'] });
    await expect(personnel(unitManager.caller).officers.create({ unitId: court, name: '周某', officerNo: 'FY010' })).rejects.toThrow('只能登记本单位的干警');
  });
});
