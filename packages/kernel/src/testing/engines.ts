// Runs one suite on every supported engine: PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set. In CI (CI=true) PostgreSQL is required: without it the suites
// fail rather than run on PGlite alone (.ci/run starts PostgreSQL and sets the URL).
import { describe } from 'vitest';
import { availableEngines, onPostgres, postgresRequired, type TestEngine } from '@zhengfa/db/testing';

export { availableEngines, onPostgres, postgresRequired, type TestEngine };

export function describeEachEngine(title: string, suite: (engine: TestEngine) => void): void {
  for (const engine of availableEngines()) {
    describe(`${title} [${engine}]`, () => suite(engine));
  }
}
