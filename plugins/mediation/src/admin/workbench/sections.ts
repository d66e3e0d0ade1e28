// The center's workbench: each section's label, the list link that holds exactly what it
// counts (the same filters as the to-dos' links) and its first rows.
import { workbench as w } from '../strings.js';

export interface SectionRow {
  id: string;
  code: string;
  receivedOn: string;
  disputeType: string;
  partyNames: string[];
}

export interface Section {
  key: string;
  label: string;
  link: string;
  count: number;
  rows: SectionRow[];
}

/** Rows shown in each section; the link opens all of them. */
export const SECTION_ROWS = 5;

export interface SectionSources<R extends SectionRow> {
  today: string;
  all: R[];
  registered: R[];
  mediating: R[];
  mediationSoon: R[];
  mediationOverdue: R[];
  confirmation: R[];
  confirmationOverdue: R[];
  followUp: R[];
}

export function workbenchSections<R extends SectionRow>(src: SectionSources<R>): Section[] {
  const section = (key: string, label: string, link: string, rows: R[]): Section => ({
    key,
    label,
    link,
    count: rows.length,
    rows: rows.slice(0, SECTION_ROWS).map((r) => ({ id: r.id, code: r.code, receivedOn: r.receivedOn, disputeType: r.disputeType, partyNames: r.partyNames })),
  });
  return [
    section('today', w.todayIntake, `/mediation?receivedOn=${src.today}`, src.all.filter((r) => r.receivedOn === src.today)),
    section('triage', w.triageQueue, '/mediation?status=registered', src.registered),
    section('mediating', w.myMediations, '/mediation?status=mediating', src.mediating),
    section('mediation-due-soon', w.mediationDueSoon, '/mediation?mediationDue=soon', src.mediationSoon),
    section('mediation-overdue', w.mediationOverdue, '/mediation?mediationDue=overdue', src.mediationOverdue),
    section('confirmation-due', w.confirmationDue, '/mediation?due=confirmation', src.confirmation),
    section('confirmation-overdue', w.confirmationOverdue, '/mediation?due=confirmation-overdue', src.confirmationOverdue),
    section('follow-up', w.followUpDue, '/mediation?due=follow-up', src.followUp),
  ];
}
