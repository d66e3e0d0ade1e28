import { describe, expect, it } from 'vitest';
import { defaultHidden, readHidden, settingsStorageKey, visibleKeys, writeHidden } from './column-settings.js';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

const columns = [{ key: 'docNo', locked: true }, { key: 'title' }, { key: 'parties', hiddenByDefault: true }, { key: 'actions', locked: true }];

describe('column settings', () => {
  it('keeps each user’s choice for each list under its own key', () => {
    expect(settingsStorageKey('cases', 'u1')).toBe('zf.columns.u1.cases');
    expect(settingsStorageKey('cases', null)).toBe('zf.columns.anonymous.cases');
  });

  it('reads back what was written, and nothing when the user never chose', () => {
    const storage = memoryStorage();
    expect(readHidden(storage, 'k')).toBeNull();
    writeHidden(storage, 'k', ['title']);
    expect(readHidden(storage, 'k')).toEqual(['title']);
    writeHidden(storage, 'k', null);
    expect(readHidden(storage, 'k')).toBeNull();
  });

  it('ignores a stored value that is not a list of keys', () => {
    const storage = memoryStorage();
    storage.setItem('k', '{"x":1}');
    expect(readHidden(storage, 'k')).toBeNull();
    storage.setItem('k', 'not json');
    expect(readHidden(storage, 'k')).toBeNull();
  });

  it('hides by default only the columns marked so', () => {
    expect(defaultHidden(columns)).toEqual(['parties']);
  });

  it('always shows a locked column even when it is stored as hidden', () => {
    expect([...visibleKeys(columns, ['docNo', 'title'])]).toEqual(['docNo', 'parties', 'actions']);
  });
});
