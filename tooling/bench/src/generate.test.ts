import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '@zhengfa/db/testing';
import { describeEachEngine } from '@zhengfa/test-utils';
import { arrayLiteral, BIG_COUNTY_SHARE, buildProvince, COUNTIES, matterText } from './generate.js';
import { Rng, seedOf } from './prng.js';
import { terms2, terms4 } from './scenarios/common.js';

describe('buildProvince', () => {
  it('builds the same province every time', () => {
    expect(buildProvince(10_000)).toEqual(buildProvince(10_000));
  });

  it('shares out exactly the matters asked for, the largest county its fixed share', () => {
    const counties = buildProvince(100_000);
    expect(counties).toHaveLength(COUNTIES);
    expect(counties.reduce((n, c) => n + c.cases, 0)).toBe(100_000);
    expect(counties[0]!.cases).toBe(Math.round(100_000 * BIG_COUNTY_SHARE));
    expect(Math.min(...counties.map((c) => c.cases))).toBeGreaterThan(0);
  });

  it('gives every county the users the scenarios sign in as, in orgs of its own tree', () => {
    for (const c of buildProvince(10_000)) {
      const orgs = new Map(c.orgs.map((o) => [o.id, o]));
      const byName = new Map(c.users.map((u) => [u.username, u]));
      expect(orgs.get(byName.get('supervisor')!.orgId)!.kind).toBe('committee');
      expect(orgs.get(byName.get('liaison')!.orgId)!.kind).toBe('police');
      for (const o of c.orgs) if (o.parentId) expect(o.path.startsWith(orgs.get(o.parentId)!.path)).toBe(true);
      expect(new Set(c.users.map((u) => u.username)).size).toBe(c.users.length);
    }
  });

  it('numbers the counties with distinct codes and names', () => {
    const counties = buildProvince(10_000);
    expect(new Set(counties.map((c) => c.id)).size).toBe(COUNTIES);
    expect(new Set(counties.map((c) => c.name)).size).toBe(COUNTIES);
  });
});

describe('matterText', () => {
  const county = buildProvince(10_000)[3]!;
  const sample = (seed: string, n: number) => {
    const rng = new Rng(seedOf(seed));
    return Array.from({ length: n }, () => matterText(rng, county));
  };

  it('writes the same text from the same seed', () => {
    expect(sample('text', 50)).toEqual(sample('text', 50));
  });

  it('writes text in which every search term of the scenarios is found', () => {
    const texts = sample('terms', 5_000).map((x) => `${x.title} ${x.summary}`);
    for (const term of [...terms2, ...terms4]) expect(texts.some((x) => x.includes(term)), term).toBe(true);
  });

  it('keeps titles within the 100 characters a matter allows and names at least one party', () => {
    for (const x of sample('limits', 2_000)) {
      expect([...x.title].length).toBeLessThanOrEqual(100);
      expect(x.parties.length).toBeGreaterThan(0);
    }
  });
});

describe('arrayLiteral', () => {
  it('quotes every element and writes null and undefined as NULL', () => {
    expect(arrayLiteral(['a', 1, true, null, undefined])).toBe('{"a","1","true",NULL,NULL}');
  });

  it('escapes quotes and backslashes, and keeps commas, braces and the word NULL as text', () => {
    expect(arrayLiteral(['say "hi"', 'C:\\dir', 'a,b', '{x}', 'NULL'])).toBe('{"say \\"hi\\"","C:\\\\dir","a,b","{x}","NULL"}');
  });
});

describeEachEngine('arrayLiteral read by the database', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('gives back exactly the values written, awkward characters included', async () => {
    const values = ['say "hi"', 'C:\\dir', 'a,b', '{x}', 'NULL', '', ' 空 格 ', '张三', null];
    const r = await sql<{ a: (string | null)[] }>`select ${arrayLiteral(values)}::text[] as a`.execute(database.db);
    expect(r.rows[0]!.a).toEqual(values);
  });
});
