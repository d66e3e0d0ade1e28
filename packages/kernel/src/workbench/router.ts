// trpc.workbench.*: what the console's workbench (工作台) gathers for the signed-in user.
import { authedProcedure, field as f, permissionProcedure, z, type Logger } from '@zhengfa/plugin-api';
import type { PluginHost } from '../plugin-host/host.js';
import { fieldNames as n } from '../strings.js';
import { enabledForCounty } from '../system/county-modules.js';
import { recentActivity } from './activity.js';
import { followedCases, isFollowing, setFollow } from './follows.js';
import { kernelTodos } from './kernel-todos.js';
import { gatherTodos } from './todos.js';

export function createWorkbenchRouter(host: PluginHost, log: Logger) {
  return {
    /** The to-dos of the plugins on for this user's county: what waits, how many, since when, and where. */
    todos: authedProcedure.query(async ({ ctx }) => gatherTodos(ctx, await enabledForCounty(ctx.db, host, ctx.tenant.id), log)),
    /** The kernel's own to-dos for this user (cases, deadlines, instruments, meetings), most urgent first. */
    kernelTodos: authedProcedure.query(({ ctx }) => kernelTodos(ctx)),
    /** 我的关注: the cases this user follows. */
    follows: permissionProcedure('cases.read').query(({ ctx }) => followedCases(ctx)),
    /** 最新动态 on the cases that concern this user. */
    activity: permissionProcedure('cases.read').query(({ ctx }) => recentActivity(ctx)),
    /** Whether this user follows the case. */
    following: permissionProcedure('cases.read')
      .input(z.object({ caseId: f.uuid(n.case) }))
      .query(({ ctx, input }) => isFollowing(ctx, input.caseId)),
    /** Follows or stops following a case this user may see. */
    follow: permissionProcedure('cases.read')
      .input(z.object({ caseId: f.uuid(n.case), follow: f.bool(n.follow) }))
      .mutation(({ ctx, input }) => setFollow(ctx, input)),
  };
}
