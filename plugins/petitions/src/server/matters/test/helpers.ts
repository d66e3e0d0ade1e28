// Shared steps for the petitions tests: a test kernel with the plugin, the demo users
// signed in, and helpers that walk a matter through the real procedures.
import { procedureContext, startTestKernel, type ActingUser, type TestClock, type TestEngine, type TestKernel } from '@zhengfa/test-utils';
import petitions from '../../index.js';
import { idCheckCharacter } from '../personal-data.js';

export interface World {
  t: TestKernel;
  sup: ActingUser;
  leader: ActingUser;
  liaison: ActingUser;
  leaderId: string;
  orgs: Record<string, string>;
}

/**
 * The security administrator grants what no built-in role holds by default, as a county
 * does: the petition office may reveal petitioners and see accusers; the leader approves
 * write-offs.
 */
async function grantSensitive(t: TestKernel): Promise<void> {
  const secadmin = await t.signIn('secadmin');
  const roles = await secadmin.caller.roles.list();
  const grant = async (username: string, builtin: string, name: string, permissions: string[]) => {
    const extra = await secadmin.caller.roles.create({ name, permissions });
    const users = await secadmin.caller.users.list({ keyword: username });
    const user = users.items.find((u) => u.username === username)!;
    await secadmin.caller.users.assignRoles({ id: user.id, roleIds: [roles.find((r) => r.key === builtin)!.id, extra.id] });
  };
  await grant('supervisor', 'supervisor', '信访人信息与检举控告', ['petitions.reveal', 'petitions.accusations']);
  // Approving the write-off of a matter never routed withdraws its kernel case (登记事项).
  await grant('leader', 'leader', '核销审批', ['petitions.writeoff', 'cases.register']);
}

/** The clock of the world last started with one (chinaDay reads it); the system clock otherwise. */
let worldClock: TestClock | null = null;

export async function startWorld(engine: TestEngine, opts: { clock?: TestClock } = {}): Promise<World> {
  worldClock = opts.clock ?? null;
  const t = await startTestKernel({ engine, plugins: [petitions], clock: opts.clock });
  await grantSensitive(t);
  const [sup, leader, liaison] = [await t.signIn('supervisor'), await t.signIn('leader'), await t.signIn('liaison')];
  const users = await (sup.caller as any).users.list({ roleKey: 'leader' });
  const orgs = Object.fromEntries((await procedureContext(sup.ctx, 'petitions.read').kernel.orgs.list()).map((o) => [o.name, o.id]));
  return { t, sup, leader, liaison, leaderId: users.items[0].id, orgs };
}

/** The plugin's procedures on a caller. */
export function api(u: ActingUser): any {
  return (u.caller as any).petitions;
}

export function kernelApi(u: ActingUser): any {
  return (u.caller as any).cases;
}

export function makeIdNumber(area: string, birth: string, seq: number): string {
  const first17 = `${area}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

/** The China date `offset` days from today on the world's clock. */
export function chinaDay(offset = 0): string {
  const now = worldClock ? worldClock.now().getTime() : Date.now();
  return new Date(now + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

let seq = 0;

export function petitionInput(w: World, over: Record<string, unknown> = {}) {
  seq += 1;
  return {
    channel: 'visit',
    receivedOn: chinaDay(),
    personCount: 1,
    category: 'law',
    content: `反映城关镇第${seq}组征地补偿款至今未足额发放，多次找村委会未果`,
    demands: '要求足额发放补偿款',
    involvedOrgId: w.orgs['示范县公安局'],
    petitioners: [{ name: `王${'一二三四五六七八九十'[seq % 10]}明`, idNumber: makeIdNumber('990001', '1970-05-06', (seq * 7) % 1000), phone: `1391234${String(1000 + seq).slice(-4)}`, address: '示范县城关镇东街18号' }],
    ...over,
  };
}

export async function register(w: World, over: Record<string, unknown> = {}) {
  return api(w.sup).matters.register(petitionInput(w, over));
}

export function fourFixes(w: World, id: string, version: number, unit = '示范县公安局') {
  return {
    id,
    version,
    leadLeaderId: w.leaderId,
    handlerName: '李承办',
    handlerPhone: '13900001111',
    resolutionPlan: '核实补偿款发放情况，限期答复',
    deadline: chinaDay(60),
    leadUnitId: w.orgs[unit],
  };
}

/** Routes a matter to a unit: the supervision office sets the four fixes and assigns in one step. */
export async function routeFully(w: World, matterId: string, unit = '示范县公安局') {
  const m = await api(w.sup).matters.get({ id: matterId });
  await api(w.sup).matters.route(fourFixes(w, matterId, m.version, unit));
  return api(w.sup).matters.get({ id: matterId });
}

/** Routes, accepts (as the liaison) and answers a matter. */
export async function answered(w: World, matterId: string, answeredOn = chinaDay()) {
  await routeFully(w, matterId);
  let m = await api(w.liaison).matters.get({ id: matterId });
  await api(w.liaison).matters.recordAcceptance({ id: matterId, version: m.version, accepted: true, on: answeredOn });
  m = await api(w.liaison).matters.get({ id: matterId });
  await api(w.liaison).matters.recordAnswer({ id: matterId, version: m.version, answer: '经核实，补偿款已于本月补发到位', answeredOn });
  return api(w.sup).matters.get({ id: matterId });
}
