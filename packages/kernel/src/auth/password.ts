// Password hashing (argon2id through @node-rs/argon2, a maintained Rust binding with
// prebuilt binaries in the npm package) and the password policy of 等保 level 3.
import { hash, verify } from '@node-rs/argon2';
import { kernelStrings } from '../strings.js';

export const passwordPolicy = {
  minLength: 8,
  maxLength: 64,
  minClasses: 3,
} as const;

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A hash of nothing, verified against when the user does not exist, so timing is similar. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('zhengfa-dummy-password-Aa1!');
  return dummyHash;
}

/** Returns the Chinese reason a password breaks the policy, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string): string | null {
  const s = kernelStrings.password;
  if (password.length < passwordPolicy.minLength) return s.tooShort(passwordPolicy.minLength);
  if (password.length > passwordPolicy.maxLength) return s.tooLong;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < passwordPolicy.minClasses) return s.classes;
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return s.containsUsername;
  }
  return null;
}
