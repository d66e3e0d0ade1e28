import * as m0001 from './0001_petitions.js';

export const migrations = {
  '0001_petitions': m0001,
};
