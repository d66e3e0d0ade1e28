import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { api, campaignInput, startWorld, toReview, type World } from '../test/world.js';

describeEachEngine('inspections sampling', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-20');
  });
  afterAll(() => w.t.stop());

  /** A campaign in 抽查评查 with the police's 12 criminal and 8 administrative files registered. */
  async function campaignWithFiles(title: string): Promise<string> {
    const a = api(w.sup);
    const { id } = await a.campaigns.create(campaignInput([w.units.police, w.units.procuratorate], { title }));
    const files = [
      ...Array.from({ length: 12 }, (_, i) => ({ caseNo: `示公刑字〔2026〕${i + 1}号`, caseType: '刑事', volumes: 1 + (i % 3), handlerName: '李警官' })),
      ...Array.from({ length: 8 }, (_, i) => ({ caseNo: `示公行罚字〔2026〕${i + 1}号`, caseType: '行政', volumes: 1 })),
    ];
    await a.files.register({ campaignId: id, unitId: w.units.police, files });
    await toReview(a, id);
    return id;
  }

  it('draws the same files for the same seed, stratified by case type', async () => {
    const one = await campaignWithFiles('抽样一');
    const two = await campaignWithFiles('抽样二');
    const strata = [{ caseType: '刑事', count: 3 }, { caseType: '行政', count: 2 }];
    const a = await api(w.sup).sampling.draw({ campaignId: one, unitId: w.units.police, strata, seed: '2026-评查' });
    const b = await api(w.sup).sampling.draw({ campaignId: two, unitId: w.units.police, strata, seed: '2026-评查' });
    expect(a.files.map((f: any) => f.caseNo)).toEqual(b.files.map((f: any) => f.caseNo));
    expect(a.files.map((f: any) => f.caseType)).toEqual(['刑事', '刑事', '刑事', '行政', '行政']);
  });

  it('draws a different sample for another seed', async () => {
    const one = await campaignWithFiles('抽样三');
    const two = await campaignWithFiles('抽样四');
    const strata = [{ caseType: '刑事', count: 4 }];
    const a = await api(w.sup).sampling.draw({ campaignId: one, unitId: w.units.police, strata, seed: 'A' });
    const b = await api(w.sup).sampling.draw({ campaignId: two, unitId: w.units.police, strata, seed: 'B' });
    expect(a.files.map((f: any) => f.caseNo)).not.toEqual(b.files.map((f: any) => f.caseNo));
  });

  it('stores the draw with its seed and marks the files sampled', async () => {
    const id = await campaignWithFiles('抽样五');
    const d = await api(w.sup).sampling.draw({ campaignId: id, unitId: w.units.police, strata: [{ caseType: '行政', count: 2 }], seed: 's-5' });
    const draws = await api(w.sup).sampling.draws({ campaignId: id });
    expect(draws.map((x: any) => [x.method, x.seed, x.files])).toEqual([['random', 's-5', 2]]);
    expect((await api(w.sup).files.list({ campaignId: id, sampledOnly: true })).map((f: any) => f.caseNo).sort()).toEqual(d.files.map((f: any) => f.caseNo).sort());
  });

  it('answers a double click with the draw already made', async () => {
    const id = await campaignWithFiles('抽样九');
    const input = { campaignId: id, unitId: w.units.police, strata: [{ caseType: '刑事', count: 2 }], clientKey: 'draw-click-0001' };
    const first = await api(w.sup).sampling.draw(input);
    const again = await api(w.sup).sampling.draw(input);
    expect([again.drawId, again.files.map((f: any) => f.caseNo).sort()]).toEqual([first.drawId, first.files.map((f: any) => f.caseNo).sort()]);
    expect((await api(w.sup).sampling.draws({ campaignId: id })).length).toBe(1);
  });

  it('refuses to draw more files than remain, writing nothing', async () => {
    const id = await campaignWithFiles('抽样六');
    await expect(api(w.sup).sampling.draw({ campaignId: id, unitId: w.units.police, strata: [{ caseType: '行政', count: 9 }] })).rejects.toThrow(
      '「分层抽样数量」中「行政」要抽 9 件，未抽取的候选案卷只有 8 件',
    );
    expect(await api(w.sup).sampling.draws({ campaignId: id })).toEqual([]);
  });

  it('takes targeted files by case number with the reason', async () => {
    const id = await campaignWithFiles('抽样七');
    const d = await api(w.sup).sampling.target({ campaignId: id, unitId: w.units.police, caseNos: ['示公刑字〔2026〕7号'], reason: '当事人多次信访' });
    expect(d.files.map((f: any) => f.caseNo)).toEqual(['示公刑字〔2026〕7号']);
    await expect(api(w.sup).sampling.target({ campaignId: id, unitId: w.units.police, caseNos: ['示公刑字〔2026〕7号'], reason: '再次抽取' })).rejects.toThrow(
      '案卷「示公刑字〔2026〕7号」已被抽取',
    );
  });

  it('refuses a targeted case number that was not registered', async () => {
    const id = await campaignWithFiles('抽样八');
    await expect(api(w.sup).sampling.target({ campaignId: id, unitId: w.units.police, caseNos: ['示公刑字〔2026〕99号'], reason: '群众举报' })).rejects.toThrow(
      '「案号清单」中的「示公刑字〔2026〕99号」未登记为本单位的候选案卷',
    );
  });

  it('skips case numbers already registered when a list is sent twice', async () => {
    const a = api(w.sup);
    const { id } = await a.campaigns.create(campaignInput([w.units.police], { title: '重复登记' }));
    const files = [{ caseNo: '示公刑字〔2026〕1号', caseType: '刑事', volumes: 2 }];
    expect(await a.files.register({ campaignId: id, unitId: w.units.police, files })).toEqual({ added: 1, skipped: 0 });
    expect(await a.files.register({ campaignId: id, unitId: w.units.police, files })).toEqual({ added: 0, skipped: 1 });
  });

  it('refuses to take a unit with registered files out of the campaign', async () => {
    const a = api(w.sup);
    const { id } = await a.campaigns.create(campaignInput([w.units.police, w.units.court], { title: '移出单位' }));
    await a.files.register({ campaignId: id, unitId: w.units.police, files: [{ caseNo: 'Y1', caseType: '刑事', volumes: 1 }] });
    await expect(a.campaigns.update({ id, version: 1, ...campaignInput([w.units.court], { title: '移出单位' }) })).rejects.toThrow(
      '「被检查单位」已有自查、候选案卷或抽样记录，不能移出本次检查活动',
    );
    expect(await a.campaigns.update({ id, version: 1, ...campaignInput([w.units.police], { title: '移出法院' }) })).toEqual({ version: 2 });
    expect((await a.campaigns.get({ id })).units.map((u: any) => u.unitName)).toEqual(['示范县公安局']);
  });

  it('refuses to sample before the review phase', async () => {
    const a = api(w.sup);
    const { id } = await a.campaigns.create(campaignInput([w.units.police], { title: '未到抽查阶段' }));
    await a.files.register({ campaignId: id, unitId: w.units.police, files: [{ caseNo: 'X1', caseType: '刑事', volumes: 1 }] });
    await expect(a.sampling.draw({ campaignId: id, unitId: w.units.police, strata: [{ caseType: '刑事', count: 1 }] })).rejects.toThrow('检查活动不在抽查评查阶段，不能抽取案卷');
  });
});
