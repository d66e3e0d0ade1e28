import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { busyButtonRule } from './busy-button.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
});
const file = '/repo/apps/admin/app/routes/page.tsx';

tester.run('busy-button', busyButtonRule, {
  valid: [
    { filename: file, code: "import { Button } from 'antd';\nconst a = <Button type=\"primary\">登记</Button>;" },
    { filename: file, code: "import { BusyButton } from '@zhengfa/ui';\nconst a = <BusyButton loading={busy}>登记</BusyButton>;" },
    { filename: file, code: "import { Table } from 'antd';\nconst a = <Table loading={busy} />;" },
    { filename: file, code: "import { Button } from './my-button';\nconst a = <Button loading />;" },
  ],
  invalid: [
    { filename: file, code: "import { Button } from 'antd';\nconst a = <Button loading={busy}>登记</Button>;", errors: [{ messageId: 'useBusyButton' }] },
    { filename: file, code: "import { Button as AntButton } from 'antd';\nconst a = <AntButton htmlType=\"submit\" loading />;", errors: [{ messageId: 'useBusyButton' }] },
  ],
});
