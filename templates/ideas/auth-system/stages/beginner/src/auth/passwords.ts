// Passwords in, hashes out: the database never sees a password. scrypt does the hashing (see
// src/auth/scrypt.ts); this module adds what login needs on top.
import { scryptHash, scryptVerify } from './scrypt.js';

export const hashPassword = scryptHash;

// A hash of nothing anyone knows, computed once, to compare against when the email is unknown.
let dummyHash: Promise<string> | undefined;

/**
 * True when `password` matches `hash`. Without a hash (no user with that email) it still spends
 * the time of one verification: a login that answered faster for unknown emails would tell
 * anyone with a stopwatch who has an account here.
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (hash === undefined) {
    dummyHash ??= scryptHash('no user has this password');
    await scryptVerify(await dummyHash, password);
    return false;
  }
  return scryptVerify(hash, password);
}
