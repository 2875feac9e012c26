// GET /messages: the stored history over plain HTTP, newest first and bounded. These tests are
// the guard for mistake:skipping-http-basics in this project.
import { describe, expect, it } from 'vitest';
import { MessageModel } from '../src/chat/message.model.js';
import { useApi } from './api.js';

const api = useApi();

async function store(count: number): Promise<void> {
  for (let index = 1; index <= count; index += 1) {
    // One at a time, so each has a later createdAt than the one before.
    await MessageModel.create({ name: 'Ann', text: `message ${String(index)}` });
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('GET /messages', () => {
  it('answers 200 with an empty list when nothing was said', async () => {
    const res = await api().get('/messages');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual([]);
  });

  it('lists messages newest first', async () => {
    await store(3);
    const res = await api().get('/messages');
    expect(res.status).toBe(200);
    const body = res.body as { id: string; name: string; text: string; createdAt: string }[];
    expect(body.map((message) => message.text)).toEqual(['message 3', 'message 2', 'message 1']);
    expect(Object.keys(body[0] ?? {}).sort()).toEqual(['createdAt', 'id', 'name', 'text']);
    expect(body[0]?.name).toBe('Ann');
  });

  it('is bounded: 50 by default, ?limit= up to 100', async () => {
    await MessageModel.insertMany(
      Array.from({ length: 60 }, (_, index) => ({ name: 'Bob', text: `m${String(index)}` })),
    );
    expect((await api().get('/messages')).body).toHaveLength(50);
    const two = await api().get('/messages?limit=2');
    expect(two.status).toBe(200);
    expect(two.body).toHaveLength(2);
  });

  it.each(['0', '101', 'many', '1.5'])('answers ?limit=%s with 400', async (limit) => {
    const res = await api().get(`/messages?limit=${limit}`);
    expect(res.status).toBe(400);
    expect((res.body as { error: { code: string } }).error.code).toBe('invalid_query');
  });
});
