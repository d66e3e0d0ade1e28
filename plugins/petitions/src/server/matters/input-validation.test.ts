// Bad input to the petitions procedures is answered 400 naming the field, never a 500, and
// the control characters a pasted text carries never reach the printed documents.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDocx } from '@zhengfa/documents/testing';
import { describeEachEngine } from '@zhengfa/test-utils';
import { api, petitionInput, register, startWorld, type World } from './test/helpers.js';

/** Characters XML 1.0 does not allow: a docx holding one does not open. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

describeEachEngine('petitions: input validation', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine);
  }, 120_000);
  afterAll(() => w.t.stop());

  it('prints a registration form of valid XML though the content and name were typed with control characters', async () => {
    const r = await register(w, { content: '反映\u0001城关镇\u0008征地\u001b补偿款未足额发放', petitioners: [{ name: '王\u0007五', phone: '13812345678' }] });
    const m = await api(w.sup).matters.get({ id: r.matterId });
    expect(m.content).toBe('反映城关镇征地补偿款未足额发放');
    const file = await api(w.sup).matters.document({ id: r.matterId, kind: 'registration', reveal: true });
    const doc = await openDocx(Buffer.from(file.base64, 'base64'));
    expect(NOT_XML.test(doc.xml)).toBe(false);
    expect(doc.text).toContain('反映城关镇征地补偿款未足额发放');
    expect(doc.text).toContain('王五');
  });

  it('refuses a NUL in the content with 400 naming the field', async () => {
    await expect(register(w, { content: '反映\u0000补偿款' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '提交的内容有误：「信访内容」不能包含空字符（\\0），请删除后重新提交' });
  });

  it('refuses a receipt date that does not exist, naming the field', async () => {
    await expect(api(w.sup).matters.register(petitionInput(w, { receivedOn: '2026-02-30' }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '提交的内容有误：「收件（来访）日期」2026-02-30 不是存在的日期',
    });
  });

  it('refuses a ledger file name with a right-to-left override', async () => {
    await expect(api(w.sup).imports.check({ fileName: '台账\u202Exslx.exe', base64: 'UEsDBA==' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '提交的内容有误：「文件名」不能包含改变文字方向的控制字符，请改用普通文件名',
    });
  });

  it('refuses a list filter date that does not exist with 400, not 500', async () => {
    await expect(api(w.sup).matters.list({ from: '2026-13-01' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '提交的内容有误：「起始日期」2026-13-01 不是存在的日期' });
  });
});
