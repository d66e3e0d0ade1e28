/**
 * The id the system (a plugin job, jobs/system-kernel.ts) acts under where a row needs one
 * (kernel.cases.registered_by): no user has it. Audit rows of the system carry no user id
 * (auditActorOf), and no reminder goes to it.
 */
export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';
