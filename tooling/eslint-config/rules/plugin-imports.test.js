import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { pluginImportsRule } from './plugin-imports.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' } });
const inPlugin = '/repo/plugins/petitions/src/server/visits.ts';

tester.run('plugin-imports', pluginImportsRule, {
  valid: [
    { filename: inPlugin, code: "import { definePlugin } from '@zhengfa/plugin-api';" },
    { filename: inPlugin, code: "import { MaskedText } from '@zhengfa/ui';" },
    { filename: inPlugin, code: "import { renderDocx } from '@zhengfa/documents';" },
    { filename: inPlugin, code: "import type { MediationEvents } from '@zhengfa/plugin-mediation/contract';" },
    { filename: inPlugin, code: "import { z } from 'zod';" },
    { filename: inPlugin, code: "import { strings } from '../strings';" },
    { filename: '/repo/plugins/petitions/src/visits.test.ts', code: "import { startTestKernel } from '@zhengfa/test-utils';" },
    { filename: '/repo/packages/kernel/src/index.ts', code: "import { db } from '@zhengfa/db';" },
  ],
  invalid: [
    { filename: inPlugin, code: "import { cases } from '@zhengfa/kernel';", errors: [{ messageId: 'foreignPackage' }] },
    { filename: inPlugin, code: "import { createDb } from '@zhengfa/db';", errors: [{ messageId: 'foreignPackage' }] },
    { filename: inPlugin, code: "import { x } from '@zhengfa/plugin-mediation/src/server/sessions';", errors: [{ messageId: 'foreignInternals' }] },
    { filename: inPlugin, code: "import { x } from '@zhengfa/plugin-mediation';", errors: [{ messageId: 'foreignInternals' }] },
    { filename: inPlugin, code: "import { x } from '../../../../packages/kernel/src/index';", errors: [{ messageId: 'leavesPlugin' }] },
    { filename: inPlugin, code: "export * from '@zhengfa/kernel';", errors: [{ messageId: 'foreignPackage' }] },
    { filename: inPlugin, code: "const k = await import('@zhengfa/kernel');", errors: [{ messageId: 'foreignPackage' }] },
    { filename: inPlugin, code: "import { startTestKernel } from '@zhengfa/test-utils';", errors: [{ messageId: 'foreignPackage' }] },
  ],
});
