// Profiles, follows and avatar uploads. Every JSON answer is checked against the contract too.
import { describe, expect, it, vi } from 'vitest';
import { FollowModel } from '../src/profiles/follow.model.js';
import { useApi } from './api.js';
import { conduit } from './contract.js';
import { registerUser, tokenOf } from './users.js';

// Each test registers users through the API: argon2 is slow on purpose, and more so on a
// busy machine.
vi.setConfig({ testTimeout: 30_000 });

const raw = useApi();
const api = conduit(raw);

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('profiles and follows', () => {
  it('shows a profile to anyone, with `following` for the reader', async () => {
    const ann = await registerUser(raw, 'ann');
    const bob = await registerUser(raw, 'bob');
    const anonymous = await api.get(`/api/profiles/${bob.username}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({
      profile: { username: bob.username, bio: null, image: null, following: false },
    });
    const url = `/api/profiles/${bob.username}/follow`;
    expect((await api.post(url)).status).toBe(401);
    const followed = await api.post(url).set('Authorization', tokenOf(ann));
    expect(followed.status).toBe(200);
    expect(followed.body).toMatchObject({ profile: { following: true } });
    // Following twice is still one follow: the unique index of follow.model.ts.
    await api.post(url).set('Authorization', tokenOf(ann));
    expect(await FollowModel.countDocuments()).toBe(1);
    const asAnn = await api.get(`/api/profiles/${bob.username}`).set('Authorization', tokenOf(ann));
    expect(asAnn.body).toMatchObject({ profile: { following: true } });
    const asBob = await api.get(`/api/profiles/${bob.username}`).set('Authorization', tokenOf(bob));
    expect(asBob.body).toMatchObject({ profile: { following: false } });
    const unfollowed = await api.delete(url).set('Authorization', tokenOf(ann));
    expect(unfollowed.status).toBe(200);
    expect(unfollowed.body).toMatchObject({ profile: { following: false } });
    expect(await FollowModel.countDocuments()).toBe(0);
  });

  it('answers 404 for an unknown user and 422 for following yourself', async () => {
    const ann = await registerUser(raw);
    const missing = await api.get('/api/profiles/nobody');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: { profile: ['not found'] } });
    const nobody = await api.post('/api/profiles/nobody/follow').set('Authorization', tokenOf(ann));
    expect(nobody.status).toBe(404);
    const self = await api
      .post(`/api/profiles/${ann.username}/follow`)
      .set('Authorization', tokenOf(ann));
    expect(self.status).toBe(422);
  });
});

describe('PUT /api/user/image', () => {
  it('stores an avatar, points `image` at it and serves it', async () => {
    const ann = await registerUser(raw);
    const res = await api
      .put('/api/user/image')
      .set('Authorization', tokenOf(ann))
      .attach('image', PNG, { filename: 'me.png', contentType: 'image/png' });
    expect(res.status).toBe(200);
    const image = (res.body as { user: { image: string } }).user.image;
    expect(image).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/avatars\/[0-9a-f]{24}$/);
    const served = await raw().get(new URL(image).pathname);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(Buffer.from(served.body as Buffer)).toEqual(PNG);
    const profile = await api.get(`/api/profiles/${ann.username}`);
    expect(profile.body).toMatchObject({ profile: { image } });
  });

  it('refuses a file over 1 MB (413), another type (415) and no file (422)', async () => {
    const ann = await registerUser(raw);
    const big = await api
      .put('/api/user/image')
      .set('Authorization', tokenOf(ann))
      .attach('image', Buffer.alloc(1_000_001), { filename: 'big.png', contentType: 'image/png' });
    expect(big.status).toBe(413);
    const html = await api
      .put('/api/user/image')
      .set('Authorization', tokenOf(ann))
      .attach('image', Buffer.from('<script>'), { filename: 'x.html', contentType: 'text/html' });
    expect(html.status).toBe(415);
    const none = await api
      .put('/api/user/image')
      .set('Authorization', tokenOf(ann))
      .field('name', 'no file');
    expect(none.status).toBe(422);
    expect((await raw().get('/api/avatars/665f1f77bcf86cd799439011')).status).toBe(404);
  });
});
