// What the case page shows, read as the signed-in user: the case, the kernel's vocabulary, the
// choices its forms offer and what the user may do. The page's loader returns it (with the
// plugins' panels), and the case components take their types from here, not from the route.
import { handlingUnits, usersWithRole } from '@zhengfa/ui';
import type { Caller } from './trpc.server.js';

export async function loadCasePage(trpc: Caller, id: string, permissions: readonly string[]) {
  const perms = new Set(permissions);
  const can = {
    register: perms.has('cases.register'),
    assign: perms.has('cases.assign'),
    urge: perms.has('cases.urge'),
    approve: perms.has('cases.approve'),
    instruments: perms.has('supervision.instruments'),
    powers: perms.has('supervision.powers'),
    meetings: perms.has('supervision.meetings'),
  };
  const [detail, vocab, orgs, leaders, supervisionVocab, instruments, powerUses, following] = await Promise.all([
    trpc.cases.get({ id }),
    trpc.cases.vocab(),
    can.assign || can.instruments || can.powers ? trpc.orgs.tree() : Promise.resolve([]),
    // The lead-leader choices of 四定一包: every enabled user holding the built-in 政法委领导 role.
    can.assign ? usersWithRole(trpc, 'leader') : Promise.resolve([]),
    trpc.supervision.vocab(),
    trpc.supervision.instruments({ caseId: id }),
    trpc.supervision.powerUses({ caseId: id }),
    // 我的关注: whether this user follows the case (the follow button).
    trpc.workbench.following({ caseId: id }),
  ]);
  return { case: detail, vocab, units: handlingUnits(orgs), leaders, supervisionVocab, instruments, powerUses, can, following };
}

export type CaseData = Awaited<ReturnType<typeof loadCasePage>>;
export type CaseDetail = CaseData['case'];
export type CaseVocab = CaseData['vocab'];
