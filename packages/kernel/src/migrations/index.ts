import type { MigrationSet } from '@zhengfa/db';
import { KERNEL_VERSION } from '../version.js';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_cases.js';
import * as m0003 from './0003_supervision.js';
import * as m0004 from './0004_ledger_indexes.js';
import * as m0005 from './0005_open_deadline_index.js';
import * as m0006 from './0006_case_tallies.js';
import * as m0007 from './0007_audit_chain_heads.js';
import * as m0008 from './0008_session_principal.js';
import * as m0009 from './0009_open_cases_covering_index.js';
import * as m0010 from './0010_audit_append_one_statement.js';
import * as m0011 from './0011_principal_change_notices.js';
import * as m0012 from './0012_search_pending_list_limit.js';
import * as m0013 from './0013_case_scopes_plpgsql.js';
import * as m0014 from './0014_case_scope_orgs.js';
import * as m0015 from './0015_open_cases_cover_scope.js';
import * as m0016 from './0016_case_party_names.js';
import * as m0017 from './0017_case_sweep_indexes.js';
import * as m0018 from './0018_sign_in_throttle.js';
import * as m0019 from './0019_password_reset_requests.js';
import * as m0020 from './0020_case_restriction.js';
import * as m0021 from './0021_role_default_permissions.js';
import * as m0022 from './0022_dispatch_day_counting.js';
import * as m0023 from './0023_sealed_party_identifiers.js';
import * as m0024 from './0024_event_delivery_cursors.js';
import * as m0025 from './0025_county_modules.js';
import * as m0026 from './0026_database_walls.js';
import * as m0027 from './0027_dispatch_owed.js';
import * as m0028 from './0028_case_follows.js';

export const kernelMigrations: MigrationSet = {
  owner: 'kernel',
  version: KERNEL_VERSION,
  migrations: {
    '0001_foundation': m0001,
    '0002_cases': m0002,
    '0003_supervision': m0003,
    '0004_ledger_indexes': m0004,
    '0005_open_deadline_index': m0005,
    '0006_case_tallies': m0006,
    '0007_audit_chain_heads': m0007,
    '0008_session_principal': m0008,
    '0009_open_cases_covering_index': m0009,
    '0010_audit_append_one_statement': m0010,
    '0011_principal_change_notices': m0011,
    '0012_search_pending_list_limit': m0012,
    '0013_case_scopes_plpgsql': m0013,
    '0014_case_scope_orgs': m0014,
    '0015_open_cases_cover_scope': m0015,
    '0016_case_party_names': m0016,
    '0017_case_sweep_indexes': m0017,
    '0018_sign_in_throttle': m0018,
    '0019_password_reset_requests': m0019,
    '0020_case_restriction': m0020,
    '0021_role_default_permissions': m0021,
    '0022_dispatch_day_counting': m0022,
    '0023_sealed_party_identifiers': m0023,
    '0024_event_delivery_cursors': m0024,
    '0025_county_modules': m0025,
    '0026_database_walls': m0026,
    '0027_dispatch_owed': m0027,
    '0028_case_follows': m0028,
  },
};
