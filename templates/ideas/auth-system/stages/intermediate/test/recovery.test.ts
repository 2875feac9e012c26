// Email verification and password reset: the tokens arrive through the local outbox, work once,
// expire, and are never stored or logged in a usable form. The guard for
// mistake:insecure-secrets at src/accounts/email-token.service.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { config } from '../src/config.js';
import { hashToken } from '../src/auth/secret-token.js';
import { UserModel } from '../src/auth/user.model.js';
import { EmailTokenModel } from '../src/accounts/email-token.model.js';
import { logger } from '../src/logger.js';
import { OutboxMailer } from '../src/services/mailer.js';
import { SessionModel } from '../src/sessions/session.model.js';
import { useApi } from './api.js';
import { bearer, outbox, register, tokenFromMail } from './accounts.js';

const api = useApi();

afterEach(() => {
  vi.restoreAllMocks();
});

async function isVerified(email: string): Promise<boolean> {
  const user = await UserModel.findOne({ email });
  return user?.emailVerifiedAt !== null;
}

describe('email verification', () => {
  it('sends a link with a one-time token at registration, built on APP_URL', async () => {
    const ann = await register(api);
    const mail = outbox().findLast((sent) => sent.to === ann.email);
    expect(mail?.subject).toMatch(/confirm/i);
    expect(mail?.text).toContain(`${config.appUrl}/verify-email?token=`);
    expect(await isVerified(ann.email)).toBe(false);
  });

  it('verifies the address with 204, once', async () => {
    const ann = await register(api);
    const token = tokenFromMail(ann.email, /confirm/i);
    expect((await api().post('/auth/verify-email').send({ token })).status).toBe(204);
    expect(await isVerified(ann.email)).toBe(true);
    const again = await api().post('/auth/verify-email').send({ token });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: { code: 'invalid_token' } });
  });

  it('refuses an expired, unknown or malformed token with 400', async () => {
    const ann = await register(api);
    const token = tokenFromMail(ann.email, /confirm/i);
    await EmailTokenModel.updateMany({}, { expiresAt: new Date(Date.now() - 1000) });
    for (const candidate of [token, 'A'.repeat(43), 'nope']) {
      const res = await api().post('/auth/verify-email').send({ token: candidate });
      expect(res.status, candidate).toBe(400);
    }
    expect(await isVerified(ann.email)).toBe(false);
  });

  it('resends with 202 (the older link stops working), and 409 once verified', async () => {
    const ann = await register(api);
    const first = tokenFromMail(ann.email, /confirm/i);
    const res = await api().post('/auth/verify-email/resend').set('Authorization', bearer(ann));
    expect(res.status).toBe(202);
    const second = tokenFromMail(ann.email, /confirm/i);
    expect(second).not.toBe(first);
    expect((await api().post('/auth/verify-email').send({ token: first })).status).toBe(400);
    expect((await api().post('/auth/verify-email').send({ token: second })).status).toBe(204);
    const done = await api().post('/auth/verify-email/resend').set('Authorization', bearer(ann));
    expect(done.status).toBe(409);
    expect((await api().post('/auth/verify-email/resend')).status).toBe(401);
  });

  it('makes ADMIN_EMAIL an admin when, and only when, that address is verified', async () => {
    const original = config.adminEmail;
    config.adminEmail = 'boss@example.com';
    try {
      const res = await api()
        .post('/auth/register')
        .send({ name: 'Boss', email: 'Boss@Example.com', password: 'correct horse battery' });
      expect(res.status).toBe(201);
      expect((await UserModel.findOne({ email: 'boss@example.com' }))?.role).toBe('user');
      const token = tokenFromMail('boss@example.com', /confirm/i);
      await api().post('/auth/verify-email').send({ token });
      expect((await UserModel.findOne({ email: 'boss@example.com' }))?.role).toBe('admin');
    } finally {
      config.adminEmail = original;
    }
  });
});

describe('forgot and reset password', () => {
  it('answers 202 for a known and an unknown email alike; mails only the known one', async () => {
    const ann = await register(api);
    const before = outbox().length;
    const known = await api().post('/auth/forgot-password').send({ email: ann.email });
    const unknown = await api().post('/auth/forgot-password').send({ email: 'nobody@example.com' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    expect(
      outbox()
        .slice(before)
        .map((mail) => mail.to),
    ).toEqual([ann.email]);
  });

  it('resets the password with 204, ends every session, and the link works once', async () => {
    const ann = await register(api);
    await api().post('/auth/forgot-password').send({ email: ann.email });
    const token = tokenFromMail(ann.email, /reset/i);
    const password = 'a brand new passphrase';
    const res = await api().post('/auth/reset-password').send({ token, password });
    expect(res.status).toBe(204);
    expect(await SessionModel.countDocuments()).toBe(0);
    const refresh = await api().post('/auth/refresh').send({ refreshToken: ann.refreshToken });
    expect(refresh.status).toBe(401);

    const old = await api().post('/auth/login').send({ email: ann.email, password: ann.password });
    expect(old.status).toBe(401);
    const now = await api().post('/auth/login').send({ email: ann.email, password });
    expect(now.status).toBe(200);
    const again = await api()
      .post('/auth/reset-password')
      .send({ token, password: 'x'.repeat(12) });
    expect(again.status).toBe(400);
  });

  it('refuses a verification token as a reset token, and a short new password', async () => {
    const ann = await register(api);
    const verification = tokenFromMail(ann.email, /confirm/i);
    const wrongPurpose = await api()
      .post('/auth/reset-password')
      .send({ token: verification, password: 'long enough password' });
    expect(wrongPurpose.status).toBe(400);
    await api().post('/auth/forgot-password').send({ email: ann.email });
    const token = tokenFromMail(ann.email, /reset/i);
    const short = await api().post('/auth/reset-password').send({ token, password: 'short' });
    expect(short.status).toBe(422);
  });

  it('refuses an expired reset token', async () => {
    const ann = await register(api);
    await api().post('/auth/forgot-password').send({ email: ann.email });
    const token = tokenFromMail(ann.email, /reset/i);
    await EmailTokenModel.updateMany({}, { expiresAt: new Date(Date.now() - 1000) });
    const res = await api()
      .post('/auth/reset-password')
      .send({ token, password: 'long enough one' });
    expect(res.status).toBe(400);
  });
});

describe('the tokens in emails', () => {
  it('are stored only as hashes', async () => {
    const ann = await register(api);
    await api().post('/auth/forgot-password').send({ email: ann.email });
    const tokens = [tokenFromMail(ann.email, /confirm/i), tokenFromMail(ann.email, /reset/i)];
    const stored = JSON.stringify(await EmailTokenModel.find().lean());
    for (const token of tokens) {
      expect(stored).not.toContain(token);
      expect(stored).toContain(hashToken(token));
    }
  });

  it('never reach the log: the local outbox logs who and what, not the text', async () => {
    const info = vi.spyOn(logger, 'info');
    const file = `${process.cwd()}/node_modules/.outbox-test-${process.pid}.log`;
    const mailer = new OutboxMailer(file);
    await mailer.send({ to: 'ann@example.com', subject: 'Reset', text: 'token=SECRET-TOKEN' });
    expect(info).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(info.mock.calls)).not.toContain('SECRET-TOKEN');
    expect(mailer.sent).toHaveLength(1);
  });
});
