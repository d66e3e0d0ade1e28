import { describe, expect, it } from 'vitest';
import type { MigrationSet } from '@zhengfa/db';
import { schemaFingerprint, staleMigrations } from './schema-fingerprint.js';

function set(owner: string, migrations: Record<string, () => Promise<void>>): MigrationSet {
  return { owner, version: '1.0.0', migrations: Object.fromEntries(Object.entries(migrations).map(([k, up]) => [k, { up }])) } as MigrationSet;
}

describe('schema fingerprint', () => {
  it('lets a database be reused when only newer migrations were added since it was generated', () => {
    const before = schemaFingerprint([set('kernel', { '0001_init': async () => {} })]);
    const after = schemaFingerprint([set('kernel', { '0001_init': async () => {}, '0002_more': async () => {} })]);
    expect(staleMigrations(before, after)).toEqual([]);
  });

  it('names a migration the database ran whose code has since changed', () => {
    const before = schemaFingerprint([set('inspections', { '0001_inspections': async () => { await Promise.resolve('create table a') } })]);
    const after = schemaFingerprint([set('inspections', { '0001_inspections': async () => { await Promise.resolve('create table b') } })]);
    expect(staleMigrations(before, after)).toEqual(['inspections/0001_inspections']);
  });

  it('names a migration the database ran that is gone', () => {
    const before = schemaFingerprint([set('mediation', { '0001_mediation': async () => {} })]);
    expect(staleMigrations(before, {})).toEqual(['mediation/0001_mediation']);
  });

  it('treats a database generated before fingerprints were recorded as stale', () => {
    expect(staleMigrations(undefined, {})).toEqual(['(no fingerprint recorded)']);
  });
});
