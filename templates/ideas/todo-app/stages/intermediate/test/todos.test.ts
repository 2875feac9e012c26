// The roadmap.sh Todo List API, checked through real HTTP requests and a real database: exact
// statuses, the contract's bodies, ownership between two users, validation, pagination,
// attachments and the completion notification.
import { beforeEach, describe, expect, it } from 'vitest';
import { LocalNotifier, notifier } from '../src/services/notifier.js';
import { ATTACHMENT_MAX_BYTES } from '../src/todos/todo.routes.js';
import { useApi } from './api.js';
import { bearer, registerUser, type TestUser } from './users.js';

const api = useApi();
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

let ann: TestUser;
let bob: TestUser;

beforeEach(async () => {
  ann = await registerUser(api, 'Ann');
  bob = await registerUser(api, 'Bob');
});

async function createTodo(user: TestUser, title = 'Buy milk', description = 'Oat, 2 l') {
  const res = await api()
    .post('/todos')
    .set('Authorization', bearer(user))
    .send({ title, description });
  expect(res.status).toBe(201);
  return res.body as { id: string; title: string; completed: boolean };
}

describe('register and login at the root (the contract)', () => {
  it('POST /register → 201 { token }, POST /login → 200 { token }, duplicate → 409', async () => {
    const user = { name: 'Cy', email: 'cy@example.com', password: 'a good long password' };
    const registered = await api().post('/register').send(user);
    expect(registered.status).toBe(201);
    expect(registered.body).toEqual({ token: expect.any(String) as string });

    const again = await api().post('/register').send(user);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ message: expect.any(String) as string });

    const login = await api().post('/login').send({ email: user.email, password: user.password });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ token: expect.any(String) as string });
    for (const res of [registered, again, login]) expect(res.text).not.toContain(user.password);
  });
});

describe('/todos without a valid token', () => {
  it('answers 401 { "message": "Unauthorized" } on every route', async () => {
    const { id } = await createTodo(ann);
    for (const [method, path] of [
      ['get', '/todos'],
      ['post', '/todos'],
      ['get', `/todos/${id}`],
      ['put', `/todos/${id}`],
      ['delete', `/todos/${id}`],
    ] as const) {
      const res = await api()[method](path).send({ title: 'x', description: 'y' });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body).toEqual({ message: 'Unauthorized' });
    }
    const wrong = await api().get('/todos').set('Authorization', 'Bearer not-a-token');
    expect(wrong.status).toBe(401);
  });
});

