// trpc.personnel.file.*: the law-enforcement file, own / unit leader's summary / full, and docx.
import { authedProcedure, field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { fieldNames as n } from '../discipline-strings.js';
import { exportFile } from './document.js';
import { fullFile, myFile, unitSummary } from './service.js';

export const fileRouter = {
  /** The signed-in officer's own file. */
  mine: authedProcedure.query(({ ctx }) => myFile(ctx)),
  /** The leader of the officer's unit: the summary (audited). */
  unitSummary: authedProcedure.input(z.object({ officerId: f.uuid(n.officerId) })).query(({ ctx, input }) => unitSummary(ctx, input.officerId)),
  /** The political department: the full file (audited). */
  get: permissionProcedure('personnel.files').input(z.object({ officerId: f.uuid(n.officerId) })).query(({ ctx, input }) => fullFile(ctx, input.officerId)),
  export: permissionProcedure('personnel.files').input(z.object({ officerId: f.uuid(n.officerId) })).mutation(({ ctx, input }) => exportFile(ctx, input.officerId)),
};
