import * as m0001 from './0001_petitions.js';
import * as m0002 from './0002_imports.js';

export const migrations = {
  '0001_petitions': m0001,
  '0002_imports': m0002,
};
