// trpc.workbench.*: what the console's workbench (工作台) gathers for the signed-in user.
import { authedProcedure, type Logger } from '@zhengfa/plugin-api';
import type { PluginHost } from '../plugin-host/host.js';
import { gatherTodos } from './todos.js';

export function createWorkbenchRouter(host: PluginHost, log: Logger) {
  return {
    /** The enabled plugins' to-dos for this user: what waits, how many, since when, and where. */
    todos: authedProcedure.query(({ ctx }) => gatherTodos(ctx, host.enabled, log)),
  };
}
