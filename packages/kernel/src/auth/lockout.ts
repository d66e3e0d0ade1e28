/** Failed sign-ins: the fifth wrong password in a row locks the account for 15 minutes. */
export const lockoutPolicy = {
  maxFailures: 5,
  lockMinutes: 15,
} as const;
