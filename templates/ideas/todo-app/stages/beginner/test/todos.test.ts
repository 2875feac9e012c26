// The Todo-Backend contract, request by request, with exact status codes and headers: these
// tests are the guard for mistake:skipping-http-basics. They follow the public spec's own
// checks (https://todobackend.com/specs), plus what the spec leaves open (invalid input, unknown
// ids), against a real database.
import { describe, expect, it } from 'vitest';
import { pathOf, useApi } from './api.js';

const api = useApi();

interface TodoJson {
  id: string;
  title: string;
  completed: boolean;
  order: number;
  url: string;
}

async function createTodo(body: object): Promise<TodoJson> {
  const res = await api().post('/todos').send(body);
  expect(res.status).toBe(201);
  return res.body as TodoJson;
}

describe('the collection at /todos', () => {
  it('starts empty', async () => {
    const res = await api().get('/todos');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual([]);
  });

  it('creates a todo: 201, a Location header with its URL, and the todo in the body', async () => {
    const res = await api().post('/todos').send({ title: 'walk the dog' });
    expect(res.status).toBe(201);
    const todo = res.body as TodoJson;
    expect(todo).toMatchObject({ title: 'walk the dog', completed: false, order: 1 });
    expect(todo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/todos\/[0-9a-f]{24}$/);
    expect(res.headers.location).toBe(todo.url);
  });

  it('keeps an order it is given, and puts a todo without one at the end', async () => {
    await createTodo({ title: 'second', order: 20 });
    await createTodo({ title: 'first', order: 10 });
    const last = await createTodo({ title: 'third' });
    expect(last.order).toBe(21);

    const res = await api().get('/todos');
    expect(res.status).toBe(200);
    expect((res.body as TodoJson[]).map((todo) => todo.title)).toEqual([
      'first',
      'second',
      'third',
    ]);
  });

  it('lists todos whose URLs lead to the todo itself', async () => {
    await createTodo({ title: 'read a book' });
    const list = (await api().get('/todos')).body as TodoJson[];
    expect(list).toHaveLength(1);

    const res = await api().get(pathOf(list[0].url));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(list[0]);
  });

  it('deletes every todo with DELETE: 204 and no body', async () => {
    await createTodo({ title: 'one' });
    await createTodo({ title: 'two' });
    const res = await api().delete('/todos');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await api().get('/todos')).body).toEqual([]);
  });

  it('stores nothing it does not know and starts every todo as not completed', async () => {
    const todo = await createTodo({ title: 'x', completed: true, url: 'http://evil', owner: 1 });
    expect(todo.completed).toBe(false);
    expect(todo).not.toHaveProperty('owner');
    expect(todo.url).not.toBe('http://evil');
  });
});

describe('invalid input', () => {
  it('answers 422 with the field at fault when the title is missing', async () => {
    const res = await api().post('/todos').send({ order: 1 });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      error: { status: 422, code: 'validation_failed', details: [{ path: 'title' }] },
    });
  });

  it('answers 422 for a title that is blank or not a string, and an order that is not an integer', async () => {
    for (const body of [{ title: '   ' }, { title: 42 }, { title: 'ok', order: 1.5 }]) {
      const res = await api().post('/todos').send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await api().get('/todos')).body).toEqual([]);
  });

  it('answers 400 when the body is not JSON at all', async () => {
    const res = await api()
      .post('/todos')
      .set('Content-Type', 'application/json')
      .send('{"title": "unfinished');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { status: 400, code: 'invalid_json' } });
  });

  it('answers 422 and explains when the body is not sent as JSON', async () => {
    const res = await api().post('/todos').set('Content-Type', 'text/plain').send('milk');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      error: {
        details: [{ path: '', message: expect.stringContaining('Content-Type') as string }],
      },
    });
  });
});

describe('one todo at its URL', () => {
  it('changes the title with PATCH, and the change is stored', async () => {
    const todo = await createTodo({ title: 'buy milk' });
    const res = await api().patch(pathOf(todo.url)).send({ title: 'buy oat milk' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'buy oat milk', completed: false, url: todo.url });

    const again = await api().get(pathOf(todo.url));
    expect(again.body).toMatchObject({ title: 'buy oat milk' });
  });

  it('marks it completed with PATCH, leaving the other fields alone', async () => {
    const todo = await createTodo({ title: 'water plants', order: 5 });
    const res = await api().patch(pathOf(todo.url)).send({ completed: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...todo, completed: true });
  });

  it('changes the order with PATCH', async () => {
    const todo = await createTodo({ title: 'sort me', order: 1 });
    const res = await api().patch(pathOf(todo.url)).send({ order: 95 });
    expect(res.status).toBe(200);
    expect((await api().get(pathOf(todo.url))).body).toMatchObject({ order: 95 });
  });

  it('answers 422 to a PATCH that changes nothing it knows, and to a bad value', async () => {
    const todo = await createTodo({ title: 'stay' });
    for (const body of [{}, { url: 'http://elsewhere' }, { completed: 'yes' }, { title: '' }]) {
      const res = await api().patch(pathOf(todo.url)).send(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await api().get(pathOf(todo.url))).body).toEqual(todo);
  });

  it('deletes it with DELETE: 204 and no body, then it is gone (404)', async () => {
    const todo = await createTodo({ title: 'temporary' });
    const res = await api().delete(pathOf(todo.url));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await api().get(pathOf(todo.url))).status).toBe(404);
  });
});

describe('ids that name no todo', () => {
  const unknown = '/todos/000000000000000000000000';
  const malformed = '/todos/not-an-id';

  for (const path of [unknown, malformed]) {
    it(`answers 404 with the JSON error body for GET, PATCH and DELETE ${path}`, async () => {
      const responses = [
        await api().get(path),
        await api().patch(path).send({ completed: true }),
        await api().delete(path),
      ];
      for (const res of responses) {
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ error: { status: 404, code: 'not_found' } });
      }
    });
  }
});

describe('CORS, so that browser clients on other origins can use the API', () => {
  it('allows any origin on responses', async () => {
    const res = await api().get('/todos').set('Origin', 'https://todobackend.com');
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers the preflight a browser sends before a PATCH with JSON', async () => {
    const res = await api()
      .options('/todos/000000000000000000000000')
      .set('Origin', 'https://todobackend.com')
      .set('Access-Control-Request-Method', 'PATCH')
      .set('Access-Control-Request-Headers', 'content-type');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toMatch(/PATCH/);
    expect(res.headers['access-control-allow-headers']).toBe('content-type');
  });
});
