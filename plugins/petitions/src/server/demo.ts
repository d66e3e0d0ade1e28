// The petitions part of the demo year (PluginDefinition.demo): petitions through the year
// with outcomes (化解, 息访, 终结), hardship relief requested, approved and paid, and repeat
// visits. It acts through the plugin's own procedures as the demo accounts, with the kernel
// clock at each step's instant; the kernel marks the cases these create as demo, and
// `remove` deletes this plugin's rows of those cases.
import { sql } from 'kysely';
import type { PluginDemo, PluginDemoContext } from '@zhengfa/plugin-api';
import { own } from './db.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const DEMO_PETITIONS = 24;

const places = ['城关镇东街社区', '城关镇西关村', '河口乡河口村', '城关镇南门片区'] as const;
const issues = [
  { content: '征地补偿款至今未足额发放，多次找村委会未果', demands: '要求足额发放补偿款', category: 'other' },
  { content: '对法院判决执行不到位有异议，执行款长期未到位', demands: '要求加快执行', category: 'law' },
  { content: '公安机关对其报案的诈骗案件侦办进展缓慢', demands: '要求尽快侦破追赃', category: 'law' },
  { content: '邻里宅基地纠纷长期得不到解决', demands: '要求依法确权', category: 'other' },
] as const;
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'] as const;
const givenNames = ['建国', '秀英', '志强', '桂兰', '国平', '丽华'] as const;

function chinaDay(at: number): string {
  return new Date(at + 8 * HOUR).toISOString().slice(0, 10);
}

/** The GB 11643 check character of an 18-digit identity number's first 17 digits. */
function idCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return '10X98765432'[sum % 11]!;
}

type Outcome = 'open' | 'answered' | 'resolved' | 'stopped' | 'concluded';

export async function seedPetitionsDemo(ctx: PluginDemoContext): Promise<void> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(ctx.random() * xs.length)]!;
  const end = ctx.now.getTime();
  const police = ctx.orgs['示范县公安局']!;
  const leaderId = ctx.users['leader']!;

  for (let n = 1; n <= DEMO_PETITIONS; n++) {
    let at = end - Math.floor(30 + ctx.random() * 300) * DAY + Math.floor(ctx.random() * 8 * 60) * 60_000 + HOUR;
    const step = (minDays: number, maxDays: number) => (at = Math.min(at + Math.floor(minDays + ctx.random() * (maxDays - minDays)) * DAY, end - HOUR));
    const outcome = pick<Outcome>(['open', 'answered', 'resolved', 'resolved', 'stopped', 'concluded']);
    const issue = pick(issues);
    const name = `${pick(surnames)}${pick(givenNames)}`;
    const first17 = `990001${1950 + Math.floor(ctx.random() * 40)}0${1 + Math.floor(ctx.random() * 9)}1${Math.floor(ctx.random() * 9)}${String(100 + n).slice(-3)}`;
    const petitioner = { name, idNumber: first17 + idCheck(first17), phone: `139${String(10_000_000 + n * 7919).slice(-8)}`, address: `示范县${pick(places)}` };
    const input = {
      channel: pick(['visit', 'letter', 'online', 'phone']),
      receivedOn: chinaDay(at),
      personCount: 1 + Math.floor(ctx.random() * 3),
      category: issue.category,
      content: `${pick(places)}群众反映：${issue.content}`,
      demands: issue.demands,
      involvedOrgId: police,
      petitioners: [petitioner],
    };
    const reg = (await (await ctx.actAs('supervisor', new Date(at))).petitions.matters.register(input)) as { matterId: string };
    const get = async (who: string) => (await ctx.actAs(who, new Date(at))).petitions.matters.get({ id: reg.matterId }) as Promise<{ version: number }>;

    // 重复信访: a third of the petitioners come again about the same matter.
    if (ctx.random() < 0.33) {
      step(7, 30);
      await (await ctx.actAs('supervisor', new Date(at))).petitions.matters.register({ ...input, receivedOn: chinaDay(at), linkToMatterId: reg.matterId });
    }
    if (outcome === 'open') continue;
    step(1, 5);
    let m = await get('supervisor');
    await (await ctx.actAs('supervisor', new Date(at))).petitions.matters.route({
      id: reg.matterId,
      version: m.version,
      leadLeaderId: leaderId,
      handlerName: '李承办',
      handlerPhone: '13900001111',
      resolutionPlan: '核实情况，依法依规限期答复',
      deadline: chinaDay(at + 60 * DAY),
      leadUnitId: police,
    });
    step(1, 10);
    m = await get('liaison');
    await (await ctx.actAs('liaison', new Date(at))).petitions.matters.recordAcceptance({ id: reg.matterId, version: m.version, accepted: true, on: chinaDay(at) });
    step(10, 50);
    m = await get('liaison');
    await (await ctx.actAs('liaison', new Date(at))).petitions.matters.recordAnswer({ id: reg.matterId, version: m.version, answer: '经核实，已依法依规作出处理并书面答复信访人', answeredOn: chinaDay(at) });
    if (outcome === 'answered') continue;
    // 救助: some petitioners in hardship get relief, approved by another person and paid.
    if (ctx.random() < 0.4) {
      step(1, 5);
      const req = (await (await ctx.actAs('supervisor', new Date(at))).petitions.matters.requestRelief({
        matterId: reg.matterId,
        amount: 1000 + Math.floor(ctx.random() * 40) * 100,
        reason: '信访人家庭生活确有困难',
      })) as { id: string; version: number };
      step(1, 5);
      const d = (await (await ctx.actAs('leader', new Date(at))).petitions.matters.decideRelief({ id: req.id, version: req.version, approve: true, note: '同意救助' })) as { version: number };
      step(1, 7);
      await (await ctx.actAs('supervisor', new Date(at))).petitions.matters.payRelief({ id: req.id, version: d.version, paidOn: chinaDay(at) });
    }
    step(1, 10);
    m = await get('supervisor');
    const note = { resolved: '问题已化解，信访人表示满意', stopped: '信访人承诺息访', concluded: '经复查复核，依法终结' }[outcome];
    await (await ctx.actAs('supervisor', new Date(at))).petitions.matters.conclude({ id: reg.matterId, version: m.version, outcome, note });
  }
}

/** Deletes the plugin's rows of the demo cases, children first. */
export async function removePetitionsDemo(ctx: { db: Parameters<PluginDemo['remove']>[0]['db']; tenantId: string; caseIds: readonly string[] }): Promise<number> {
  if (ctx.caseIds.length === 0) return 0;
  const ids = sql.join(ctx.caseIds.map((id) => sql`${id}::uuid`));
  const matters = sql`(select id from petitions.matters where tenant_id = ${ctx.tenantId} and case_id in (${ids}))`;
  for (const table of ['visits', 'petitioners', 'relief', 'writeoff_requests']) {
    await sql`delete from ${sql.table(`petitions.${table}`)} where tenant_id = ${ctx.tenantId} and matter_id in ${matters}`.execute(own(ctx));
  }
  await sql`update petitions.leader_visits set matter_id = null where tenant_id = ${ctx.tenantId} and matter_id in ${matters}`.execute(own(ctx));
  const { rows } = await sql<{ n: string }>`with d as (delete from petitions.matters where tenant_id = ${ctx.tenantId} and case_id in (${ids}) returning 1) select count(*)::text as n from d`.execute(own(ctx));
  return Number(rows[0]!.n);
}

export const petitionsDemo: PluginDemo = { seed: seedPetitionsDemo, remove: removePetitionsDemo };
