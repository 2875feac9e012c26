// The admin area: admins only (401 without a token, 403 for users), paginated, and the role
// change takes exactly one known field. The guard for mistake:weak-validation at
// src/accounts/account.schemas.ts.
import { describe, expect, it } from 'vitest';
import { UserModel } from '../src/auth/user.model.js';
import { useApi } from './api.js';
import { bearer, register, registerAdmin } from './accounts.js';

const api = useApi();

interface UserJson {
  id: string;
  email: string;
  role: string;
}

describe('GET /admin/users', () => {
  it('answers 401 without a token and 403 for a user', async () => {
    const ann = await register(api);
    expect((await api().get('/admin/users')).status).toBe(401);
    const res = await api().get('/admin/users').set('Authorization', bearer(ann));
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { status: 403, code: 'forbidden' } });
  });

  it('gives an admin one page of accounts, filtered and sorted on request', async () => {
    const admin = await registerAdmin(api);
    await register(api, 'Ann');
    await register(api, 'Bob');
    const res = await api()
      .get('/admin/users?limit=2&sort=email')
      .set('Authorization', bearer(admin));
    expect(res.status).toBe(200);
    const page = res.body as { data: UserJson[]; page: number; limit: number; total: number };
    expect(page).toMatchObject({ page: 1, limit: 2, total: 3 });
    expect(page.data.map((user) => user.email)).toEqual([
      admin.email,
      expect.stringMatching(/^ann/) as string,
    ]);
    expect(res.text).not.toContain('passwordHash');

    const admins = await api().get('/admin/users?role=admin').set('Authorization', bearer(admin));
    expect((admins.body as { total: number }).total).toBe(1);
  });

  it('answers 400 for an unknown filter or an over-limit page', async () => {
    const admin = await registerAdmin(api);
    for (const query of ['?limit=1000', '?role=owner', '?passwordHash=x']) {
      const res = await api().get(`/admin/users${query}`).set('Authorization', bearer(admin));
      expect(res.status, query).toBe(400);
    }
  });
});

describe('PATCH /admin/users/:id/role', () => {
  it('makes a user an admin with 200; their next refresh carries the role', async () => {
    const admin = await registerAdmin(api);
    const ann = await register(api);
    const res = await api()
      .patch(`/admin/users/${ann.id}/role`)
      .set('Authorization', bearer(admin))
      .send({ role: 'admin' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ann.id, role: 'admin' });
    const refreshed = await api().post('/auth/refresh').send({ refreshToken: ann.refreshToken });
    const list = await api()
      .get('/admin/users')
      .set('Authorization', `Bearer ${(refreshed.body as { token: string }).token}`);
    expect(list.status).toBe(200);
  });

  it('refuses an unknown role or any other field with 422 (no mass assignment)', async () => {
    const admin = await registerAdmin(api);
    const ann = await register(api);
    const bodies = [
      { role: 'owner' },
      { role: 'admin', emailVerifiedAt: null },
      { role: 'admin', passwordHash: 'x' },
      {},
    ];
    for (const body of bodies) {
      const res = await api()
        .patch(`/admin/users/${ann.id}/role`)
        .set('Authorization', bearer(admin))
        .send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await UserModel.findById(ann.id))?.role).toBe('user');
  });

  it('answers 403 for a user changing roles, even their own', async () => {
    const ann = await register(api);
    const res = await api()
      .patch(`/admin/users/${ann.id}/role`)
      .set('Authorization', bearer(ann))
      .send({ role: 'admin' });
    expect(res.status).toBe(403);
    expect((await UserModel.findById(ann.id))?.role).toBe('user');
  });

  it('answers 404 for an unknown id and 409 for your own role', async () => {
    const admin = await registerAdmin(api);
    const auth = bearer(admin);
    for (const id of ['000000000000000000000000', 'not-an-id']) {
      const res = await api()
        .patch(`/admin/users/${id}/role`)
        .set('Authorization', auth)
        .send({ role: 'user' });
      expect(res.status, id).toBe(404);
    }
    const own = await api()
      .patch(`/admin/users/${admin.id}/role`)
      .set('Authorization', auth)
      .send({ role: 'user' });
    expect(own.status).toBe(409);
  });
});
