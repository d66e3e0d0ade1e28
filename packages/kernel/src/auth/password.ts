// Password hashing (argon2id through @node-rs/argon2, a maintained Rust binding with
// prebuilt binaries in the npm package) and the password policy of 等保 level 3, with a
// blocklist: the published demo password, the user name, the county's name and code, and
// what @zxcvbn-ts/core (a maintained TypeScript port of Dropbox's zxcvbn) estimates easy to
// guess from the 49,000 common passwords of @zxcvbn-ts/language-common and the patterns
// people use (repeats, sequences, keyboard rows, years, capitals and l33t added to a
// common word: Password1, P@ssw0rd, Aa1aaaaa).
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { kernelStrings } from '../strings.js';

export const passwordPolicy = {
  minLength: 8,
  maxLength: 64,
  minClasses: 3,
  /**
   * zxcvbn's score (0–4) a password must reach: 3 is an estimated 10^8 guesses or more,
   * "safely unguessable" in zxcvbn's words for an online attack and a slow hash.
   */
  minStrength: 3,
} as const;

/** The password every demo account is seeded with, printed at start and in the README. */
export const PUBLISHED_DEMO_PASSWORD = 'Zhengfa@2026';

/** Words of this product people put in its passwords, guessed as the user's own words are. */
const productWords = ['zhengfa', 'zhengfawei', 'zfw', 'zhifajiandu', 'zhifa', 'jiandu'];

let estimator: ZxcvbnFactory | null = null;
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary,
    graphs: adjacencyGraphs,
    // Not useLevenshteinDistance: it compares the password with every word of the lists,
    // ~200 ms of the server's thread per check, and adds nothing the l33t, capital and
    // affix rules do not already catch in the policy's own cases.
  });
  return estimator;
}

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

/** The county a password is set in: its name and administrative code are refused in it. */
export interface PasswordTenant {
  id: string;
  name: string;
}

/** Returns the Chinese reason a password breaks the policy, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string, tenant?: PasswordTenant): string | null {
  const s = kernelStrings.password;
  if (password.length < passwordPolicy.minLength) return s.tooShort(passwordPolicy.minLength);
  if (password.length > passwordPolicy.maxLength) return s.tooLong;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < passwordPolicy.minClasses) return s.classes;
  const lower = password.toLowerCase();
  if (lower === PUBLISHED_DEMO_PASSWORD.toLowerCase()) return s.published;
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) return s.containsUsername;
  if (tenant && countyParts(tenant).some((part) => password.includes(part))) return s.containsCounty;
  const userInputs = [username, tenant?.name, tenant?.id, PUBLISHED_DEMO_PASSWORD, ...productWords].filter((x): x is string => Boolean(x));
  const estimate = strengthEstimator().check(password, userInputs);
  if (estimate.score < passwordPolicy.minStrength) return s.guessable(guessableBecause(estimate.feedback.warning));
  return null;
}

/** The county's code and name, with the name also without its suffix (示范县 → 示范). */
function countyParts(tenant: PasswordTenant): string[] {
  const parts = [tenant.id];
  if (tenant.name.length >= 2) parts.push(tenant.name);
  const stem = tenant.name.replace(/(自治县|自治旗|县|区|市|旗)$/, '');
  if (stem.length >= 2 && stem !== tenant.name) parts.push(stem);
  return parts;
}

/** zxcvbn's warning (its translation keys, left untranslated) as a Chinese reason. */
function guessableBecause(warning: string | null): string {
  const because = kernelStrings.password.guessableBecause;
  switch (warning) {
    case 'topTen':
    case 'topHundred':
    case 'common':
    case 'similarToCommon':
    case 'wordByItself':
    case 'pwned':
      return because.common;
    case 'userInputs':
      return because.userInputs;
    case 'simpleRepeat':
    case 'extendedRepeat':
      return because.repeat;
    case 'sequences':
      return because.sequence;
    case 'straightRow':
    case 'keyPattern':
      return because.keyboard;
    case 'recentYears':
    case 'dates':
      return because.dates;
    case 'namesByThemselves':
    case 'commonNames':
      return because.names;
    default:
      return because.other;
  }
}
