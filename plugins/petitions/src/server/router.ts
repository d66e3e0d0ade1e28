// The plugin's procedures (trpc.petitions.*), one folder per domain.
import { fourVisitsRouter } from './four-visits/router.js';
import { importsRouter } from './imports/router.js';
import { lookupRouter } from './lookup/router.js';
import { mattersRouter } from './matters/router.js';
import { statisticsRouter } from './statistics/router.js';

export const router = {
  matters: mattersRouter,
  fourVisits: fourVisitsRouter,
  lookup: lookupRouter,
  statistics: statisticsRouter,
  imports: importsRouter,
};
