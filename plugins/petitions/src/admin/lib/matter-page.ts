// What the matter page shows, read as the signed-in user: the matter, what the user may do on
// it and the choices its routing form offers. The page's loader returns it; the matter's
// panels take their types from here, not from the route.
import { handlingUnits, usersWithRole } from '@zhengfa/ui';
import dayjs from 'dayjs';
import type { PetitionsCalls } from './api.js';

export async function loadMatterPage(c: PetitionsCalls, id: string, permissions: readonly string[]) {
  const p = new Set(permissions);
  const matter = await c.petitions.matters.get({ id });
  const can = {
    route: p.has('petitions.route') && !matter.routedAt && !matter.outcome,
    register: p.has('petitions.register'),
    conclude: p.has('petitions.conclude'),
    writeoff: p.has('petitions.writeoff'),
    relief: p.has('petitions.relief'),
    reveal: matter.canReveal,
    handle: !matter.outcome && Boolean(matter.routedAt),
    refer: p.has('petitions.route') && !matter.outcome && !matter.isAccusation && !matter.mediation,
  };
  const [orgs, leaders] = await Promise.all([can.route ? c.orgs.tree() : Promise.resolve([]), can.route ? usersWithRole(c, 'leader') : Promise.resolve([])]);
  return { matter, can, today: dayjs().format('YYYY-MM-DD'), units: handlingUnits(orgs), leaders };
}

export type MatterData = Awaited<ReturnType<typeof loadMatterPage>>;
