// Password hashing with argon2id, the current recommendation (OWASP Password Storage Cheat
// Sheet). A hash is one-way and deliberately slow, and each one has its own random salt: a
// leaked database does not give away the passwords, and equal passwords do not look equal.
import argon2 from 'argon2';

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
    dummyHash ??= argon2.hash('no user has this password', { type: argon2.argon2id });
    await argon2.verify(await dummyHash, password);
    return false;
  }
  return argon2.verify(hash, password);
}
