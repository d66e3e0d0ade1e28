import { describe, expect, it } from 'vitest';
import { createRouteKit, type ConsoleCaller, type SignedInUser } from './route-kit.js';

interface Caller extends ConsoleCaller {
  things: { get(): Promise<string> };
}

const user: SignedInUser = { id: 'u1', displayName: '陈监督', orgName: '示范县委政法委', permissions: ['things.read'] };

function context(over: { me?: SignedInUser | null; get?: () => Promise<string> } = {}) {
  const me = over.me === undefined ? user : over.me;
  const trpc: Caller = { auth: { me: async () => (me ? { user: me } : null) }, things: { get: over.get ?? (async () => 'ok') } };
  return { trpc };
}

/** What the in-process caller throws (a TRPCError, told by its name and code). */
function trpcError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'TRPCError', code });
}

const request = new Request('http://localhost/things/1?tab=a');
const kit = createRouteKit<Caller>();

/** What a loader threw: a Response (redirect) or Remix's data() with its status. */
async function thrown(p: Promise<unknown>): Promise<{ status: number; location?: string | null; message?: unknown }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (err instanceof Response) return { status: err.status, location: err.headers.get('Location') };
  const d = err as { data: { message?: unknown }; init: { status: number } };
  return { status: d.init.status, message: d.data.message };
}

describe('createRouteKit', () => {
  it("runs a loader's calls with the request's caller", async () => {
    expect(await kit.load({ context: context(), request }, (c) => c.things.get())).toBe('ok');
  });

  it('sends a signed-out user to sign-in, coming back to the page afterwards', async () => {
    const get = async () => {
      throw trpcError('UNAUTHORIZED', '请先登录');
    };
    expect(await thrown(kit.load({ context: context({ get }), request }, (c) => c.things.get()))).toEqual({ status: 302, location: '/login?redirectTo=%2Fthings%2F1%3Ftab%3Da' });
  });

  it("turns a refused call into an error page with the server's Chinese message", async () => {
    const get = async () => {
      throw trpcError('NOT_FOUND', '要操作的记录不存在，或您无权查看');
    };
    expect(await thrown(kit.load({ context: context({ get }), request }, (c) => c.things.get()))).toEqual({ status: 404, message: '要操作的记录不存在，或您无权查看' });
  });

  it('sends an account that must change its password to the password page when a call is forbidden', async () => {
    const get = async () => {
      throw trpcError('FORBIDDEN', '请先修改初始密码，再进行其他操作');
    };
    const c = context({ me: { ...user, mustChangePassword: true }, get });
    expect(await thrown(kit.load({ context: c, request }, (x) => x.things.get()))).toEqual({ status: 302, location: '/account/password' });
  });

  it('answers a mutation with the confirmation, or with the refusal for the form', async () => {
    expect(await kit.mutate({ context: context() }, 'save', '已保存', (c) => c.things.get())).toEqual({ ok: true, intent: 'save', message: '已保存', result: 'ok' });
    const get = async () => {
      throw trpcError('CONFLICT', '该记录已被他人修改，请刷新页面后重试');
    };
    expect(await kit.mutate({ context: context({ get }) }, 'save', '已保存', (c) => c.things.get())).toEqual({
      ok: false,
      intent: 'save',
      code: 'CONFLICT',
      error: '该记录已被他人修改，请刷新页面后重试',
    });
  });

  it('gives the signed-in user to a page they may open, and the one "no permission" page otherwise', async () => {
    const c = context().trpc;
    expect(await kit.requirePermission(c, request, 'other.read', 'things.read')).toEqual(user);
    expect(await thrown(kit.requirePermission(c, request, 'other.read'))).toEqual({ status: 403, message: '您没有访问此页面的权限。' });
  });

  it('sends a signed-out user to sign-in from a guarded page', async () => {
    expect(await thrown(kit.requirePermission(context({ me: null }).trpc, request, 'things.read'))).toEqual({ status: 302, location: '/login?redirectTo=%2Fthings%2F1%3Ftab%3Da' });
  });
});
