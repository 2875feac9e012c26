// Your account and your avatar: the upload of this API, with its limits, behind a verified
// email address.
import { describe, expect, it } from 'vitest';
import { AVATAR_MAX_BYTES } from '../src/accounts/me.routes.js';
import { useApi } from './api.js';
import { bearer, register, registerVerified } from './accounts.js';

const api = useApi();

// The 8 bytes every PNG starts with, and some more.
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64),
]);

function upload(token: string, bytes: Buffer, contentType = 'image/png', filename = 'me.png') {
  return api()
    .put('/me/avatar')
    .set('Authorization', `Bearer ${token}`)
    .attach('avatar', bytes, { filename, contentType });
}

describe('/me', () => {
  it('answers 200 with your account, and 401 without a token', async () => {
    const ann = await register(api);
    const res = await api().get('/me').set('Authorization', bearer(ann));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ann.id, emailVerified: false, hasAvatar: false });
    expect((await api().get('/me')).status).toBe(401);
  });
});

describe('/me/avatar', () => {
  it('stores, serves and deletes your avatar', async () => {
    const ann = await registerVerified(api);
    const saved = await upload(ann.token, png);
    expect(saved.status).toBe(204);

    const res = await api().get('/me/avatar').set('Authorization', bearer(ann)).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(res.body as Buffer, png)).toBe(0);
    const me = await api().get('/me').set('Authorization', bearer(ann));
    expect(me.body).toMatchObject({ emailVerified: true, hasAvatar: true });

    expect((await api().delete('/me/avatar').set('Authorization', bearer(ann))).status).toBe(204);
    expect((await api().get('/me/avatar').set('Authorization', bearer(ann))).status).toBe(404);
    expect((await api().delete('/me/avatar').set('Authorization', bearer(ann))).status).toBe(404);
  });

  it('answers 403 email_not_verified before the email is verified', async () => {
    const ann = await register(api);
    const res = await upload(ann.token, png);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'email_not_verified' } });
  });

  it('answers 413 for a file over the limit and 415 for a type that is not an image', async () => {
    const ann = await registerVerified(api);
    expect((await upload(ann.token, Buffer.alloc(AVATAR_MAX_BYTES + 1))).status).toBe(413);
    const text = await upload(ann.token, Buffer.from('<script>'), 'text/html', 'x.html');
    expect(text.status).toBe(415);
  });

  it('answers 422 without a file and 401 without a token', async () => {
    const ann = await registerVerified(api);
    const empty = await api().put('/me/avatar').set('Authorization', bearer(ann)).field('x', '1');
    expect(empty.status).toBe(422);
    expect((await api().put('/me/avatar').attach('avatar', png, 'me.png')).status).toBe(401);
  });
});
