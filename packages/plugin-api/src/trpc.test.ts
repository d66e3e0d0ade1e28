import { describe, expect, it } from 'vitest';
import { authedProcedure, permissionProcedure, publicProcedure, router } from './trpc.js';

describe('what a procedure records about who may call it', () => {
  const r = router({
    open: publicProcedure.query(() => 1),
    signedIn: authedProcedure.query(() => 1),
    guarded: permissionProcedure('cases.read', 'cases.export').query(() => 1),
  });
  const meta = (key: string) => (r._def.procedures as Record<string, { _def: { meta?: unknown } }>)[key]!._def.meta;

  it('marks a public procedure as open to anyone', () => {
    expect(meta('open')).toEqual({ access: 'public' });
  });

  it('marks an authed procedure as open to any signed-in user', () => {
    expect(meta('signedIn')).toEqual({ access: 'authed' });
  });

  it('records every permission a permission procedure requires', () => {
    expect(meta('guarded')).toEqual({ access: 'permission', permissions: ['cases.read', 'cases.export'] });
  });
});
