import * as m0001 from './0001_petitions.js';
import * as m0003 from './0003_restrict_accusation_cases.js';
import * as m0004 from './0004_writeoff_requests.js';

export const migrations = {
  '0001_petitions': m0001,
  '0003_restrict_accusation_cases': m0003,
  '0004_writeoff_requests': m0004,
};
