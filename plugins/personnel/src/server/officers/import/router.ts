// trpc.personnel.imports.*: the roster import's dry run (check), the import (confirm, the
// same file again, all or nothing), the template, and the county's unit aliases.
import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { fieldNames as n, importStrings as s } from '../../strings.js';
import { checkImport, confirmImport, importTemplate, listAliases, mapUnit, removeAlias } from './service.js';
import { MAX_BYTES } from './sheet.js';

const file = z.object({
  fileName: f.fileName(n.fileName),
  base64: f.withLabel(
    z
      .string({ error: s.fileEmpty })
      .min(1, s.fileEmpty)
      .max(Math.ceil((MAX_BYTES * 4) / 3) + 4, s.fileTooLarge),
    n.file,
  ),
});

export const importsRouter = {
  /** Dry run: the report on every row; writes nothing. */
  check: permissionProcedure('personnel.manage')
    .input(file)
    .mutation(({ ctx, input }) => checkImport(ctx, input)),
  /** Imports the roster whole; refused, writing nothing, when any row is bad. */
  confirm: permissionProcedure('personnel.manage')
    .input(file)
    .mutation(({ ctx, input }) => confirmImport(ctx, input)),
  template: permissionProcedure('personnel.manage').query(() => importTemplate()),
  /** Remembers a unit name of the rosters (县局 …) as an alias of a unit of the county (the committee). */
  mapUnit: permissionProcedure('personnel.manage')
    .input(z.object({ name: f.text(n.alias, { max: 100 }).min(1, s.aliasRequired), orgId: f.uuid(n.aliasUnit) }))
    .mutation(({ ctx, input }) => mapUnit(ctx, input)),
  /** The county's unit aliases (the committee). */
  aliases: permissionProcedure('personnel.manage').query(({ ctx }) => listAliases(ctx)),
  removeAlias: permissionProcedure('personnel.manage')
    .input(z.object({ alias: f.text(n.alias, { max: 100 }).min(1, s.aliasRequired) }))
    .mutation(({ ctx, input }) => removeAlias(ctx, input)),
};
