// The files of a new plugin, as `pnpm create-plugin <id> --name <中文名>` writes them: a
// package with its own version and changeset, definePlugin with one permission and its role
// defaults, one migration with a table in the plugin's own schema, procedures with zod input,
// one console page with a navigation entry, a workbench card (a slot), and a test file.
// Everything here is what a plugin author edits next; docs/plugin-authors.md walks through it.

export interface PluginNames {
  /** The plugin id: schema, router key, permission prefix, folder name. */
  id: string;
  /** The Chinese display name. */
  name: string;
  /** The npm package name, e.g. @zhengfa/plugin-demo. */
  packageName: string;
  /** The kernel versions the plugin is built for (package.json `zhengfa.kernel`), e.g. ^0.2.0. */
  kernelRange: string;
}

/** `demo_items` → `DemoItems`; for type names. */
function pascal(id: string): string {
  return id
    .split('_')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function pluginFiles(n: PluginNames): Record<string, string> {
  const { id, name, packageName } = n;
  const P = pascal(id);
  const permission = `${id}.use`;
  return {
    'package.json': json({
      name: packageName,
      version: '0.1.0',
      private: true,
      type: 'module',
      license: 'MIT',
      description: name,
      keywords: ['zhengfa-plugin'],
      // The kernel versions this plugin is built for; `pnpm version-packages` moves it along
      // with the kernel's version, and definePlugin reads it.
      zhengfa: { kernel: n.kernelRange },
      engines: { node: '>=20.11' },
      exports: {
        '.': './src/server/index.ts',
        './admin': './src/admin/index.ts',
        './admin/routes': './src/admin/routes.json',
        './contract': './src/contract.ts',
      },
      scripts: { typecheck: 'tsc -p tsconfig.json', lint: 'eslint .', test: 'vitest run' },
      dependencies: {
        '@ant-design/icons': 'catalog:',
        '@remix-run/react': 'catalog:',
        '@zhengfa/plugin-api': 'workspace:*',
        '@zhengfa/ui': 'workspace:*',
        antd: 'catalog:',
        react: 'catalog:',
      },
      devDependencies: {
        '@types/node': 'catalog:',
        '@types/react': 'catalog:',
        '@zhengfa/eslint-config': 'workspace:*',
        '@zhengfa/test-utils': 'workspace:*',
        '@zhengfa/tsconfig': 'workspace:*',
        '@zhengfa/vitest-config': 'workspace:*',
        eslint: 'catalog:',
        typescript: 'catalog:',
        vitest: 'catalog:',
      },
    }),
    'tsconfig.json': json({
      extends: '@zhengfa/tsconfig/react.json',
      compilerOptions: { types: ['node'] },
      include: ['src', '*.ts'],
    }),
    'eslint.config.js': "export { default } from '@zhengfa/eslint-config';\n",
    'vitest.config.ts': `import { defineConfig } from 'vitest/config';
import { vitestConfig } from '@zhengfa/vitest-config';

export default defineConfig(vitestConfig());
`,
    'README.md': `# ${name}（${id}）

A zhengfa plugin. Made by \`pnpm create-plugin ${id} --name ${name}\`; see docs/plugin-authors.md.

- \`src/server/\`: the plugin (definePlugin), its migrations and procedures (\`trpc.${id}.*\`).
- \`src/admin/\`: its console module (navigation, pages in \`routes.json\`, slots).
- \`src/contract.ts\`: what other plugins may import.

Test: \`pnpm --filter ${packageName} test\`.
`,
    'src/contract.ts': `// What other plugins may depend on: this plugin's id. Nothing else of this package is a public API.
export const ${id.toUpperCase()}_PLUGIN_ID = '${id}';
`,
    'src/server/strings.ts': `// Every user-facing word of the plugin's server entry, in Chinese.
export const strings = {
  name: ${JSON.stringify(name)},
  permission: ${JSON.stringify(`使用${name}`)},
  fields: { title: '标题' },
} as const;
`,
    [`src/server/migrations/0001_${id}.ts`]: `// The plugin's first migration: its own schema and one table. Written, forward-only: never
// edit it once released; add 0002_… instead.
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  await sql\`create schema ${id}\`.execute(db);
  await sql\`create table ${id}.items (
    tenant_id text not null,
    id bigint generated always as identity,
    title text not null,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id)
  )\`.execute(db);
}
`,
    'src/server/db.ts': `// The plugin's own tables, as its migrations create them, and its database handle typed to
// them: only these tables and columns type-check (a misspelt column fails \`tsc\`). The kernel's
// tables are reached through ctx.kernel, never through this handle.
import { ownDatabase, type Generated, type Kysely, type OwnSchema } from '@zhengfa/plugin-api';

export interface ${P}ItemsTable {
  tenant_id: string;
  id: Generated<number>;
  title: string;
  created_by: string;
  created_at: Generated<Date>;
}

/** The tables of the schema \`${id}\`, by table name (add one here with each migration that creates one). */
export interface Tables {
  items: ${P}ItemsTable;
}

/** What the handle sees: \`${id}.<table>\` for each of the plugin's own tables, nothing else. */
export type Database = OwnSchema<'${id}', Tables>;

/** The request's (or a transaction's: \`own({ db: trx })\`) database handle, typed to the plugin's own tables. */
export function own(ctx: { db: Kysely<any> }): Kysely<Database> {
  return ownDatabase<Database>(ctx);
}
`,
    'src/server/index.ts': `// The ${name} plugin: the server entry (default export: the plugin).
import { definePlugin, field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import pkg from '../../package.json' with { type: 'json' };
import { ${id.toUpperCase()}_PLUGIN_ID } from '../contract.js';
import { own } from './db.js';
import * as m0001 from './migrations/0001_${id}.js';
import { strings as s } from './strings.js';

export interface ${P}Item {
  id: number;
  title: string;
}

export const router = {
  items: {
    /** The county's items, newest first. */
    list: permissionProcedure('${permission}').query(async ({ ctx }): Promise<${P}Item[]> =>
      own(ctx).selectFrom('${id}.items').select(['id', 'title']).where('tenant_id', '=', ctx.tenant.id).orderBy('id', 'desc').limit(200).execute(),
    ),
    /** Adds an item; the audit row commits with it. */
    add: permissionProcedure('${permission}')
      .input(z.object({ title: f.text(s.fields.title, { min: 1, max: 100 }) }))
      .mutation(({ ctx, input }) =>
        own(ctx).transaction().execute(async (trx) => {
          const { id: itemId } = await trx
            .insertInto('${id}.items')
            .values({ tenant_id: ctx.tenant.id, title: input.title, created_by: ctx.user.id })
            .returning('id')
            .executeTakeFirstOrThrow();
          await ctx.audit.record({ action: '${id}.items.add', targetType: '${id}.item', targetId: String(itemId) }, { db: trx });
          return { id: itemId };
        }),
      ),
  },
};

export default definePlugin({
  id: ${id.toUpperCase()}_PLUGIN_ID,
  name: s.name,
  version: pkg.version,
  kernel: pkg.zhengfa.kernel,
  // Role defaults: 政法委领导 (leader), 执法监督室 (supervisor), 单位联络员 (liaison). A sensitive
  // permission (personal data, accusations, write-offs, discipline records) gets [].
  permissions: [{ key: '${permission}', name: s.permission, defaultRoles: ['leader', 'supervisor'] }],
  migrations: { '0001_${id}': m0001 },
  router,
});
`,
    'src/contract.test.ts': `// The plugin contract suite (@zhengfa/test-utils), on PGlite and PostgreSQL: migrations,
// schema, permissions, guarded procedures, Chinese input errors, console routes.
import { describePluginContract } from '@zhengfa/test-utils';
import adminPlugin from './admin/index.js';
import plugin from './server/index.js';

describePluginContract(plugin, { admin: { plugin: adminPlugin, manifest: new URL('./admin/routes.json', import.meta.url) } });
`,
    'src/server/plugin.test.ts': `import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, startTestKernel, type TestKernel } from '@zhengfa/test-utils';
import plugin from './index.js';

describeEachEngine('${id}', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [plugin] });
  });
  afterAll(() => t.stop());

  it('adds an item and lists it', async () => {
    const { caller } = await t.signIn('supervisor');
    const api = (caller as any).${id};
    const { id } = await api.items.add({ title: '第一项' });
    expect(await api.items.list()).toEqual([{ id, title: '第一项' }]);
  });

  it('refuses an empty title with a Chinese message naming the field', async () => {
    const { caller } = await t.signIn('supervisor');
    await expect((caller as any).${id}.items.add({ title: ' ' })).rejects.toThrow('请填写「标题」');
  });

  it('refuses a user without the permission', async () => {
    const { caller } = await t.signIn('liaison');
    await expect((caller as any).${id}.items.list()).rejects.toThrow(${JSON.stringify(`您没有「使用${name}」权限`)});
  });
});
`,
    'src/admin/strings.ts': `// Every word of the plugin's console, in Chinese.
export const strings = {
  nav: ${JSON.stringify(name)},
  title: ${JSON.stringify(name)},
  subtitle: '由 pnpm create-plugin 生成的页面：列出并添加条目',
  itemTitle: '标题',
  add: '添加',
  added: '已添加',
  none: '暂无条目',
  card: ${JSON.stringify(name)},
  count: '条目',
} as const;
`,
    'src/admin/api.ts': `// The in-process caller of the console's load context, typed from the plugin's own router
// (a type-only import: nothing of the server reaches the browser), and the console's route kit.
import type { router as buildRouter } from '@zhengfa/plugin-api';
import { createRouteKit, type ConsoleCaller } from '@zhengfa/ui';
import type { router } from '../server/index.js';

export type ${P}Caller = ReturnType<ReturnType<typeof buildRouter<typeof router>>['createCaller']>;

export interface Calls extends ConsoleCaller {
  ${id}: ${P}Caller;
}

export const kit = createRouteKit<Calls>();
`,
    'src/admin/card.tsx': `// The workbench card (a slot): how many items the county has.
import { Link } from '@remix-run/react';
import { Statistic } from 'antd';
import { strings } from './strings.js';

export function ItemsCard({ data }: { data: { count: number } }) {
  return (
    <Link to="/${id}" data-testid="${id}-card">
      <Statistic title={strings.count} value={data.count} />
    </Link>
  );
}
`,
    'src/admin/index.ts': `// The console entry (browser-safe): navigation, pages (routes.json) and slots.
import { AppstoreOutlined } from '@ant-design/icons';
import { dashboardCard, defineAdminPlugin, type RouteManifest } from '@zhengfa/plugin-api/admin';
import { createElement } from 'react';
import { ${id.toUpperCase()}_PLUGIN_ID } from '../contract.js';
import { kit } from './api.js';
import { ItemsCard } from './card.js';
import manifest from './routes.json' with { type: 'json' };
import { strings } from './strings.js';

export default defineAdminPlugin({
  id: ${id.toUpperCase()}_PLUGIN_ID,
  nav: [{ label: strings.nav, to: '/${id}', icon: createElement(AppstoreOutlined), permissions: ['${permission}'] }],
  routes: (manifest as RouteManifest).routes,
  dashboardCards: [
    dashboardCard({
      key: 'items',
      title: strings.card,
      permissions: ['${permission}'],
      load: ({ context, request }) => kit.load({ context, request }, async (c) => ({ count: (await c.${id}.items.list()).length })),
      Card: ItemsCard,
    }),
  ],
});
`,
    'src/admin/routes.json': json({
      $comment: "The plugin's console pages, registered by apps/admin/vite.config.ts. layout 'console': inside the signed-in console; 'public': no sign-in. file: relative to this folder.",
      routes: [{ id: `${id}/index`, path: id, file: 'routes/index.tsx', layout: 'console' }],
    }),
    'src/admin/routes/index.tsx': `// ${name}: the plugin's console page.
import { Card, Form, Input, List } from 'antd';
import { BusyButton, form, FormError, PageHeader, useFormFetcher, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { strings } from '../strings.js';

export async function loader(args: RouteArgs) {
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, '${permission}');
    return { items: await c.${id}.items.list() };
  });
}

export async function action(args: RouteArgs) {
  const fd = await args.request.formData();
  return kit.mutate(args, 'add', strings.added, (c) => c.${id}.items.add({ title: form.str(fd, 'title') }));
}

export default function ${P}Page() {
  const { items } = usePageData<typeof loader>();
  const [antForm] = Form.useForm<{ title: string }>();
  const { submit, error, busy } = useFormFetcher(() => antForm.resetFields());
  return (
    <>
      <PageHeader title={strings.title} subtitle={strings.subtitle} />
      <Card size="small" data-testid="${id}-page">
        <Form form={antForm} layout="inline" name="add" onFinish={(v) => submit({ title: v.title })}>
          <Form.Item name="title" label={strings.itemTitle}>
            <Input maxLength={100} />
          </Form.Item>
          <BusyButton type="primary" htmlType="submit" loading={busy}>
            {strings.add}
          </BusyButton>
        </Form>
        <FormError outcome={error} />
        <List size="small" dataSource={items} locale={{ emptyText: strings.none }} renderItem={(i) => <List.Item key={i.id}>{i.title}</List.Item>} />
      </Card>
    </>
  );
}
`,
  };
}

/** The changeset that releases the new package (.changeset/<name>.md). */
export function changeset(n: PluginNames): string {
  return `---
"${n.packageName}": minor
---

新增插件「${n.name}」（${n.id}）：由 pnpm create-plugin 生成，含一张数据表、权限「${n.id}.use」（默认授予政法委领导和执法监督室）、
控制台页面 /${n.id} 及工作台卡片。
`;
}
