// antd's Button animates its spinner out and drops it only on transitionend; a request
// answered within the enter animation leaves an invisible spinner behind for good, so the
// button's accessible name stays "loading …". BusyButton (@zhengfa/ui) turns that motion
// off; this rule sends every antd Button given a `loading` prop there.

/** @type {import('eslint').Rule.RuleModule} */
export const busyButtonRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Buttons with a loading state use BusyButton from @zhengfa/ui' },
    schema: [],
    messages: {
      useBusyButton:
        "Use BusyButton from '@zhengfa/ui' for a button with `loading`: antd's Button can keep an invisible spinner (and the name \"loading …\") after a fast answer.",
    },
  },
  create(context) {
    /** Local names bound to antd's Button in this file. */
    const buttonNames = new Set();
    return {
      ImportDeclaration(node) {
        if (node.source.value !== 'antd') return;
        for (const spec of node.specifiers) {
          if (spec.type === 'ImportSpecifier' && spec.imported.name === 'Button') buttonNames.add(spec.local.name);
        }
      },
      JSXOpeningElement(node) {
        if (node.name.type !== 'JSXIdentifier' || !buttonNames.has(node.name.name)) return;
        const loading = node.attributes.find((a) => a.type === 'JSXAttribute' && a.name.name === 'loading');
        if (loading) context.report({ node: loading, messageId: 'useBusyButton' });
      },
    };
  },
};
