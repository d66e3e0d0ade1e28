import { describe, expect, it } from 'vitest';
import { disputeOfCase } from '../case-panel.js';
import { abilities, consoleToday, documentsFor } from './load.js';

describe('the dispute page’s data', () => {
  it('offers the registration form, the agreement and the joint application for a written agreement', () => {
    expect(documentsFor({ status: 'agreed', agreementForm: 'written', terminated: false, hasFollowUps: false })).toEqual(['registration', 'agreement', 'confirmation_application']);
  });

  it('offers no agreement document for an oral agreement, and the visit record once a visit was recorded', () => {
    expect(documentsFor({ status: 'agreed', agreementForm: 'oral', terminated: false, hasFollowUps: true })).toEqual(['registration', 'follow_up']);
  });

  it('offers the termination notice for a terminated mediation', () => {
    expect(documentsFor({ status: 'terminated', agreementForm: null, terminated: true, hasFollowUps: false })).toEqual(['registration', 'termination']);
  });

  it('lets only mediation.reveal show the parties in full', () => {
    expect(abilities(['mediation.read', 'mediation.mediate'])).toEqual({ reveal: false, triage: false, mediate: true, escalate: false, outcomes: false });
  });

  it('takes the forms’ default day in China', () => {
    expect(consoleToday(new Date('2026-12-07T17:30:00Z'))).toBe('2026-12-08');
  });

  it('finds the dispute a kernel case was escalated from', () => {
    const rows = [
      { id: 'd1', code: 'TJ-1', status: 'escalated', kernelCaseId: 'c1' },
      { id: 'd2', code: 'TJ-2', status: 'escalated', kernelCaseId: 'c2' },
    ];
    expect(disputeOfCase(rows, 'c2')).toEqual({ id: 'd2', code: 'TJ-2', status: 'escalated' });
    expect(disputeOfCase(rows, 'c3')).toBeNull();
  });
});
