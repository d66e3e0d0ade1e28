import { describe, expect, it } from 'vitest';
import { buildOrgTree, flattenOrgTree, subtreeIds } from './org-tree.js';

const list = [
  { id: 'root', parentId: null, name: '示范县委政法委' },
  { id: 'police', parentId: 'root', name: '示范县公安局' },
  { id: 'court', parentId: 'root', name: '示范县人民法院' },
  { id: 'station', parentId: 'police', name: '城关派出所' },
  { id: 'brigade', parentId: 'police', name: '刑事侦查大队' },
];

describe('buildOrgTree', () => {
  it('nests children under parents in input order', () => {
    const tree = buildOrgTree(list);
    expect(tree).toHaveLength(1);
    const root = tree[0]!;
    expect(root.name).toBe('示范县委政法委');
    expect(root.children.map((c) => c.id)).toEqual(['police', 'court']);
    expect(root.children[0]!.children.map((c) => c.name)).toEqual(['城关派出所', '刑事侦查大队']);
    expect(root.children[1]!.children).toEqual([]);
  });

  it('treats items whose parent is out of scope as roots', () => {
    const tree = buildOrgTree(list.filter((o) => o.id !== 'root'));
    expect(tree.map((n) => n.id)).toEqual(['police', 'court']);
  });

  it('is order independent for parents listed after children', () => {
    const tree = buildOrgTree([...list].reverse());
    expect(tree.map((n) => n.id)).toEqual(['root']);
    expect(subtreeIds(tree[0]!).sort()).toEqual(['brigade', 'court', 'police', 'root', 'station']);
  });

  it('does not loop on cyclic data', () => {
    const tree = buildOrgTree([
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ]);
    expect(flattenOrgTree(tree).length).toBe(2);
  });

  it('returns an empty forest for an empty list', () => {
    expect(buildOrgTree([])).toEqual([]);
  });

  it('flattens depth-first with depths', () => {
    const flat = flattenOrgTree(buildOrgTree(list));
    expect(flat.map((f) => `${f.node.id}:${f.depth}`)).toEqual(['root:0', 'police:1', 'station:2', 'brigade:2', 'court:1']);
  });
});