describe('creating and changing todos', () => {
  it('POST /todos → 201, the todo and its Location', async () => {
    const res = await api()
      .post('/todos')
      .set('Authorization', bearer(ann))
      .send({ title: 'Buy milk', description: 'Oat, 2 l' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.any(String) as string,
      title: 'Buy milk',
      description: 'Oat, 2 l',
      completed: false,
    });
    const { id } = res.body as { id: string };
    expect(res.headers.location).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/todos/${id}$`));
    const read = await api().get(`/todos/${id}`).set('Authorization', bearer(ann));
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  it('PUT /todos/:id → 200 with the replaced fields; PATCH changes some', async () => {
    const { id } = await createTodo(ann);
    const put = await api()
      .put(`/todos/${id}`)
      .set('Authorization', bearer(ann))
      .send({ title: 'Buy bread', description: 'Rye' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      id,
      title: 'Buy bread',
      description: 'Rye',
      completed: false,
    });

    const patch = await api()
      .patch(`/todos/${id}`)
      .set('Authorization', bearer(ann))
      .send({ completed: true });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ title: 'Buy bread', completed: true });
  });

  it('DELETE /todos/:id → 204 without a body, then 404', async () => {
    const { id } = await createTodo(ann);
    const res = await api().delete(`/todos/${id}`).set('Authorization', bearer(ann));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const again = await api().get(`/todos/${id}`).set('Authorization', bearer(ann));
    expect(again.status).toBe(404);
  });

  it('notifies (through the local fake) when a todo is completed, once', async () => {
    expect(notifier).toBeInstanceOf(LocalNotifier);
    const sent = (notifier as LocalNotifier).sent;
    const { id } = await createTodo(ann);
    const before = sent.length;
    for (let i = 0; i < 2; i += 1) {
      await api().patch(`/todos/${id}`).set('Authorization', bearer(ann)).send({ completed: true });
    }
    expect(sent.slice(before)).toEqual([
      {
        event: 'todo.completed',
        data: { id, title: 'Buy milk', owner: expect.any(String) as string },
      },
    ]);
  });
});

describe('ownership', () => {
  it("answers 403 { message: 'Forbidden' } when Bob reads, changes or deletes Ann's todo", async () => {
    const { id } = await createTodo(ann);
    const calls = [
      api().get(`/todos/${id}`),
      api().put(`/todos/${id}`).send({ title: 'Mine now', description: '' }),
      api().patch(`/todos/${id}`).send({ completed: true }),
      api().delete(`/todos/${id}`),
      api().get(`/todos/${id}/attachments`),
    ];
    for (const call of calls) {
      const res = await call.set('Authorization', bearer(bob));
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ message: 'Forbidden' });
    }
    const still = await api().get(`/todos/${id}`).set('Authorization', bearer(ann));
    expect(still.body).toMatchObject({ title: 'Buy milk', completed: false });
  });

  it("lists only the user's own todos", async () => {
    await createTodo(ann, 'Ann 1');
    await createTodo(bob, 'Bob 1');
    const res = await api().get('/todos').set('Authorization', bearer(bob));
    expect(res.body).toMatchObject({ total: 1, data: [{ title: 'Bob 1' }] });
  });
});

describe('validation', () => {
  it('refuses unknown fields with 422 and names them (no owner from the body)', async () => {
    const res = await api()
      .post('/todos')
      .set('Authorization', bearer(ann))
      .send({ title: 'x', owner: '665f1f77bcf86cd799439011', completed: true });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      message: expect.any(String) as string,
      errors: expect.arrayContaining([
        { path: 'owner', message: 'is not allowed' },
        { path: 'completed', message: 'is not allowed' },
      ]) as unknown,
    });
  });

  it('refuses a missing title, a wrong type and an empty PATCH with 422', async () => {
    const { id } = await createTodo(ann);
    const auth = bearer(ann);
    expect((await api().post('/todos').set('Authorization', auth).send({})).status).toBe(422);
    expect((await api().post('/todos').set('Authorization', auth).send({ title: 5 })).status).toBe(
      422,
    );
    expect((await api().patch(`/todos/${id}`).set('Authorization', auth).send({})).status).toBe(
      422,
    );
  });

  it('answers a malformed or unknown id with 404, never 500', async () => {
    for (const id of ['not-an-id', '665f1f77bcf86cd799439011']) {
      const res = await api().get(`/todos/${id}`).set('Authorization', bearer(ann));
      expect(res.status, id).toBe(404);
    }
  });
});

describe('GET /todos: pagination, filter and sort', () => {
  beforeEach(async () => {
    for (let i = 1; i <= 12; i += 1) {
      const { id } = await createTodo(ann, `Todo ${String(i).padStart(2, '0')}`);
      if (i % 3 === 0) {
        await api()
          .patch(`/todos/${id}`)
          .set('Authorization', bearer(ann))
          .send({ completed: true });
      }
    }
  });

  it('answers { data, page, limit, total }', async () => {
    const res = await api()
      .get('/todos?page=2&limit=5&sort=title')
      .set('Authorization', bearer(ann));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 2, limit: 5, total: 12 });
    const titles = (res.body as { data: { title: string }[] }).data.map((todo) => todo.title);
    expect(titles).toEqual(['Todo 06', 'Todo 07', 'Todo 08', 'Todo 09', 'Todo 10']);
  });

  it('filters on completed and sorts descending', async () => {
    const res = await api()
      .get('/todos?completed=true&sort=-title')
      .set('Authorization', bearer(ann));
    expect(res.body).toMatchObject({ page: 1, limit: 10, total: 4 });
    const titles = (res.body as { data: { title: string }[] }).data.map((todo) => todo.title);
    expect(titles).toEqual(['Todo 12', 'Todo 09', 'Todo 06', 'Todo 03']);
  });

  it('refuses over-limit pages and sorts or filters it does not allow with 400', async () => {
    for (const query of ['limit=101', 'page=0', 'sort=owner', 'owner=665f1f77bcf86cd799439011']) {
      const res = await api().get(`/todos?${query}`).set('Authorization', bearer(ann));
      expect(res.status, query).toBe(400);
    }
  });
});

describe('attachments', () => {
  it('stores a file (201) and lists and serves it back to its owner only', async () => {
    const { id } = await createTodo(ann);
    const res = await api()
      .post(`/todos/${id}/attachments`)
      .set('Authorization', bearer(ann))
      .attach('file', PNG, { filename: '../../receipt.png', contentType: 'image/png' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      filename: 'receipt.png',
      contentType: 'image/png',
      size: PNG.length,
    });
    const url = res.headers.location;

    const list = await api().get(`/todos/${id}/attachments`).set('Authorization', bearer(ann));
    expect(list.body).toEqual([res.body]);

    const file = await api()
      .get(new URL(url).pathname)
      .set('Authorization', bearer(ann))
      .buffer(true);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="?receipt\.png"?$/);
    expect(Buffer.from(file.body as Buffer)).toEqual(PNG);

    const bobs = await api().get(new URL(url).pathname).set('Authorization', bearer(bob));
    expect(bobs.status).toBe(403);
  });

  it('answers 413 for a file over the limit and 415 for a type it does not take', async () => {
    const { id } = await createTodo(ann);
    const tooBig = await api()
      .post(`/todos/${id}/attachments`)
      .set('Authorization', bearer(ann))
      .attach('file', Buffer.alloc(ATTACHMENT_MAX_BYTES + 1), {
        filename: 'big.png',
        contentType: 'image/png',
      });
    expect(tooBig.status).toBe(413);
    const wrongType = await api()
      .post(`/todos/${id}/attachments`)
      .set('Authorization', bearer(ann))
      .attach('file', Buffer.from('<script>'), { filename: 'x.html', contentType: 'text/html' });
    expect(wrongType.status).toBe(415);
  });

  it("refuses an upload to another user's todo before reading the file (403)", async () => {
    const { id } = await createTodo(ann);
    const res = await api()
      .post(`/todos/${id}/attachments`)
      .set('Authorization', bearer(bob))
      .attach('file', PNG, { filename: 'x.png', contentType: 'image/png' });
    expect(res.status).toBe(403);
  });
});
