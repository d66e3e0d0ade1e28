// Reading an uploaded roster: @zhengfa/documents/sheets streams the first worksheet behind the
// zip guard; this module gives it the plugin's words and turns its refusal into BAD_REQUEST.
import { readUploadedSheet, SheetReadError, type RawSheet } from '@zhengfa/documents/sheets';
import { badRequest } from '@zhengfa/plugin-api';
import { importStrings as s } from '../../strings.js';

export { MAX_BYTES, type CellValue, type RawSheet, type SheetRow } from '@zhengfa/documents/sheets';

/** The first worksheet's header row (found by `findHeader`) and the rows under it. */
export async function readSheet(buffer: Buffer, findHeader: (header: Map<number, string>) => boolean): Promise<RawSheet> {
  try {
    return await readUploadedSheet(buffer, findHeader, s);
  } catch (err) {
    if (err instanceof SheetReadError) throw badRequest(err.message);
    throw err;
  }
}
