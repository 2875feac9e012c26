// Password hashing with scrypt, built into Node (node:crypto): no dependency, no native build.
// A password hash must be one-way, salted (equal passwords do not look equal) and slow to
// compute, so that a leaked database cannot be turned back into passwords by trying billions of
// guesses. scrypt is slow on purpose and needs a lot of memory, which makes guessing hardware
// expensive too (OWASP Password Storage Cheat Sheet).
//
// A stored hash carries its own parameters: `scrypt$<N>$<r>$<p>$<salt>$<hash>`. Raising the cost
// later then does not break the hashes already in the database.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** CPU/memory cost 2^15, block size 8, no parallelism: about 32 MB and a few tens of ms. */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const PREFIX = 'scrypt';

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: Node's default (32 MB) is exactly the memory N=2^15 needs; leave room above it.
    scrypt(password, salt, KEY_BYTES, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

export function isScryptHash(hash: string): boolean {
  return hash.startsWith(`${PREFIX}$`);
}

export async function scryptHash(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  const { N, r, p } = COST;
  return [PREFIX, N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `password` produces `hash`. Compared in constant time (see secret-token.ts). */
export async function scryptVerify(hash: string, password: string): Promise<boolean> {
  const [prefix, N, r, p, salt, key] = hash.split('$');
  if (prefix !== PREFIX || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
