import { describe, expect, it } from 'vitest';
import { readParties, readRegistration, receiversOn, type StaffLike } from './submission.js';

function fd(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

const staff = (id: string, over: Partial<StaffLike> = {}): StaffLike => ({ id, name: `人员${id}`, unit: '县司法局', active: true, secondedFrom: '2026-01-01', secondedTo: null, ...over });

describe('the registration page', () => {
  it('offers as 受理人员 only the staff active and seconded on the received date', () => {
    const all = [
      staff('1'),
      staff('2', { active: false }),
      staff('3', { secondedFrom: '2026-12-08' }),
      staff('4', { secondedTo: '2026-12-06' }),
      staff('5', { unit: '县公安局', secondedFrom: '2026-12-07', secondedTo: '2026-12-07' }),
    ];
    expect(receiversOn(all, '2026-12-07')).toEqual([
      { value: '1', label: '人员1（县司法局）' },
      { value: '5', label: '人员5（县公安局）' },
    ]);
  });

  it('reads the party rows in order and leaves out rows whose text fields are blank', () => {
    const f = fd([
      ['partyKind', 'person'], ['partyRole', 'applicant'], ['partyName', ' 王某 '], ['partyIdNumber', ''], ['partyPhone', '13800000000'], ['partyAddress', ''],
      ['partyKind', 'person'], ['partyRole', 'respondent'], ['partyName', ''], ['partyIdNumber', ''], ['partyPhone', ''], ['partyAddress', ''],
      ['partyKind', 'organisation'], ['partyRole', 'other'], ['partyName', '某建筑公司'], ['partyIdNumber', ''], ['partyPhone', ''], ['partyAddress', '城关镇'],
    ]);
    expect(readParties(f)).toEqual([
      { kind: 'person', role: 'applicant', name: '王某', idNumber: null, phone: '13800000000', address: null },
      { kind: 'organisation', role: 'other', name: '某建筑公司', idNumber: null, phone: null, address: '城关镇' },
    ]);
  });

  it('sends a party row with a phone but no name so the server names the missing name', () => {
    expect(readParties(fd([['partyKind', 'person'], ['partyRole', 'respondent'], ['partyName', ''], ['partyPhone', '13900000000']]))).toEqual([
      { kind: 'person', role: 'respondent', name: '', idNumber: null, phone: '13900000000', address: null },
    ]);
  });

  it('reads the whole form as the register input, a blank receiver and amount as null', () => {
    const f = fd([
      ['intent', 'register'], ['version', '0'], ['clientKey', 'k-12345678'],
      ['source', 'petition'], ['referenceNo', ' 信转〔2026〕12号 '], ['consent', '1'], ['receivedOn', '2026-12-07'],
      ['receivedByStaffId', ''], ['summary', ' 工程款纠纷 '], ['disputeType', '劳动争议'], ['amount', ''], ['personCount', '3'], ['riskLevel', 'medium'],
      ['partyKind', 'person'], ['partyRole', 'applicant'], ['partyName', '李某'], ['partyIdNumber', ''], ['partyPhone', ''], ['partyAddress', ''],
    ]);
    expect(readRegistration(f)).toEqual({
      source: 'petition',
      referenceNo: '信转〔2026〕12号',
      consent: true,
      receivedOn: '2026-12-07',
      summary: '工程款纠纷',
      disputeType: '劳动争议',
      amount: null,
      personCount: 3,
      riskLevel: 'medium',
      parties: [{ kind: 'person', role: 'applicant', name: '李某', idNumber: null, phone: null, address: null }],
      receivedByStaffId: null,
      clientKey: 'k-12345678',
    });
  });

  it('passes the chosen receiver and reads a person count that is not a number as NaN for the server to refuse', () => {
    const r = readRegistration(fd([['receivedByStaffId', '5f0c1d8e-0000-4000-8000-000000000001'], ['personCount', '三人'], ['amount', '12,000.50']]));
    expect(r.receivedByStaffId).toBe('5f0c1d8e-0000-4000-8000-000000000001');
    expect(r.personCount).toBeNaN();
    expect(r.amount).toBe(12000.5);
    expect(r.consent).toBe(false);
  });

  it('counts the parties named when the person count is left blank', () => {
    const r = readRegistration(fd([['personCount', ' '], ['partyKind', 'person'], ['partyRole', 'applicant'], ['partyName', '郑五'], ['partyKind', 'person'], ['partyRole', 'respondent'], ['partyName', '王六'], ['partyKind', 'person'], ['partyRole', 'other'], ['partyName', '']]));
    expect(r.personCount).toBe(2);
  });
});
