import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { openDocx } from '@zhengfa/documents/testing';
import { api, kernelApi, makeIdNumber, register, routeFully, startWorld, type World } from './test/helpers.js';

const ACCUSER = '林检举';
const ID = makeIdNumber('990001', '1975-07-07', 135);
const PHONE = '13655556666';
const ADDRESS = '示范县河口乡河口村五组';
const MATERIAL = '城关派出所民警某某收受好处费';

describeEachEngine('petitions: accusations keep the accuser hidden from the accused unit', (engine) => {
  let w: World;
  let matterId: string;
  let caseId: string;
  const leaks = (text: string) => [ACCUSER, ID, PHONE, ADDRESS, MATERIAL, '林*'].filter((s) => text.includes(s));

  beforeAll(async () => {
    w = await startWorld(engine);
    const r = await register(w, {
      isAccusation: true,
      accusedOrgId: w.orgs['示范县公安局'],
      accusedPerson: '城关派出所民警',
      content: `${MATERIAL}，为他人违规办理户口`,
      petitioners: [{ name: ACCUSER, idNumber: ID, phone: PHONE, address: ADDRESS }],
    });
    matterId = r.matterId;
    caseId = r.caseId;
    // The accused unit itself is made to handle the matter.
    await routeFully(w, matterId, '示范县公安局');
  }, 180_000);
  afterAll(() => w.t.stop());

  it('passes neither the accuser nor the material into the kernel case', async () => {
    const kase = await kernelApi(w.sup).get({ id: caseId });
    expect(kase.parties).toEqual([]);
    expect(leaks(JSON.stringify([kase.title, kase.summary]))).toEqual([]);
  });

  it('hides the accuser from the accused unit in the matter', async () => {
    const m = await api(w.liaison).matters.get({ id: matterId });
    expect(m.petitionersHidden).toBe(true);
    expect(leaks(JSON.stringify(m))).toEqual([]);
  });

  it('hides the accuser from the accused unit in the list', async () => {
    const list = await api(w.liaison).matters.list({ pageSize: 200 });
    const item = list.items.find((i: any) => i.id === matterId);
    expect(item).toBeDefined();
    expect(leaks(JSON.stringify(list))).toEqual([]);
  });

  it('refuses the accused unit a reveal of the accuser', async () => {
    await expect(api(w.liaison).matters.reveal({ matterId })).rejects.toThrow();
  });

  it('refuses the accused unit every document of the accusation', async () => {
    for (const kind of ['registration', 'acceptance', 'non_acceptance', 'extension', 'answer']) {
      await expect(api(w.liaison).matters.document({ id: matterId, kind, extensionReason: '情况复杂' })).rejects.toThrow();
    }
  });

  it('refuses the accused unit the repeat search and the reception calendar', async () => {
    await expect(api(w.liaison).matters.findRepeats({ petitioners: [{ name: ACCUSER, idNumber: ID }], content: MATERIAL })).rejects.toThrow();
    await expect(api(w.liaison).fourVisits.calendar({ month: new Date().toISOString().slice(0, 7) })).rejects.toThrow();
  });

  it('keeps the accuser out of the kernel case page and ledger the unit sees', async () => {
    const kase = await kernelApi(w.liaison).get({ id: caseId });
    const ledger = await kernelApi(w.liaison).ledger({ kind: ['petition'], pageSize: 200 });
    expect(leaks(JSON.stringify(kase))).toEqual([]);
    expect(leaks(JSON.stringify(ledger))).toEqual([]);
  });

  it('keeps the accuser hidden after the unit records acceptance and answer', async () => {
    let m = await api(w.liaison).matters.get({ id: matterId });
    await api(w.liaison).matters.recordAcceptance({ id: matterId, version: m.version, accepted: true });
    m = await api(w.liaison).matters.get({ id: matterId });
    const out = await api(w.liaison).matters.recordAnswer({ id: matterId, version: m.version, answer: '经调查，反映问题部分属实，已给予相关民警处分' });
    expect(leaks(JSON.stringify(out))).toEqual([]);
    expect(leaks(JSON.stringify(await api(w.liaison).matters.get({ id: matterId })))).toEqual([]);
  });

  it('shows the accuser to a committee user allowed to see accusers, with the reveal audited', async () => {
    const people = await api(w.sup).matters.reveal({ matterId });
    expect(people[0]).toMatchObject({ name: ACCUSER, idNumber: ID, phone: PHONE });
    const doc = await openDocx(Buffer.from((await api(w.sup).matters.document({ id: matterId, kind: 'registration', reveal: true })).base64, 'base64'));
    expect(doc.text).toContain(ACCUSER);
  });
});
