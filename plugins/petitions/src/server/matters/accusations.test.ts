// Accusations (检举控告): the accuser's identity and material are never shown to the
// accused unit, nor to a committee user without 查看检举控告人身份, in any page, procedure,
// download, export, search hit or document. Every refusal below is made where only the
// accusation rule can refuse: the same user, holding every permission the action needs,
// succeeds on an ordinary matter in the same state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { apiStrings, type AuthedContext } from '@zhengfa/plugin-api';
import { addUserWithPermissions, describeEachEngine, type ActingUser } from '@zhengfa/test-utils';
import { openDocx } from '@zhengfa/documents/testing';
import { sql } from 'kysely';
import { permissions } from '../permissions.js';
import { fourVisitStrings, matterStrings } from '../strings.js';
import { answered, api, chinaDay, kernelApi, makeIdNumber, register, startWorld, type World } from './test/helpers.js';

const ACCUSER = '林检举';
const ID = makeIdNumber('990001', '1975-07-07', 135);
const PHONE = '13655556666';
const ADDRESS = '示范县河口乡河口村五组';
const MATERIAL = '城关派出所民警某某收受好处费';
const LETTER = '检举信.txt';
const NOTE = `检举人${ACCUSER}来电补充`;

const leaks = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return [ACCUSER, ID, PHONE, ADDRESS, MATERIAL, LETTER, NOTE, '林*'].filter((s) => text.includes(s));
};

const permissionName = (key: string) => permissions.find((p) => p.key === key)!.name;
const lacks = (key: string) => apiStrings.forbidden(permissionName(key));

async function xlsxText(bytes: Uint8Array): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
  return cells.join('\n');
}

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

