// trpc.petitions.imports.*: the dry run (check), the report again without the file
// (recheck), mapping unknown unit names (mapUnit, aliases, removeAlias), confirm, the
// columns recognised and the template. See ./service.ts for the steps and ./rows.ts for
// the row rules.
import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { importStrings as s, petitionFieldNames as n } from '../strings.js';
import { importFields, requiredFields, type ImportField } from './columns.js';
import { checkImport, columnDefinitions, confirmImport, importTemplate, listAliases, mapUnit, recheckImport, removeAlias } from './service.js';
import { MAX_BYTES } from './sheet.js';

const header = f.text(n.header, { max: 50 }).min(1, s.headerRequired);
const base64 = f.withLabel(
  z
    .string({ error: s.fileEmpty })
    .min(1, s.fileEmpty)
    .max(Math.ceil((MAX_BYTES * 4) / 3) + 4, s.fileTooLarge),
  n.file,
);
const importId = f.uuid(n.importRecord);

/** Column header per field; omitted fields use the recognised headers, null drops an optional field. */
const mapping = z
  .object(
    Object.fromEntries(importFields.map((f) => [f, requiredFields.includes(f) ? header : header.nullable()])) as Record<ImportField, typeof header | z.ZodNullable<typeof header>>,
  )
  .partial();

export const importsRouter = {
  /** Dry run: reads the file, keeps its rows for confirm (24 hours), reports on every row; imports nothing. */
  check: permissionProcedure('petitions.import')
    .input(z.object({ fileName: f.fileName(n.fileName), base64, mapping: f.withLabel(mapping, n.mapping).optional() }))
    .mutation(({ ctx, input }) => checkImport(ctx, input)),

  /** The dry run's report again, from the kept rows (units and aliases as they are now). */
  recheck: permissionProcedure('petitions.import')
    .input(z.object({ importId }))
    .mutation(({ ctx, input }) => recheckImport(ctx, input)),

  /** Remembers a unit name of the ledgers (县住建局 …) as an alias of a unit, then reports again. */
  mapUnit: permissionProcedure('petitions.import')
    .input(z.object({ importId, name: f.text(n.alias, { max: 100 }).min(1, s.aliasRequired), orgId: f.uuid(n.aliasUnit) }))
    .mutation(({ ctx, input }) => mapUnit(ctx, input)),

  /** The county's unit-name aliases. */
  aliases: permissionProcedure('petitions.import').query(({ ctx }) => listAliases(ctx)),

  removeAlias: permissionProcedure('petitions.import')
    .input(z.object({ alias: f.text(n.alias, { max: 100 }).min(1, s.aliasRequired) }))
    .mutation(({ ctx, input }) => removeAlias(ctx, input)),

  /** Imports the good rows of a dry run (the file is not sent again). */
  confirm: permissionProcedure('petitions.import')
    .input(z.object({ importId, historical: f.bool(n.historical).default(true) }))
    .mutation(({ ctx, input }) => confirmImport(ctx, input)),

  /** The fields, the template's header of each and the other headers recognised: what the console's mapping shows. */
  columns: permissionProcedure('petitions.import').query(() => columnDefinitions()),

  /** The xlsx template with the expected headers. */
  template: permissionProcedure('petitions.import').query(() => importTemplate()),
};
