// Role defaults (issue 30, item 6): every permission says which built-in roles hold it by
// default; the sensitive ones go to none, and the security administrator grants them.
import { describe, expect, it } from 'vitest';
import { kernelAccess, permissions } from './permissions.js';

describe('petitions permissions', () => {
  it('declares default roles for every permission', () => {
    expect(permissions.filter((p) => !Array.isArray(p.defaultRoles)).map((p) => p.key)).toEqual([]);
  });

  it("gives no role by default the petitioners' personal data, the accuser's identity or write-off approval", () => {
    const sensitive = ['petitions.reveal', 'petitions.accusations', 'petitions.writeoff'];
    expect(permissions.filter((p) => sensitive.includes(p.key)).map((p) => [p.key, p.defaultRoles])).toEqual([
      ['petitions.writeoff', []],
      ['petitions.reveal', []],
      ['petitions.accusations', []],
    ]);
  });

  it('lets only routing assign a petition and only concluding (or write-off approval, or the import) close one', () => {
    const holders = (op: string) => Object.entries(kernelAccess).filter(([, ops]) => ops!.includes(op as never)).map(([k]) => k);
    expect(holders('cases.assign:petition')).toEqual(['petitions.route']);
    expect(holders('cases.review:petition')).toEqual(['petitions.conclude', 'petitions.writeoff', 'petitions.import']);
    expect(holders('cases.register:petition')).toEqual(['petitions.register', 'petitions.import']);
  });
});
