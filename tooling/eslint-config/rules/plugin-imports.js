// Enforces the plugin layering of docs/architecture.md: code under plugins/<id>/ may
// import, of our own packages, only @zhengfa/plugin-api, @zhengfa/ui, @zhengfa/documents
// (the official-document layout, a presentation library like ui) and other plugins'
// ./contract entry. Relative imports may not leave the plugin's folder. Test files may
// also use @zhengfa/test-utils; config files may use shared tooling packages.
import path from 'node:path';

const ALWAYS_ALLOWED = ['@zhengfa/plugin-api', '@zhengfa/ui', '@zhengfa/documents'];
const TOOLING = ['@zhengfa/vitest-config', '@zhengfa/eslint-config', '@zhengfa/tsconfig'];
const TEST_ONLY = ['@zhengfa/test-utils'];

function isUnder(pkg, spec) {
  return spec === pkg || spec.startsWith(`${pkg}/`);
}

/** Returns the plugin root folder for a file under `<anything>/plugins/<id>/`, else null. */
export function pluginRootOf(filename) {
  const parts = path.resolve(filename).split(path.sep);
  const idx = parts.lastIndexOf('plugins');
  if (idx < 0 || idx + 1 >= parts.length - 1) return null;
  return parts.slice(0, idx + 2).join(path.sep);
}

function isTestFile(filename) {
  return /\.(test|spec)\.[cm]?[tj]sx?$/.test(filename) || filename.includes(`${path.sep}test${path.sep}`);
}

function isConfigFile(filename) {
  return /(^|[\\/])[\w.-]+\.config\.[cm]?[tj]s$/.test(filename);
}

/** @type {import('eslint').Rule.RuleModule} */
export const pluginImportsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Plugins import only the plugin API, the UI kit and other plugins\' contracts.' },
    schema: [],
    messages: {
      foreignPackage:
        "Plugins may import only @zhengfa/plugin-api, @zhengfa/ui, @zhengfa/documents and other plugins' './contract' entry; '{{spec}}' is not allowed (see docs/architecture.md).",
      foreignInternals:
        "'{{spec}}' reaches into another plugin; import its './contract' entry instead.",
      leavesPlugin:
        "Relative import '{{spec}}' leaves the plugin's folder; depend on the kernel through @zhengfa/plugin-api.",
    },
  },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const root = pluginRootOf(filename);
    if (!root) return {};
    const ownName = path.basename(root);
    const test = isTestFile(filename);
    const config = isConfigFile(filename);

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(filename), spec);
        if (target !== root && !target.startsWith(root + path.sep)) {
          context.report({ node, messageId: 'leavesPlugin', data: { spec } });
        }
        return;
      }
      if (!spec.startsWith('@zhengfa/')) return;
      if (ALWAYS_ALLOWED.some((p) => isUnder(p, spec))) return;
      if (config && TOOLING.some((p) => isUnder(p, spec))) return;
      if (test && TEST_ONLY.some((p) => isUnder(p, spec))) return;
      const m = /^@zhengfa\/plugin-([a-z0-9-]+)(\/.*)?$/.exec(spec);
      if (m) {
        if (m[1] === ownName) return;
        if (m[2] === '/contract') return;
        context.report({ node, messageId: 'foreignInternals', data: { spec } });
        return;
      }
      context.report({ node, messageId: 'foreignPackage', data: { spec } });
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node.arguments[0], node.arguments[0].value);
        }
      },
    };
  },
};

export default pluginImportsRule;
