import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password.js';

const county = { id: '431121', name: '祁阳县' };

describe('the password policy', () => {
  it('refuses a common password with a capital and a digit added', () => {
    expect(passwordProblem('Password1', 'zhangsan', county)).toBe('密码太容易被猜中：它是常用密码或常用密码的简单变形。请换用更长、更不常见的组合');
  });

  it('refuses a password that is one character repeated around a few others', () => {
    expect(passwordProblem('Aa1aaaaa', 'zhangsan', county)).toBe('密码太容易被猜中：它含有重复的字符或片段（如 aaa、abcabc）。请换用更长、更不常见的组合');
  });

  it('refuses the published demo password, in any case', () => {
    expect(passwordProblem('Zhengfa@2026', 'zhangsan', county)).toBe('不能使用公开的演示密码，请另设一个');
    expect(passwordProblem('zHENGFA@2026', 'zhangsan', county)).toBe('不能使用公开的演示密码，请另设一个');
  });

  it('refuses a variation of the demo password as close to this system’s name', () => {
    expect(passwordProblem('Zhengfa@2027', 'zhangsan', county)).toBe('密码太容易被猜中：它与用户名、所在县（区）或本系统的名称相近。请换用更长、更不常见的组合');
  });

  it('refuses a password containing the user name', () => {
    expect(passwordProblem('Zhangsan#8841', 'zhangsan', county)).toBe('密码不能包含用户名');
  });

  it('refuses a password containing the county’s code or name', () => {
    expect(passwordProblem('Kq#431121x', 'zhangsan', county)).toBe('密码不能包含所在县（区）的名称或行政区划代码');
    expect(passwordProblem('Kq#祁阳县7x', 'zhangsan', county)).toBe('密码不能包含所在县（区）的名称或行政区划代码');
    expect(passwordProblem('Kq#祁阳7xy', 'zhangsan', county)).toBe('密码不能包含所在县（区）的名称或行政区划代码');
  });

  it('refuses a keyboard walk', () => {
    expect(passwordProblem('1qaz@WSX', 'zhangsan', county)).toMatch(/^密码太容易被猜中：它(是常用密码|含有键盘上相邻的按键)/);
  });

  it('accepts an uncommon password of three classes', () => {
    expect(passwordProblem('Xinmima#2027', 'zhangsan', county)).toBeNull();
    expect(passwordProblem('Court-2026!', 'zhangsan', county)).toBeNull();
  });

  it('still refuses short passwords and too few classes first', () => {
    expect(passwordProblem('Aa1!', 'zhangsan', county)).toBe('密码至少需要 8 位');
    expect(passwordProblem('alllowercase1', 'zhangsan', county)).toBe('密码需同时包含大写字母、小写字母、数字、特殊字符中的至少三类');
  });
});
