// Opaque secret tokens: session tokens at the beginner stage, refresh, password-reset and
// email-verification tokens later. The client gets a long random string once; the database
// keeps only its SHA-256 hash. Someone who reads the database (a backup, a leaked dump, a
// curious admin) then holds hashes that open nothing, and the server finds a token by looking
// its hash up in a unique index.
//
// Why SHA-256 here and a slow hash (scrypt, argon2) for passwords? A password is short and
// guessable, so its hash must be slow to try guesses against. These tokens are 256 random bits:
// nobody can guess one, so a fast hash is enough and keeps every request cheap.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes: 256 bits, as base64url (43 characters, safe in URLs and headers). */
const TOKEN_BYTES = 32;

/** What a token looks like on the wire; anything else is refused before any database lookup. */
const TOKEN_FORMAT = /^[\w-]{43}$/;

export interface SecretToken {
  /** Give this to the client, once. Never store it, never log it. */
  token: string;
  /** Store this one: hex SHA-256 of the token. */
  hash: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newSecretToken(): SecretToken {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** True for a string shaped like a token from `newSecretToken()`. */
export function looksLikeToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_FORMAT.test(value);
}

/**
 * Compares two secrets in constant time. `a === b` stops at the first different character, and
 * how long that takes tells an attacker how many leading characters were right: enough, over
 * many tries, to rebuild a secret one character at a time.
 */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
