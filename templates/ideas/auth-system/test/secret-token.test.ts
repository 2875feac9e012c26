// The building blocks of every token and password this API stores: only hashes reach the
// database, and comparisons do not depend on where two secrets differ.
import { describe, expect, it } from 'vitest';
import { scryptHash, scryptVerify } from '../src/auth/scrypt.js';
import { hashToken, looksLikeToken, newSecretToken, safeEqual } from '../src/auth/secret-token.js';

describe('secret tokens', () => {
  it('are 256 random bits, different every time, stored only as a SHA-256 hash', () => {
    const first = newSecretToken();
    const second = newSecretToken();
    expect(first.token).not.toBe(second.token);
    expect(looksLikeToken(first.token)).toBe(true);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.hash).not.toContain(first.token);
    expect(hashToken(first.token)).toBe(first.hash);
  });

  it('refuses strings that are not shaped like a token', () => {
    for (const value of ['', 'short', 'x'.repeat(44), `${'x'.repeat(42)}!`, 42, null]) {
      expect(looksLikeToken(value), String(value)).toBe(false);
    }
  });

  it('compares secrets without a shortcut, and of any length', () => {
    expect(safeEqual('same-secret', 'same-secret')).toBe(true);
    expect(safeEqual('same-secret', 'same-secreT')).toBe(false);
    expect(safeEqual('short', 'longer one')).toBe(false);
  });
});

describe('scrypt password hashes', () => {
  it('verify the right password only, and never contain it', async () => {
    const hash = await scryptHash('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('correct horse');
    expect(await scryptVerify(hash, 'correct horse battery staple')).toBe(true);
    expect(await scryptVerify(hash, 'correct horse battery staplE')).toBe(false);
  });

  it('are salted: the same password twice gives two different hashes', async () => {
    expect(await scryptHash('same password')).not.toBe(await scryptHash('same password'));
  });

  it('refuse a malformed hash instead of throwing', async () => {
    expect(await scryptVerify('not-a-hash', 'anything')).toBe(false);
    expect(await scryptVerify('scrypt$1$2$3', 'anything')).toBe(false);
  });
});
