// Property-based fuzzing of tRPC procedures (fast-check): see run.ts.
export { arbitraryFor, inputArbitrary, mutationOf, nastyStrings, nastyNumbers, nastyValue } from './arbitraries.js';
export { changedTables, fingerprinter, refusalWritesOf, type Fingerprint, type Fingerprinter } from './fingerprint.js';
export { callAt, fuzzProcedures, fuzzSummary, proceduresOf, refusalProblem, unnamedFields, type FuzzFailure, type FuzzOptions, type FuzzProcedure, type FuzzReport } from './run.js';
