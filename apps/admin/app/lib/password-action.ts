// Which password action the signed-in administrator has on a user of the users page (三员分立):
// the system administrator (users.manage) resets accounts without security or audit duties,
// the security administrator (security.manage) resets audit administrators, and either asks
// for a security administrator's reset, which the audit administrator countersigns. Pure,
// so it is unit tested; the kernel enforces the same rules.
export type PasswordAction = 'resetPassword' | 'resetAuditorPassword' | 'requestReset';

export function passwordAction(
  can: { manage: boolean; unlock: boolean },
  user: { id: string; duties: readonly string[] },
  selfId: string | null,
): PasswordAction | null {
  if (user.duties.includes('security')) return (can.manage || can.unlock) && user.id !== selfId ? 'requestReset' : null;
  if (user.duties.includes('audit')) return can.unlock ? 'resetAuditorPassword' : null;
  return can.manage ? 'resetPassword' : null;
}
