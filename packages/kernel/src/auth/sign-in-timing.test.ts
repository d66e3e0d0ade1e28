// An unknown user name takes as long to refuse as a real account's wrong password (issue 29,
// finding 9): both verify the password against a hash once, the slow step of a sign-in, so
// the time of the answer does not tell whether a name is an account.
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { describeEachEngine, startTestKernel, type TestKernel } from '../testing/index.js';
import * as password from './password.js';

vi.mock('./password.js', async (importOriginal) => {
  const original = await importOriginal<typeof password>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

describeEachEngine('sign-in timing', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
  });
  afterAll(() => t.stop());
  beforeEach(() => vi.mocked(password.verifyPassword).mockClear());

  const signInAs = async (ip: string, username: string) => {
    const ctx = await t.kernel.createContext({ headers: new Headers(), ip });
    return t.kernel.createCaller(ctx).auth.signIn({ username, password: 'Wrong-pass1' }).catch((e: Error) => e.message);
  };

  it('verifies the password of an unknown user name against a hash once, as for a real account', async () => {
    expect(await signInAs('10.20.0.1', 'leader')).toBe('用户名或密码错误。连续输错 5 次，账号将被锁定 15 分钟');
    expect(vi.mocked(password.verifyPassword)).toHaveBeenCalledTimes(1);
    vi.mocked(password.verifyPassword).mockClear();

    expect(await signInAs('10.20.0.2', 'nosuchuser')).toBe('用户名或密码错误。连续输错 5 次，账号将被锁定 15 分钟');
    expect(vi.mocked(password.verifyPassword)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(password.verifyPassword).mock.calls[0]![0]).toBe(await password.dummyPasswordHash());
  });
});
