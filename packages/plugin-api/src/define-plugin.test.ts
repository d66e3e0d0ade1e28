import { describe, expect, it } from 'vitest';
import { definePlugin } from './define-plugin.js';

const base = { id: 'notes', name: '记事', version: '0.1.0', kernel: '^0.3.0' };

describe('definePlugin', () => {
  it('accepts a writesOnRefusal table of its own schema with a reason', () => {
    expect(definePlugin({ ...base, writesOnRefusal: { lookup_attempts: 'every look-up is counted' } }).writesOnRefusal).toEqual({ lookup_attempts: 'every look-up is counted' });
  });

  it('refuses a writesOnRefusal table named with a schema', () => {
    expect(() => definePlugin({ ...base, writesOnRefusal: { 'kernel.audit_log': 'audited' } })).toThrow(
      "Plugin 'notes' declares writesOnRefusal 'kernel.audit_log': name a table of its own schema (lower case, no schema) and say why a refused call writes it",
    );
  });

  it('refuses a writesOnRefusal table given no reason', () => {
    expect(() => definePlugin({ ...base, writesOnRefusal: { lookup_attempts: ' ' } })).toThrow(
      "Plugin 'notes' declares writesOnRefusal 'lookup_attempts': name a table of its own schema (lower case, no schema) and say why a refused call writes it",
    );
  });
});
