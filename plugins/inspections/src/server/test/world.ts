// Shared steps for the plugin's tests: a test kernel with the plugin on a fixed clock, the
// demo users signed in, the four units' ids, and the fixture checklist and scales.
import { createTestClock, orgIdByName, startTestKernel, userIdByName, type ActingUser, type TestClock, type TestEngine, type TestKernel } from '@zhengfa/test-utils';
import inspections from '../index.js';

export interface World {
  t: TestKernel;
  clock: TestClock;
  sup: ActingUser;
  leader: ActingUser;
  liaison: ActingUser;
  supId: string;
  units: { police: string; procuratorate: string; court: string; justice: string };
}

/** 10:00 in China on `day`. */
export function chinaMorning(day: string): string {
  return `${day}T02:00:00Z`;
}

export async function startWorld(engine: TestEngine, today: string): Promise<World> {
  const clock = createTestClock(chinaMorning(today));
  const t = await startTestKernel({ engine, plugins: [inspections], clock });
  const [sup, leader, liaison] = [await t.signIn('supervisor'), await t.signIn('leader'), await t.signIn('liaison')];
  const units = {
    police: await orgIdByName(t, '示范县公安局'),
    procuratorate: await orgIdByName(t, '示范县人民检察院'),
    court: await orgIdByName(t, '示范县人民法院'),
    justice: await orgIdByName(t, '示范县司法局'),
  };
  return { t, clock, sup, leader, liaison, supId: await userIdByName(t, 'supervisor'), units };
}

/** The plugin's procedures on a caller. */
export function api(u: ActingUser): any {
  return (u.caller as any).inspections;
}

/** The fixture checklist: 100 points in four items, a deduction item and a veto item. */
export function templateInput(over: Record<string, unknown> = {}) {
  return {
    name: '案件质量评查标准（通用）',
    unitType: 'any',
    total: 100,
    items: [
      { aspect: '实体', content: '事实认定清楚，证据确实充分', kind: 'points', maxPoints: 40 },
      { aspect: '程序', content: '办案程序合法', kind: 'points', maxPoints: 30 },
      { aspect: '法律文书', content: '法律文书制作规范', kind: 'deduction', maxPoints: 20, perDefect: 5 },
      { aspect: '卷宗装订', content: '卷宗装订规范', kind: 'points', maxPoints: 10 },
      { aspect: '实体', content: '存在错案', kind: 'veto', maxPoints: 0 },
    ],
    ...over,
  };
}

export const threeGrades = {
  name: '三级（优秀/合格/不合格）',
  total: 100,
  grades: [
    { label: '优秀', minScore: 90, band: 'excellent' },
    { label: '合格', minScore: 60, band: 'good' },
    { label: '不合格', minScore: 0, band: 'fail' },
  ],
};

export const fourGrades = {
  name: '四级（优质/合格/基本合格/不合格）',
  total: 100,
  grades: [
    { label: '优质', minScore: 90, band: 'excellent' },
    { label: '合格', minScore: 80, band: 'good' },
    { label: '基本合格', minScore: 60, band: 'pass' },
    { label: '不合格', minScore: 0, band: 'fail' },
  ],
};

export function campaignInput(units: string[], over: Record<string, unknown> = {}) {
  return {
    kind: '案件质量评查',
    title: '2026年度案件质量评查',
    year: 2026,
    unitIds: units,
    caseTypes: ['刑事', '行政'],
    caseFrom: '2025-07-01',
    caseTo: '2026-06-30',
    selfCheckFrom: '2026-09-01',
    selfCheckTo: '2026-09-15',
    reviewFrom: '2026-09-16',
    reviewTo: '2026-10-15',
    rectifyFrom: '2026-10-16',
    rectifyTo: '2026-11-30',
    bulletinOn: '2026-12-10',
    templates: [],
    scaleId: null,
    doubleScoring: false,
    margin: 0,
    ...over,
  };
}

/** A sheet for the fixture checklist: points of items 1, 2 and 4, defects of item 3, the veto. */
export function sheet(items: { id: string }[], [a, b, defects, d, veto]: [number, number, number, number, boolean?]) {
  return [
    { itemId: items[0]!.id, points: a },
    { itemId: items[1]!.id, points: b },
    { itemId: items[2]!.id, defects },
    { itemId: items[3]!.id, points: d },
    { itemId: items[4]!.id, vetoed: veto ?? false },
  ];
}

/** Moves a campaign from 筹备 to 抽查评查. */
export async function toReview(a: any, id: string): Promise<void> {
  let { version } = await a.campaigns.get({ id });
  for (let i = 0; i < 2; i += 1) version = (await a.campaigns.advance({ id, version })).version;
}

export interface Scored {
  campaignId: string;
  /** File ids by case number. */
  ids: Record<string, string>;
  templateId: string;
}

/**
 * A campaign on the 3-grade scale whose files are each scored once by the supervisor:
 * `files` maps a unit to rows [caseNo, volumes, [item1, item2, defects of item 3, item4, veto?]].
 */
export async function scoredCampaign(
  w: World,
  files: Partial<Record<keyof World['units'], [string, number, [number, number, number, number, boolean?]][]>>,
  over: Record<string, unknown> = {},
): Promise<Scored> {
  const a = api(w.sup);
  const template = await a.templates.create(templateInput({ name: `评查标准-${Object.values(files).flat().map((f) => f![0]).join('')}` }));
  const items = (await a.templates.get({ id: template.id })).items;
  const scales = await a.scales.list();
  const three = scales.find((s: any) => s.name === threeGrades.name) ?? (await a.scales.create(threeGrades));
  const units = Object.keys(files) as (keyof World['units'])[];
  const campaignId = (await a.campaigns.create(campaignInput(units.map((u) => w.units[u]), { templates: [{ unitType: 'any', templateId: template.id }], scaleId: three.id, ...over }))).id;
  for (const u of units) {
    await a.files.register({ campaignId, unitId: w.units[u], files: files[u]!.map(([caseNo, volumes]) => ({ caseNo, caseType: '刑事', volumes, handlerName: '张办案' })) });
  }
  await toReview(a, campaignId);
  const ids: Record<string, string> = Object.fromEntries((await a.files.list({ campaignId })).map((f: any) => [f.caseNo, f.id]));
  const member = (await a.members.add({ campaignId, kind: 'staff', userId: w.supId })).id;
  for (const u of units) {
    await a.sampling.target({ campaignId, unitId: w.units[u], caseNos: files[u]!.map(([no]) => no), reason: '随机抽取后补录' });
    for (const [caseNo, , score] of files[u]!) {
      const assignmentId = (await a.scoring.assign({ fileId: ids[caseNo], memberId: member, role: 'first' })).id;
      await a.scoring.submit({ assignmentId, version: 1, scores: sheet(items, score) });
    }
  }
  return { campaignId, ids, templateId: template.id };
}
