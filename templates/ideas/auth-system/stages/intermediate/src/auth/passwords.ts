// Password hashing with argon2id, the current first choice (OWASP Password Storage Cheat Sheet).
// Accounts created at the beginner stage carry scrypt hashes (src/auth/scrypt.ts): they still
// log in, and their hash is upgraded to argon2id on that login, the only moment the server
// sees the password. Nobody has to reset a password because the algorithm changed.
import argon2 from 'argon2';
import { isScryptHash, scryptVerify } from './scrypt.js';

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

// A hash of nothing anyone knows, computed once, to compare against when the email is unknown.
let dummyHash: Promise<string> | undefined;

/**
 * True when `password` matches `hash`. Without a hash (no such user) it still spends the time of
 * one verification, so response times do not tell an attacker which emails have accounts.
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (hash === undefined) {
    dummyHash ??= hashPassword('no user has this password');
    await argon2.verify(await dummyHash, password);
    return false;
  }
  if (isScryptHash(hash)) return scryptVerify(hash, password);
  return argon2.verify(hash, password);
}

/** True for a hash made with older settings or another algorithm: store a new one. */
export function needsRehash(hash: string): boolean {
  return isScryptHash(hash) || argon2.needsRehash(hash);
}
