// "Where am I logged in?": each user sees and ends only their own sessions.
import { describe, expect, it } from 'vitest';
import { useApi } from './api.js';
import { bearer, register } from './accounts.js';

const api = useApi();

interface SessionJson {
  id: string;
  userAgent: string;
  expiresAt: string;
}

describe('/sessions', () => {
  it('lists your own live sessions, with the device that opened them', async () => {
    const ann = await register(api);
    await api()
      .post('/auth/login')
      .set('User-Agent', 'phone-browser/1.0')
      .send({ email: ann.email, password: ann.password });
    await register(api, 'Bob');
    const res = await api().get('/sessions').set('Authorization', bearer(ann));
    expect(res.status).toBe(200);
    const sessions = res.body as SessionJson[];
    expect(sessions).toHaveLength(2);
    expect(sessions.map((session) => session.userAgent)).toContain('phone-browser/1.0');
    expect(JSON.stringify(sessions)).not.toContain(ann.refreshToken);
  });

  it('ends one of your sessions with 204: its refresh token stops working', async () => {
    const ann = await register(api);
    const [session] = (await api().get('/sessions').set('Authorization', bearer(ann)))
      .body as SessionJson[];
    const res = await api()
      .delete(`/sessions/${session?.id ?? ''}`)
      .set('Authorization', bearer(ann));
    expect(res.status).toBe(204);
    const refresh = await api().post('/auth/refresh').send({ refreshToken: ann.refreshToken });
    expect(refresh.status).toBe(401);
  });

  it("answers 404 for someone else's session, exactly as for one that does not exist", async () => {
    const ann = await register(api);
    const bob = await register(api, 'Bob');
    const [bobs] = (await api().get('/sessions').set('Authorization', bearer(bob)))
      .body as SessionJson[];
    for (const id of [bobs?.id ?? '', '000000000000000000000000', 'not-an-id']) {
      const res = await api().delete(`/sessions/${id}`).set('Authorization', bearer(ann));
      expect(res.status, id).toBe(404);
    }
    const refresh = await api().post('/auth/refresh').send({ refreshToken: bob.refreshToken });
    expect(refresh.status).toBe(200);
  });

  it('answers 401 without a token', async () => {
    expect((await api().get('/sessions')).status).toBe(401);
    expect((await api().delete('/sessions/000000000000000000000000')).status).toBe(401);
  });
});
