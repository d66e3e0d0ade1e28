import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, startTestKernel, type TestKernel } from '../testing/index.js';
import { DEMO_PASSWORD } from '../seed/demo.js';
import { hashPassword } from './password.js';

describeEachEngine('changing one’s password', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
  });
  afterAll(() => t.stop());

  const change = async (newPassword: string) => (await t.signIn('leader')).caller.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword });

  it('refuses Password1 as a common password', async () => {
    await expect(change('Password1')).rejects.toThrow('密码太容易被猜中：它是常用密码或常用密码的简单变形');
  });

  it('refuses Aa1aaaaa as easy to guess', async () => {
    await expect(change('Aa1aaaaa')).rejects.toThrow('密码太容易被猜中：它含有重复的字符或片段（如 aaa、abcabc）');
  });

  it('refuses the published demo password', async () => {
    // An account whose password is not the demo one, so that only the blocklist can refuse.
    await sql`update kernel.users set password_hash = ${await hashPassword('Kaishi#5071')} where username = 'liaison'`.execute(t.database.db);
    const { caller } = await t.signIn('liaison', 'Kaishi#5071');
    await expect(caller.auth.changePassword({ currentPassword: 'Kaishi#5071', newPassword: DEMO_PASSWORD })).rejects.toThrow('不能使用公开的演示密码，请另设一个');
  });

  it('refuses the county’s code and name', async () => {
    await expect(change('Kq#990001x')).rejects.toThrow('密码不能包含所在县（区）的名称或行政区划代码');
    await expect(change('Kq#示范县7x')).rejects.toThrow('密码不能包含所在县（区）的名称或行政区划代码');
  });

  it('accepts an uncommon password, which then signs in', async () => {
    await change('Xinmima#2027');
    expect((await (await t.signIn('leader', 'Xinmima#2027')).caller.auth.me())?.user.username).toBe('leader');
  });
});
