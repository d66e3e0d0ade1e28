// Runs one suite on every supported engine: PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set (CI sets it whenever a server answers on 127.0.0.1:5432).
import { describe } from 'vitest';
import { availableEngines, type TestEngine } from '@zhengfa/db/testing';

export { availableEngines, type TestEngine };

export function describeEachEngine(title: string, suite: (engine: TestEngine) => void): void {
  for (const engine of availableEngines()) {
    describe(`${title} [${engine}]`, () => suite(engine));
  }
}
