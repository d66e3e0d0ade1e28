import { describe, expect, it } from 'vitest';
import { availableEngines, onPostgres, POSTGRES_REQUIRED_MESSAGE } from './testing.js';

const url = 'postgres://postgres@127.0.0.1:5432/postgres';

describe('which engines the database suites run on', () => {
  it('runs PGlite alone outside CI when no PostgreSQL is configured', () => {
    expect(availableEngines({})).toEqual(['pglite']);
    expect(onPostgres({})).toBe(false);
  });

  it('runs PGlite and PostgreSQL when TEST_DATABASE_URL is set', () => {
    expect(availableEngines({ TEST_DATABASE_URL: url })).toEqual(['pglite', 'postgres']);
    expect(availableEngines({ CI: 'true', TEST_DATABASE_URL: url })).toEqual(['pglite', 'postgres']);
  });

  it('fails in CI without TEST_DATABASE_URL instead of skipping the PostgreSQL suites', () => {
    expect(() => availableEngines({ CI: 'true' })).toThrow(POSTGRES_REQUIRED_MESSAGE);
    expect(() => onPostgres({ CI: '1' })).toThrow(POSTGRES_REQUIRED_MESSAGE);
  });

  it('treats CI=false as outside CI', () => {
    expect(onPostgres({ CI: 'false' })).toBe(false);
  });
});
