import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestClock, describeEachEngine } from '@zhengfa/test-utils';
import { keepTogether } from '@zhengfa/documents';
import { openDocx } from '@zhengfa/documents/testing';
import { answered, api, kernelApi, register, routeFully, startWorld, type World } from './test/helpers.js';

const clockOf = (m: any, key: string) => m.kernel.clocks.find((c: any) => c.key === key);

// Today is Monday 2026-09-28 (10:00 in China), the working day before the National Day
// holiday (10-01..10-07 off; Saturday 10-10 is a make-up workday).
const TODAY = '2026-09-28T02:00:00Z';

describeEachEngine('petitions: statutory deadlines and notices', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine, { clock: createTestClock(TODAY) });
  }, 120_000);
  afterAll(() => w.t.stop());

  it('runs the 15-day route clock from the day of receipt', async () => {
    const r = await register(w, { receivedOn: '2026-09-25' });
    const m = await api(w.sup).matters.get({ id: r.matterId });
    expect(clockOf(m, 'route').dueOn).toBe('2026-10-10');
  });

  it('starts the 15-day receipt clock and the 60-day handling clock at assignment', async () => {
    const r = await register(w);
    const m = await routeFully(w, r.matterId);
    expect(clockOf(m, 'receipt').dueOn).toBe('2026-10-13');
    expect(clockOf(m, 'handle').dueOn).toBe('2026-11-27');
  });

  it('gives the unit five working days to object, counted across the National Day holiday', async () => {
    const r = await register(w);
    const m = await routeFully(w, r.matterId);
    // 09-29, 09-30, (10-01..10-07 off) 10-08, 10-09 and the make-up Saturday 10-10.
    expect(clockOf(m, 'objection').dueOn).toBe('2026-10-10');
  });

  it('stops the receipt and objection clocks when the unit accepts the matter', async () => {
    const r = await register(w);
    let m = await routeFully(w, r.matterId);
    await api(w.liaison).matters.recordAcceptance({ id: r.matterId, version: m.version, accepted: true });
    m = await api(w.sup).matters.get({ id: r.matterId });
    expect(clockOf(m, 'receipt').stoppedOn).not.toBeNull();
    expect(clockOf(m, 'objection').stoppedOn).not.toBeNull();
    expect(m.kernel.status).toBe('in_progress');
  });

  it('requires a reason to refuse acceptance', async () => {
    const r = await register(w);
    const m = await routeFully(w, r.matterId);
    await expect(api(w.liaison).matters.recordAcceptance({ id: r.matterId, version: m.version, accepted: false })).rejects.toThrow('不予受理须写明理由');
  });

  it('opens a 30-day window for review when the answer is recorded', async () => {
    const r = await register(w);
    const m = await answered(w, r.matterId);
    expect(clockOf(m, 'handle').stoppedOn).not.toBeNull();
    expect(m.answeredOn).toBe('2026-09-28');
    expect(clockOf(m, 'review_request').dueOn).toBe('2026-10-28');
    expect(m.kernel.status).toBe('submitted');
  });

  it('refuses a review requested after the 30-day window', async () => {
    const r = await register(w, { receivedOn: '2026-08-19' });
    // Answered on 08-24: the window closed on 09-23.
    const m = await answered(w, r.matterId, '2026-08-24');
    await expect(api(w.sup).matters.requestReview({ id: r.matterId, version: m.version })).rejects.toThrow('依法不再受理');
  });

  it('gives the review decision 30 days and then opens the re-review window', async () => {
    const r = await register(w);
    let m = await answered(w, r.matterId);
    await api(w.sup).matters.requestReview({ id: r.matterId, version: m.version });
    m = await api(w.sup).matters.get({ id: r.matterId });
    expect(clockOf(m, 'review_decision').dueOn).toBe('2026-10-28');
    expect(clockOf(m, 'review_request').stoppedOn).not.toBeNull();
    await api(w.sup).matters.decideReview({ id: r.matterId, version: m.version, result: '维持原处理意见' });
    m = await api(w.sup).matters.get({ id: r.matterId });
    expect(clockOf(m, 're_review_request').dueOn).toBe('2026-10-28');
  });

  it('accepts nothing more on the same facts after the re-review', async () => {
    const r = await register(w);
    let m = await answered(w, r.matterId);
    await api(w.sup).matters.requestReview({ id: r.matterId, version: m.version });
    m = await api(w.sup).matters.get({ id: r.matterId });
    await api(w.sup).matters.decideReview({ id: r.matterId, version: m.version, result: '维持' });
    m = await api(w.sup).matters.get({ id: r.matterId });
    await api(w.sup).matters.requestReReview({ id: r.matterId, version: m.version });
    m = await api(w.sup).matters.get({ id: r.matterId });
    expect(clockOf(m, 're_review_decision').dueOn).toBe('2026-10-28');
    await api(w.sup).matters.decideReReview({ id: r.matterId, version: m.version, result: '维持复查意见' });
    m = await api(w.sup).matters.get({ id: r.matterId });
    expect(m.final).toBe(true);
    await expect(api(w.sup).matters.requestReview({ id: r.matterId, version: m.version })).rejects.toThrow('不再受理');
  });

  it('extends the handling clock by up to 30 days through the kernel and prints the reason in the extension notice', async () => {
    const r = await register(w);
    const m = await routeFully(w, r.matterId);
    const handle = clockOf(m, 'handle');
    await expect(kernelApi(w.liaison).requestExtension({ clockId: handle.id, days: 31, reason: '需要调取历年档案' })).rejects.toThrow();
    const ext = await kernelApi(w.liaison).requestExtension({ clockId: handle.id, days: 30, reason: '需要调取历年档案' });
    await kernelApi(w.leader).decideExtension({ extensionId: ext.id, approve: true, comment: '同意' });
    const after = await api(w.sup).matters.get({ id: r.matterId });
    expect(clockOf(after, 'handle').dueOn).toBe('2026-12-27');
    const file = await api(w.sup).matters.document({ id: r.matterId, kind: 'extension', extensionReason: '需要调取历年档案核实补偿标准' });
    const doc = await openDocx(Buffer.from(file.base64, 'base64'));
    expect(doc.text).toContain('延期办理告知书');
    expect(doc.text).toContain('需要调取历年档案核实补偿标准');
    expect(doc.text).toContain(r.queryCode);
  });

  it('refuses an extension notice while the handling clock has not been extended', async () => {
    const r = await register(w);
    await routeFully(w, r.matterId);
    await expect(api(w.sup).matters.document({ id: r.matterId, kind: 'extension', extensionReason: '情况复杂' })).rejects.toThrow('办理期限尚未延长');
  });

  it('prints the answer notice with the review rights, the 30-day window and the query code', async () => {
    const r = await register(w);
    const m = await answered(w, r.matterId);
    const file = await api(w.sup).matters.document({ id: r.matterId, kind: 'answer' });
    const doc = await openDocx(Buffer.from(file.base64, 'base64'));
    expect(doc.text).toContain('处理意见书');
    expect(doc.text).toContain('复查');
    expect(doc.text).toContain('复核');
    expect(doc.text).toContain('30日内');
    expect(doc.text).toContain(r.queryCode);
    expect(m.answer).toBe('经核实，补偿款已于本月补发到位');
  });

  it('prints the acceptance notice with the due date of the handling clock', async () => {
    const r = await register(w);
    const m = await routeFully(w, r.matterId);
    await api(w.liaison).matters.recordAcceptance({ id: r.matterId, version: m.version, accepted: true });
    const file = await api(w.sup).matters.document({ id: r.matterId, kind: 'acceptance' });
    const doc = await openDocx(Buffer.from(file.base64, 'base64'));
    expect(doc.text).toContain('受理告知书');
    expect(doc.text).toContain(r.queryCode);
  });

  it('keeps the registration number on one line in the acceptance notice, under the mark and in the body', async () => {
    const r = await register(w);
    const m = await routeFully(w, r.matterId);
    await api(w.liaison).matters.recordAcceptance({ id: r.matterId, version: m.version, accepted: true });
    const file = await api(w.sup).matters.document({ id: r.matterId, kind: 'acceptance' });
    const doc = await openDocx(Buffer.from(file.base64, 'base64'));
    const joined = `>${keepTogether(m.docNo)}</w:t>`;
    expect(doc.text).toContain(`（登记编号${m.docNo}）`);
    expect(doc.xml.split(joined).length - 1).toBe(2);
  });

  it('prints the non-acceptance notice with the reason', async () => {
    const r = await register(w);
    const m = await routeFully(w, r.matterId);
    await api(w.liaison).matters.recordAcceptance({ id: r.matterId, version: m.version, accepted: false, note: '该事项已经人民法院判决生效' });
    const file = await api(w.sup).matters.document({ id: r.matterId, kind: 'non_acceptance' });
    const doc = await openDocx(Buffer.from(file.base64, 'base64'));
    expect(doc.text).toContain('不予受理告知书');
    expect(doc.text).toContain('该事项已经人民法院判决生效');
  });

  it('masks the petitioner on the registration form unless revealed, and audits the reveal', async () => {
    const r = await register(w, { petitioners: [{ name: '冯晓东', phone: '13811112222' }] });
    const masked = await openDocx(Buffer.from((await api(w.sup).matters.document({ id: r.matterId, kind: 'registration' })).base64, 'base64'));
    expect(masked.text).toContain('冯**');
    expect(masked.text).not.toContain('冯晓东');
    expect(masked.text).toContain(r.queryCode);
    const full = await openDocx(Buffer.from((await api(w.sup).matters.document({ id: r.matterId, kind: 'registration', reveal: true })).base64, 'base64'));
    expect(full.text).toContain('冯晓东');
  });
});

describeEachEngine('petitions: the day of receipt around China midnight', (engine) => {
  let w: World;
  beforeAll(async () => {
    // 16:30 UTC on 5 March is 00:30 on 6 March in China.
    w = await startWorld(engine, { clock: createTestClock('2026-03-05T16:30:00Z') });
  }, 120_000);
  afterAll(() => w.t.stop());

  it('refuses a day of receipt after 6 March as in the future', async () => {
    await expect(register(w, { receivedOn: '2026-03-07' })).rejects.toThrow('「收件（来访）日期」不能晚于今天（2026-03-06）');
  });

  it('takes a matter received on 6 March and runs its route clock from that day', async () => {
    const r = await register(w, { receivedOn: '2026-03-06' });
    const m = await api(w.sup).matters.get({ id: r.matterId });
    expect(clockOf(m, 'route').dueOn).toBe('2026-03-21');
  });
});
