// trpc.petitions.imports.*: check (dry run) and confirm an import of a historical ledger,
// and the template. See ./service.ts for the two steps and ./rows.ts for the row rules.
import { permissionProcedure, z } from '@zhengfa/plugin-api';
import { importStrings as s } from '../strings.js';
import { checkImport, confirmImport, importTemplate } from './service.js';
import { MAX_BYTES } from './sheet.js';

const header = z.string().trim().min(1, s.headerRequired).max(50);
const base64 = z
  .string({ error: s.fileEmpty })
  .min(1, s.fileEmpty)
  .max(Math.ceil((MAX_BYTES * 4) / 3) + 4, s.fileTooLarge);

/** Column header per field; omitted fields use the template's header, null drops an optional field. */
const mapping = z
  .object({
    receivedOn: header,
    channel: header,
    name: header,
    category: header,
    content: header,
    personCount: header.nullable(),
    idNumber: header.nullable(),
    phone: header.nullable(),
    address: header.nullable(),
    involvedOrg: header.nullable(),
    demands: header.nullable(),
  })
  .partial();

export const importsRouter = {
  /** Dry run: validates every row and reports the bad ones; imports nothing. */
  check: permissionProcedure('petitions.import')
    .input(z.object({ fileName: z.string().trim().min(1, s.fileNameXlsx).max(200), base64, mapping: mapping.optional() }))
    .mutation(({ ctx, input }) => checkImport(ctx, input)),

  /** Imports the good rows of a checked file (sent again; it must be the same file). */
  confirm: permissionProcedure('petitions.import')
    .input(z.object({ importId: z.uuid(s.importNotFound), base64, historical: z.boolean().default(true) }))
    .mutation(({ ctx, input }) => confirmImport(ctx, input)),

  /** The xlsx template with the expected headers. */
  template: permissionProcedure('petitions.import').query(() => importTemplate()),
};
