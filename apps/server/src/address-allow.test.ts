import { describe, expect, it } from 'vitest';
import { addressAllowList, allowEntries, allowEntryProblem, DEFAULT_METRICS_ALLOW } from './address-allow.js';

describe('an address allow-list', () => {
  it('allows only the loopback addresses by default', () => {
    const list = addressAllowList(allowEntries(DEFAULT_METRICS_ALLOW));
    expect(list.allows('127.0.0.1')).toBe(true);
    expect(list.allows('::1')).toBe(true);
    expect(list.allows('127.0.0.2')).toBe(false);
    expect(list.allows('203.0.113.5')).toBe(false);
  });

  it('matches a CIDR range of either family', () => {
    const list = addressAllowList(allowEntries('10.20.0.0/16, 2001:db8::/32'));
    expect(list.allows('10.20.255.1')).toBe(true);
    expect(list.allows('10.21.0.1')).toBe(false);
    expect(list.allows('2001:db8:1::9')).toBe(true);
    expect(list.allows('2001:db9::9')).toBe(false);
  });

  it('matches an IPv4 client seen through a dual-stack listener as its IPv4 address', () => {
    const list = addressAllowList(['127.0.0.1', '192.168.5.0/24']);
    expect(list.allows('::ffff:127.0.0.1')).toBe(true);
    expect(list.allows('::ffff:192.168.5.77')).toBe(true);
    expect(list.allows('::ffff:192.168.6.77')).toBe(false);
  });

  it('allows no unknown or malformed address', () => {
    const list = addressAllowList(['0.0.0.0/0']);
    expect(list.allows(null)).toBe(false);
    expect(list.allows('unknown')).toBe(false);
    expect(list.allows('198.51.100.7')).toBe(true);
  });

  it('names what is wrong with an entry', () => {
    expect(allowEntryProblem('10.0.0.0/8')).toBeNull();
    expect(allowEntryProblem('::1')).toBeNull();
    expect(allowEntryProblem('10.0.0.0/33')).toBe('bad-prefix');
    expect(allowEntryProblem('2001:db8::/129')).toBe('bad-prefix');
    expect(allowEntryProblem('10.0.0.0/x')).toBe('bad-prefix');
    expect(allowEntryProblem('localhost')).toBe('not-an-address');
    expect(allowEntryProblem('10.0.0.1/8/2')).toBe('not-an-address');
  });
});
