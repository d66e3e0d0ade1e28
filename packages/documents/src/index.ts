// Official documents (公文) rendered as .docx: assignment notices, urging letters, supervision
// instruments, coordination opinions and bulletins. Pure: data in, Document / bytes out.
export {
  buildOfficialDocument,
  chineseOrdinal,
  formatChineseDate,
  keepTogether,
  officialFonts,
  pageGeometry,
  renderDocx,
  resolveDocNo,
  typeSizes,
  unbreakablePattern,
  WORD_JOINER,
  type BodyBlock,
  type DateInput,
  type DocNoInput,
  type FontPair,
  type IssuingOrgan,
  type OfficialDocumentSpec,
  type TableColumn,
  type Urgency,
} from './layout.js';
export { documentStrings, type DocumentStrings } from './strings.js';
export type { CaseRef, DocumentBase } from './templates/common.js';
export { assignmentNotice, type AssignmentNoticeData } from './templates/assignment-notice.js';
export { urgingLetter, type UrgingLetterData } from './templates/urging-letter.js';
export {
  instrumentKinds,
  instrumentTitle,
  supervisionInstrument,
  type InstrumentKind,
  type InstrumentRecipient,
  type SupervisionInstrumentData,
} from './templates/supervision-instrument.js';
export { coordinationOpinion, type CoordinationOpinionData } from './templates/coordination-opinion.js';
export { bulletin, closureRate, type BulletinData, type BulletinOverdueRow, type BulletinUnitRow } from './templates/bulletin.js';
export { zipStrings } from './strings.js';
export {
  checkZip,
  defaultZipLimits,
  listZipParts,
  storedZip,
  unzipParts,
  ZipGuardError,
  type ZipGuardCode,
  type ZipLimits,
  type ZipPart,
} from './zip-guard.js';
