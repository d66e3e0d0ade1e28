export { createVault, keyIdOf, parseDataKey, VaultError, ENVELOPE_LIKE, type KernelVault, type VaultKeys, type VaultErrorCode } from './vault.js';
export { KEY_FILE_NAME, keyFilePath, loadOrCreateKeyFile, readKeyFile, writeKeyFile } from './key-file.js';
export { kernelSealedColumns, normalizeIdNumberForIndex, normalizePhoneForIndex, rotateSealedColumns, resealColumn, sealPlaintext, type RotationReport } from './sealed-columns.js';
