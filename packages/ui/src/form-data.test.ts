import { describe, expect, it } from 'vitest';
import { form, toFormData } from './form-data.js';

describe('form data', () => {
  it('round-trips a record with repeated fields and drops empty values', () => {
    const fd = toFormData({ name: '城关派出所', ids: ['a', 'b'], version: 3, key: true, skipped: undefined, none: null });
    expect(form.str(fd, 'name')).toBe('城关派出所');
    expect(form.list(fd, 'ids')).toEqual(['a', 'b']);
    expect(form.int(fd, 'version')).toBe(3);
    expect(form.bool(fd, 'key')).toBe(true);
    expect(fd.has('skipped')).toBe(false);
    expect(fd.has('none')).toBe(false);
  });

  it('reads blank optional text as absent and bad JSON as null', () => {
    const fd = toFormData({ note: '   ', data: '{bad' });
    expect(form.optStr(fd, 'note')).toBeUndefined();
    expect(form.json(fd, 'data')).toBeNull();
    expect(form.int(fd, 'missing', 7)).toBe(7);
  });
});
