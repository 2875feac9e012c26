// Guard for mistake:insecure-secrets: tokens are signed and checked with JWT_SECRET, and with
// no key written in the code.
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { config } from '../src/config.js';
import { signToken, verifyToken } from '../src/auth/tokens.js';

describe('secrets: tokens', () => {
  it('signs and checks tokens with JWT_SECRET, never with a key written in the code', () => {
    // The test run's JWT_SECRET is random (test/required-env.ts): no key in the code can match it.
    const sub = '665f1f77bcf86cd799439011';
    const signed = signToken({ id: sub, role: 'user' });
    expect(() => jwt.verify(signed, config.jwtSecret, { algorithms: ['HS256'] })).not.toThrow();
    const elsewhere = jwt.sign({ role: 'user' }, config.jwtSecret, { subject: sub });
    expect(verifyToken(elsewhere)).toEqual({ sub, role: 'user' });
  });
});
