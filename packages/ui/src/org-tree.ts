// Builds a nested tree from the kernel's flat organisation list (id + parentId).

export interface FlatOrg {
  id: string;
  parentId: string | null;
}

export type OrgTreeNode<T extends FlatOrg> = T & { children: OrgTreeNode<T>[] };

/**
 * Nests a flat list by parentId. Items keep their input order among siblings. Items whose
 * parent is missing from the list (outside the user's scope) become roots, so a user
 * scoped to one unit still sees that unit as the top of their tree.
 */
export function buildOrgTree<T extends FlatOrg>(list: readonly T[]): OrgTreeNode<T>[] {
  const nodes = new Map<string, OrgTreeNode<T>>();
  for (const item of list) nodes.set(item.id, { ...item, children: [] });
  const roots: OrgTreeNode<T>[] = [];
  for (const item of list) {
    const node = nodes.get(item.id)!;
    const parent = item.parentId !== null && item.parentId !== item.id ? nodes.get(item.parentId) : undefined;
    if (parent && !isAncestor(node, parent, nodes)) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Guards against cycles in bad data: is `candidate` (or its ancestors) `node`? */
function isAncestor<T extends FlatOrg>(node: OrgTreeNode<T>, candidate: OrgTreeNode<T>, nodes: Map<string, OrgTreeNode<T>>): boolean {
  let cur: OrgTreeNode<T> | undefined = candidate;
  const seen = new Set<string>();
  while (cur && !seen.has(cur.id)) {
    if (cur.id === node.id) return true;
    seen.add(cur.id);
    cur = cur.parentId !== null ? nodes.get(cur.parentId) : undefined;
  }
  return false;
}

/** Ids of a node and all of its descendants. */
export function subtreeIds<T extends FlatOrg>(node: OrgTreeNode<T>): string[] {
  return [node.id, ...node.children.flatMap((c) => subtreeIds(c))];
}

/** Every node in depth-first order, with its depth (roots are 0). */
export function flattenOrgTree<T extends FlatOrg>(roots: OrgTreeNode<T>[], depth = 0): { node: OrgTreeNode<T>; depth: number }[] {
  return roots.flatMap((node) => [{ node, depth }, ...flattenOrgTree(node.children, depth + 1)]);
}
