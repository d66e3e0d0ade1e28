// The plugin's procedures (trpc.personnel.*), one folder per domain.
import { importsRouter } from './officers/import/router.js';
import { officersRouter } from './officers/router.js';
import { trainingRouter } from './training/router.js';

export const router = {
  officers: officersRouter,
  imports: importsRouter,
  training: trainingRouter,
};
