import { describe, expect, it } from 'vitest';
import { shownFieldErrors } from './form-error-announcer.js';

const fakeRoot = (texts: (string | null)[]) => ({ querySelectorAll: () => texts.map((t) => ({ textContent: t })) }) as unknown as ParentNode;

describe('shownFieldErrors', () => {
  it('lists each shown field message once, in page order, skipping empty ones', () => {
    expect(shownFieldErrors(fakeRoot(['请填写标题', ' ', null, '请选择承办单位', '请填写标题']))).toEqual(['请填写标题', '请选择承办单位']);
  });
});
