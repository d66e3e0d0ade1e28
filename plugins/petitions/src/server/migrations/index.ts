import * as m0001 from './0001_petitions.js';
import * as m0002 from './0002_imports.js';
import * as m0003 from './0003_restrict_accusation_cases.js';
import * as m0004 from './0004_writeoff_requests.js';
import * as m0005 from './0005_sealed_personal_data.js';
import * as m0006 from './0006_mediation_referrals.js';

export const migrations = {
  '0001_petitions': m0001,
  '0002_imports': m0002,
  '0003_restrict_accusation_cases': m0003,
  '0004_writeoff_requests': m0004,
  '0005_sealed_personal_data': m0005,
  '0006_mediation_referrals': m0006,
};
