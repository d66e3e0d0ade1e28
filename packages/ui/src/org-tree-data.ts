// Shapes the org tree for antd's Tree and TreeSelect.
import { buildOrgTree, type FlatOrg, type OrgTreeNode } from './org-tree.js';

export interface OrgTreeDataNode {
  key: string;
  value: string;
  title: string;
  disabled?: boolean;
  children: OrgTreeDataNode[];
}

export interface NamedFlatOrg extends FlatOrg {
  name: string;
  disabled?: boolean;
}

/**
 * antd tree data for a flat org list. With `disableInactive`, stopped organisations are
 * shown but cannot be chosen (for pickers).
 */
export function orgTreeData<T extends NamedFlatOrg>(list: readonly T[], opts: { disableInactive?: boolean } = {}): OrgTreeDataNode[] {
  const convert = (n: OrgTreeNode<T>): OrgTreeDataNode => ({
    key: n.id,
    value: n.id,
    title: n.name,
    ...(opts.disableInactive && n.disabled ? { disabled: true } : {}),
    children: n.children.map(convert),
  });
  return buildOrgTree(list).map(convert);
}
