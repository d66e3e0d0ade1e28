import { describe, expect, it } from 'vitest';
import { passwordAction } from './password-action.js';

const system = { manage: true, unlock: false };
const security = { manage: false, unlock: true };
const user = (duties: string[], id = 'u1') => ({ id, duties });

describe('passwordAction', () => {
  it('gives the system administrator the reset of accounts without security or audit duties', () => {
    expect(passwordAction(system, user([]), 'me')).toBe('resetPassword');
    expect(passwordAction(system, user(['system']), 'me')).toBe('resetPassword');
  });

  it('gives the system administrator no reset of an audit administrator', () => {
    expect(passwordAction(system, user(['audit']), 'me')).toBeNull();
  });

  it("gives the security administrator the reset of an audit administrator and of no one else", () => {
    expect(passwordAction(security, user(['audit']), 'me')).toBe('resetAuditorPassword');
    expect(passwordAction(security, user([]), 'me')).toBeNull();
  });

  it("offers both a request for a security administrator's reset, never for their own account", () => {
    expect(passwordAction(system, user(['security']), 'me')).toBe('requestReset');
    expect(passwordAction(security, user(['security']), 'me')).toBe('requestReset');
    expect(passwordAction(security, user(['security'], 'me'), 'me')).toBeNull();
  });

  it('offers nothing to an account without either duty', () => {
    expect(passwordAction({ manage: false, unlock: false }, user(['security']), 'me')).toBeNull();
    expect(passwordAction({ manage: false, unlock: false }, user([]), 'me')).toBeNull();
  });
});
