import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address.js';

const oneProxy = { trustProxy: true, hops: 1 };

describe('the client address', () => {
  it('is the entry the trusted proxy appended, whatever the client wrote before it', () => {
    expect(clientAddress('10.0.0.1, 198.51.100.7, 203.0.113.5', '192.0.2.1', oneProxy)).toBe('203.0.113.5');
  });

  it('is the entry as many places from the end as there are trusted proxies', () => {
    expect(clientAddress('10.0.0.1, 198.51.100.7, 203.0.113.5', '192.0.2.1', { trustProxy: true, hops: 2 })).toBe('198.51.100.7');
  });

  it('is the first entry when the request passed fewer proxies than counted', () => {
    expect(clientAddress('203.0.113.5', '192.0.2.1', { trustProxy: true, hops: 3 })).toBe('203.0.113.5');
  });

  it('drops the port and brackets some proxies add', () => {
    expect(clientAddress('203.0.113.5:51234', null, oneProxy)).toBe('203.0.113.5');
    expect(clientAddress('[2001:db8::7]:51234', null, oneProxy)).toBe('2001:db8::7');
    expect(clientAddress('2001:db8::7', null, oneProxy)).toBe('2001:db8::7');
  });

  it('is the socket’s peer when the appended entry is no address, or no proxy is trusted', () => {
    expect(clientAddress('203.0.113.5, unknown', '192.0.2.1', oneProxy)).toBe('192.0.2.1');
    expect(clientAddress('203.0.113.5', '192.0.2.1', { trustProxy: false, hops: 1 })).toBe('192.0.2.1');
    expect(clientAddress(undefined, '192.0.2.1', oneProxy)).toBe('192.0.2.1');
  });
});
