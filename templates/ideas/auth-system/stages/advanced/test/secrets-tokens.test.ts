// Guard for mistake:insecure-secrets, for this idea's access tokens (they also name their
// session): signed and checked with JWT_SECRET, and with no key written in the code.
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { config } from '../src/config.js';
import { signToken, verifyToken } from '../src/auth/tokens.js';

describe('secrets: tokens', () => {
  it('signs and checks tokens with JWT_SECRET, never with a key written in the code', () => {
    // The test run's JWT_SECRET is random (test/required-env.ts): no key in the code can match it.
    const sub = '665f1f77bcf86cd799439011';
    const signed = signToken({ id: sub, role: 'user' }, 'session-1');
    expect(() => jwt.verify(signed, config.jwtSecret, { algorithms: ['HS256'] })).not.toThrow();
    const elsewhere = jwt.sign({ role: 'user', sid: 'session-2' }, config.jwtSecret, {
      subject: sub,
      jwtid: 'token-2',
    });
    expect(verifyToken(elsewhere)).toMatchObject({ sub, role: 'user', sid: 'session-2' });
    const otherKey = jwt.sign({ role: 'user', sid: 'session-3' }, 'k'.repeat(32), {
      subject: sub,
      jwtid: 'token-3',
    });
    expect(() => verifyToken(otherKey)).toThrow();
  });
});
