// Guard for mistake:poor-schema-design, the other half: a document must not grow with use. An
// array that gains an entry per login (sessions, tokens, history) works in development and
// ends at MongoDB's 16 MB document limit, slower with every read on the way there.
import { describe, expect, it } from 'vitest';
import { UserModel } from '../src/auth/user.model.js';
import { useApi } from './api.js';
import { authPath, registerUser } from './users.js';

const api = useApi();

describe('the user document', () => {
  it('stays the same size however often the user logs in (nothing grows without bound)', async () => {
    const user = await registerUser(api);
    const stored = async () => {
      const document = await UserModel.collection.findOne({ email: user.email });
      return JSON.stringify(document).length;
    };
    const login = () =>
      api().post(authPath('/login')).send({ email: user.email, password: user.password });
    expect((await login()).status).toBe(200);
    const afterOne = await stored();
    for (let count = 0; count < 3; count += 1) expect((await login()).status).toBe(200);
    expect(await stored()).toBe(afterOne);
    // Each login hashes a password on purpose (argon2 is slow by design): give it time.
  }, 30_000);
});