describeEachEngine('petitions: accusations keep the accuser hidden from the accused unit', (engine) => {
  let w: World;
  /** The accusation, made to be handled by the accused unit (示范县公安局) itself, answered. */
  let accusation: { matterId: string; caseId: string };
  /** An ordinary matter of the same unit in the same state: the control for every refusal. */
  let ordinary: { matterId: string; caseId: string };
  /** A committee user who may register, reveal and print, but not see accusers. */
  let clerk: ActingUser;
  /** A user of the accused unit who may reveal petitioners and read statistics. */
  let unitOfficer: ActingUser;
  let letterId: string;

  beforeAll(async () => {
    w = await startWorld(engine);
    const a = await register(w, {
      isAccusation: true,
      accusedOrgId: w.orgs['示范县公安局'],
      accusedPerson: '城关派出所民警',
      content: `${MATERIAL}，为他人违规办理户口`,
      petitioners: [{ name: ACCUSER, idNumber: ID, phone: PHONE, address: ADDRESS }],
    });
    accusation = { matterId: a.matterId, caseId: a.caseId };
    const o = await register(w);
    ordinary = { matterId: o.matterId, caseId: o.caseId };
    for (const m of [accusation, ordinary]) await answered(w, m.matterId);
    clerk = await addUserWithPermissions(w.t, {
      username: 'clerk',
      displayName: '周文书',
      orgName: '示范县委政法委',
      permissions: ['cases.read', 'cases.reveal', 'cases.export', 'petitions.read', 'petitions.register', 'petitions.reveal', 'petitions.stats'],
    });
    unitOfficer = await addUserWithPermissions(w.t, {
      username: 'police-officer',
      displayName: '吴民警',
      orgName: '示范县公安局',
      permissions: ['cases.read', 'cases.handle', 'cases.export', 'petitions.read', 'petitions.reveal', 'petitions.stats'],
    });
    // The accuser's letter goes onto the kernel case; a note about the accuser onto its timeline.
    letterId = (await w.t.kernel.storeAttachment(w.sup.ctx as AuthedContext, { caseId: accusation.caseId, name: LETTER, bytes: new TextEncoder().encode(`${ACCUSER}：${MATERIAL}`) })).id;
    await w.t.kernel.storeAttachment(w.sup.ctx as AuthedContext, { caseId: ordinary.caseId, name: '来信.txt', bytes: new TextEncoder().encode('来信内容') });
    await kernelApi(w.sup).dispatch({ id: accusation.caseId, heldOn: chinaDay(), summary: NOTE });
  }, 300_000);
  afterAll(() => w.t.stop());

  it('passes neither the accuser nor the material into the kernel case', async () => {
    const r = await sql<{ title: string; summary: string; party_names: string[]; restricted_to: string | null }>`select title, summary, party_names, restricted_to
      from kernel.cases where id = ${accusation.caseId}`.execute(w.t.database.db);
    expect(leaks(r.rows[0])).toEqual([]);
    expect(r.rows[0]!.restricted_to).toBe('petitions.accusations');
  });

  it('keeps the accuser out of every event payload of the outbox', async () => {
    const r = await sql<{ payload: unknown }>`select payload from kernel.outbox`.execute(w.t.database.db);
    expect(leaks(r.rows)).toEqual([]);
  });

  describe('walking every procedure of the plugin as the accused unit', () => {
    // What each procedure answers the accused unit's liaison about the accusation: either
    // an answer with nothing of the accuser, or the refusal of the rule that applies.
    const walk: Record<string, { call: (u: ActingUser) => Promise<unknown>; refusedWith?: string }> = {
      'matters.register': { call: (u) => api(u).matters.register({}), refusedWith: lacks('petitions.register') },
      'matters.findRepeats': { call: (u) => api(u).matters.findRepeats({}), refusedWith: lacks('petitions.register') },
      'matters.list': { call: (u) => api(u).matters.list({ pageSize: 200 }) },
      'matters.export': { call: async (u) => xlsxText(Buffer.from((await api(u).matters.export({})).base64, 'base64')) },
      'matters.get': { call: (u) => api(u).matters.get({ id: accusation.matterId }) },
      'matters.byCase': { call: (u) => api(u).matters.byCase({ caseId: accusation.caseId }) },
      'matters.reveal': { call: (u) => api(u).matters.reveal({ matterId: accusation.matterId }), refusedWith: lacks('petitions.reveal') },
      'matters.route': { call: (u) => api(u).matters.route({}), refusedWith: lacks('petitions.route') },
      'matters.continueRouting': { call: (u) => api(u).matters.continueRouting({}), refusedWith: lacks('petitions.route') },
      'matters.recordAcceptance': {
        call: async (u) => api(u).matters.recordAcceptance({ id: accusation.matterId, version: (await api(u).matters.get({ id: accusation.matterId })).version, accepted: true }),
        refusedWith: matterStrings.acceptanceRecorded,
      },
      'matters.recordAnswer': {
        call: async (u) => api(u).matters.recordAnswer({ id: accusation.matterId, version: (await api(u).matters.get({ id: accusation.matterId })).version, answer: '再次答复' }),
        refusedWith: matterStrings.alreadyAnswered,
      },
      'matters.requestReview': { call: (u) => api(u).matters.requestReview({}), refusedWith: lacks('petitions.register') },
      'matters.decideReview': { call: (u) => api(u).matters.decideReview({}), refusedWith: lacks('petitions.conclude') },
      'matters.requestReReview': { call: (u) => api(u).matters.requestReReview({}), refusedWith: lacks('petitions.register') },
      'matters.decideReReview': { call: (u) => api(u).matters.decideReReview({}), refusedWith: lacks('petitions.conclude') },
      'matters.conclude': { call: (u) => api(u).matters.conclude({}), refusedWith: lacks('petitions.conclude') },
      'matters.referToMediation': { call: (u) => api(u).matters.referToMediation({}), refusedWith: lacks('petitions.route') },
      'matters.concludeMediated': { call: (u) => api(u).matters.concludeMediated({}), refusedWith: lacks('petitions.conclude') },
      'matters.setCategory': { call: (u) => api(u).matters.setCategory({}), refusedWith: lacks('petitions.register') },
      'matters.requestWriteOff': { call: (u) => api(u).matters.requestWriteOff({}), refusedWith: lacks('petitions.conclude') },
      'matters.decideWriteOff': { call: (u) => api(u).matters.decideWriteOff({}), refusedWith: lacks('petitions.writeoff') },
      'matters.requestRelief': { call: (u) => api(u).matters.requestRelief({}), refusedWith: lacks('petitions.relief') },
      'matters.decideRelief': { call: (u) => api(u).matters.decideRelief({}), refusedWith: lacks('petitions.relief') },
      'matters.payRelief': { call: (u) => api(u).matters.payRelief({}), refusedWith: lacks('petitions.relief') },
      'matters.document': { call: (u) => api(u).matters.document({ id: accusation.matterId, kind: 'registration' }), refusedWith: matterStrings.accusationDocumentDenied },
      'fourVisits.calendar': { call: (u) => api(u).fourVisits.calendar({ month: chinaDay().slice(0, 7) }), refusedWith: fourVisitStrings.listCommitteeOnly },
      'fourVisits.schedule': { call: (u) => api(u).fourVisits.schedule({}), refusedWith: lacks('petitions.visits') },
      'fourVisits.record': { call: (u) => api(u).fourVisits.record({}), refusedWith: lacks('petitions.visits') },
      // Public: answers only the holder of the query code and the phone's last four digits.
      'lookup.progress': { call: async (u) => api(u).lookup.progress({ code: 'ABCDEFGHJK', phoneLast4: '0000' }).catch((e: Error) => e.message) },
      'lookup.rate': { call: async (u) => api(u).lookup.rate({ code: 'ABCDEFGHJK', phoneLast4: '0000', rating: 5 }).catch((e: Error) => e.message) },
      'statistics.summary': { call: (u) => api(u).statistics.summary({}), refusedWith: lacks('petitions.stats') },
      'statistics.monthly': { call: (u) => api(u).statistics.monthly({}), refusedWith: lacks('petitions.stats') },
      'statistics.exportLedger': { call: (u) => api(u).statistics.exportLedger({}), refusedWith: lacks('petitions.stats') },
      'statistics.exportAnnual': { call: (u) => api(u).statistics.exportAnnual({}), refusedWith: lacks('petitions.stats') },
      'imports.check': { call: (u) => api(u).imports.check({}), refusedWith: lacks('petitions.import') },
      'imports.confirm': { call: (u) => api(u).imports.confirm({}), refusedWith: lacks('petitions.import') },
      'imports.template': { call: (u) => api(u).imports.template(), refusedWith: lacks('petitions.import') },
      'imports.recheck': { call: (u) => api(u).imports.recheck({}), refusedWith: lacks('petitions.import') },
      'imports.mapUnit': { call: (u) => api(u).imports.mapUnit({}), refusedWith: lacks('petitions.import') },
      'imports.aliases': { call: (u) => api(u).imports.aliases(), refusedWith: lacks('petitions.import') },
      'imports.removeAlias': { call: (u) => api(u).imports.removeAlias({}), refusedWith: lacks('petitions.import') },
      'imports.columns': { call: (u) => api(u).imports.columns(), refusedWith: lacks('petitions.import') },
    };

    it('declares what every procedure of the plugin answers the accused unit', () => {
      const paths = Object.keys((w.t.kernel.router as any)._def.procedures)
        .filter((p) => p.startsWith('petitions.'))
        .map((p) => p.slice('petitions.'.length));
      expect(paths.sort()).toEqual(Object.keys(walk).sort());
    });

    it('answers every procedure with nothing of the accuser, or with its own refusal', async () => {
      for (const [path, step] of Object.entries(walk)) {
        if (step.refusedWith) {
          await expect(step.call(w.liaison), path).rejects.toThrow(step.refusedWith);
        } else {
          expect(leaks(await step.call(w.liaison)), path).toEqual([]);
        }
      }
    });

    it('answers every procedure to a committee user without the accusations permission with nothing of the accuser', async () => {
      // The clerk registers, reveals and prints: most calls get through the permission check,
      // so what they answer (or the error they raise) must itself hold nothing of the accuser.
      for (const [path, step] of Object.entries(walk)) {
        const answer = await step.call(clerk).catch((e: Error) => e.message);
        expect(leaks(answer), path).toEqual([]);
      }
    });
  });

  it('hides the accuser from the accused unit in the matter', async () => {
    const m = await api(w.liaison).matters.get({ id: accusation.matterId });
    expect(m.petitionersHidden).toBe(true);
    expect(m.petitioners).toEqual([]);
    expect(leaks(m)).toEqual([]);
  });

  it('hides the accuser in the matter from a committee user without the accusations permission, who sees the petitioner of an ordinary one', async () => {
    const m = await api(clerk).matters.get({ id: accusation.matterId });
    expect(m.petitionersHidden).toBe(true);
    expect(m.petitioners).toEqual([]);
    expect(leaks(m)).toEqual([]);
    const control = await api(clerk).matters.get({ id: ordinary.matterId });
    expect(control.petitionersHidden).toBe(false);
    expect(control.petitioners).toHaveLength(1);
  });

  for (const who of ['unitOfficer', 'clerk'] as const) {
    const user = () => (who === 'clerk' ? clerk : unitOfficer);

    it(`refuses the ${who} a reveal of the accuser with the accusation rule's error`, async () => {
      await expect(api(user()).matters.reveal({ matterId: accusation.matterId })).rejects.toThrow(matterStrings.revealAccusationDenied);
      const people = await api(user()).matters.reveal({ matterId: ordinary.matterId });
      expect(people).toHaveLength(1);
    });

    it(`refuses the ${who} every document of the accusation with the accusation rule's error`, async () => {
      for (const kind of ['registration', 'acceptance', 'answer'] as const) {
        const control = await api(user()).matters.document({ id: ordinary.matterId, kind });
        expect(control.base64.length).toBeGreaterThan(0);
        await expect(api(user()).matters.document({ id: accusation.matterId, kind }), kind).rejects.toThrow(matterStrings.accusationDocumentDenied);
      }
    });

    it(`shows the ${who} neither the accuser's letter nor the committee's note on the kernel case`, async () => {
      const kase = await kernelApi(user()).get({ id: accusation.caseId });
      expect(kase.materialWithheld).toBe(true);
      expect(kase.attachments).toEqual([]);
      expect(leaks(kase)).toEqual([]);
      const control = await kernelApi(user()).get({ id: ordinary.caseId });
      expect(control.attachments.map((a: { name: string }) => a.name)).toEqual(['来信.txt']);
    });

    it(`refuses the ${who} the download of the accuser's letter with the restriction's error`, async () => {
      await expect(w.t.kernel.openAttachment(user().ctx as AuthedContext, letterId)).rejects.toThrow('该附件属于保密材料，只有持有「查看检举控告人身份」权限的政法委人员才能查看');
      const control = (await kernelApi(user()).get({ id: ordinary.caseId })).attachments[0];
      await expect(w.t.kernel.openAttachment(user().ctx as AuthedContext, control.id)).resolves.toMatchObject({ name: '来信.txt' });
    });

    it(`keeps the accuser out of the ${who}'s ledger, search, inbox and kernel xlsx export`, async () => {
      const ledger = await kernelApi(user()).ledger({ kind: ['petition'], pageSize: 200 });
      expect(ledger.items.map((i: { id: string }) => i.id)).toContain(accusation.caseId);
      expect(leaks(ledger)).toEqual([]);
      for (const keyword of [ACCUSER, '好处费', LETTER]) {
        const hits = await kernelApi(user()).ledger({ keyword });
        expect(hits.items.map((i: { id: string }) => i.id), keyword).not.toContain(accusation.caseId);
      }
      expect(leaks(await (user().caller as any).notifications.list({}))).toEqual([]);
      const { id } = await kernelApi(user()).startExport({ kind: ['petition'] });
      for (let i = 0; i < 100 && (await kernelApi(user()).exportStatus({ id })).status === 'running'; i++) await new Promise((r) => setTimeout(r, 100));
      const file = await w.t.kernel.openExport(user().ctx as AuthedContext, id);
      const text = await xlsxText(await streamBytes(file.stream()));
      expect(text).toContain((await kernelApi(user()).get({ id: accusation.caseId })).docNo);
      expect(leaks(text)).toEqual([]);
    });

    it(`keeps the accuser out of the ${who}'s statistics and their exports`, async () => {
      const year = Number(chinaDay().slice(0, 4));
      const period = { from: `${year}-01-01`, to: chinaDay() };
      expect(leaks(await api(user()).statistics.summary(period))).toEqual([]);
      const month = Number(chinaDay().slice(5, 7));
      for (const file of [await api(user()).statistics.exportLedger({ year, month }), await api(user()).statistics.exportAnnual({ year })]) {
        expect(leaks(await xlsxText(Buffer.from(file.base64, 'base64')))).toEqual([]);
      }
    });
  }

  it('never matches an accusation by person for a committee user without the accusations permission', async () => {
    const query = { petitioners: [{ name: ACCUSER, idNumber: ID, phone: PHONE }], content: '反映家中老人低保问题' };
    const forClerk = await api(clerk).matters.findRepeats(query);
    expect(forClerk.map((c: { matterId: string }) => c.matterId)).not.toContain(accusation.matterId);
    const forSupervisor = await api(w.sup).matters.findRepeats(query);
    expect(forSupervisor.find((c: { matterId: string }) => c.matterId === accusation.matterId)?.reasons).toEqual(['same_person']);
  });

  it('shows the accuser and the letter to a committee user allowed to see accusers, with the reveal audited', async () => {
    const people = await api(w.sup).matters.reveal({ matterId: accusation.matterId });
    expect(people[0]).toMatchObject({ name: ACCUSER, idNumber: ID, phone: PHONE });
    const doc = await openDocx(Buffer.from((await api(w.sup).matters.document({ id: accusation.matterId, kind: 'registration', reveal: true })).base64, 'base64'));
    expect(doc.text).toContain(ACCUSER);
    const kase = await kernelApi(w.sup).get({ id: accusation.caseId });
    expect(kase.attachments.map((a: { name: string }) => a.name)).toEqual([LETTER]);
    const audit = await sql<{ n: number }>`select count(*)::int as n from kernel.audit_log where action = 'petitions.reveal' and target_id = ${accusation.matterId} and outcome = 'success'`.execute(w.t.database.db);
    expect(audit.rows[0]!.n).toBe(1);
  });
});
