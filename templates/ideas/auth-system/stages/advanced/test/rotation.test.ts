// Refresh-token rotation with reuse detection: every refresh hands out a new refresh token, and
// a spent one coming back ends its whole session (the guard for mistake:ignoring-security in
// src/sessions/session.service.ts).
import { describe, expect, it } from 'vitest';
import { RetiredTokenModel } from '../src/sessions/retired-token.model.js';
import { SessionModel } from '../src/sessions/session.model.js';
import { useApi } from './api.js';
import { bearer, register } from './accounts.js';

const api = useApi();

interface Tokens {
  token: string;
  refreshToken: string;
}

async function refresh(refreshToken: string) {
  return api().post('/auth/refresh').send({ refreshToken });
}

describe('refresh-token rotation', () => {
  it('hands out a new refresh token on every refresh; the old one is spent', async () => {
    const ann = await register(api);
    const first = await refresh(ann.refreshToken);
    expect(first.status).toBe(200);
    const next = first.body as Tokens;
    expect(next.refreshToken).not.toBe(ann.refreshToken);
    const second = await refresh(next.refreshToken);
    expect(second.status).toBe(200);
    expect(await SessionModel.countDocuments()).toBe(1);
    expect(await RetiredTokenModel.countDocuments()).toBe(2);
  });

  it('ends the whole session when a spent refresh token comes back', async () => {
    const ann = await register(api);
    const stolen = ann.refreshToken;
    // The user refreshes; the thief still holds the spent token and tries it.
    const user = (await refresh(stolen)).body as Tokens;
    const replay = await refresh(stolen);
    expect(replay.status).toBe(401);
    // The family is gone: the user's current refresh token and access token die with it.
    expect((await refresh(user.refreshToken)).status).toBe(401);
    expect((await api().get('/me').set('Authorization', `Bearer ${user.token}`)).status).toBe(401);
    expect((await api().get('/me').set('Authorization', bearer(ann))).status).toBe(401);
    expect(await SessionModel.countDocuments()).toBe(0);
    expect(await RetiredTokenModel.countDocuments()).toBe(0);
  });

  it('ends only the session the replayed token belongs to', async () => {
    const ann = await register(api);
    const laptop = (
      await api().post('/auth/login').send({ email: ann.email, password: ann.password })
    ).body as Tokens;
    await refresh(ann.refreshToken);
    await refresh(ann.refreshToken);
    expect((await refresh(laptop.refreshToken)).status).toBe(200);
    expect((await api().get('/me').set('Authorization', `Bearer ${laptop.token}`)).status).toBe(
      200,
    );
  });

  it('lets exactly one of two simultaneous refreshes with the same token win', async () => {
    const ann = await register(api);
    const results = await Promise.all([refresh(ann.refreshToken), refresh(ann.refreshToken)]);
    expect(results.map((res) => res.status).sort()).toEqual([200, 401]);
  });
});
