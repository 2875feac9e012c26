// Pages, totals, whitelisted sort and filters, against the real database. On a model of its own,
// so the test holds whatever fields this API's users have.
import { model, Schema } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { paginate, sortSpec } from '../src/http/pagination.js';

const UserModel = model(
  'PaginationProbeUser',
  new Schema({ name: String, email: String, passwordHash: String, role: String }),
);

async function createUsers(count: number) {
  await UserModel.insertMany(
    Array.from({ length: count }, (_, index) => ({
      name: `User ${String(index).padStart(2, '0')}`,
      email: `user${index}@example.com`,
      passwordHash: 'not a real hash',
      role: index % 5 === 0 ? 'admin' : 'user',
    })),
  );
}

describe('paginate()', () => {
  it('returns one page and the total', async () => {
    await createUsers(25);
    const page = await paginate(UserModel, {}, { page: 3, limit: 10, sort: 'name' });
    expect(page).toMatchObject({ page: 3, limit: 10, total: 25 });
    expect(page.data.map((user) => user.name)).toEqual([
      'User 20',
      'User 21',
      'User 22',
      'User 23',
      'User 24',
    ]);
  });

  it('sorts descending with a leading minus and filters', async () => {
    await createUsers(25);
    const page = await paginate(UserModel, { role: 'admin' }, { page: 1, limit: 2, sort: '-name' });
    expect(page.total).toBe(5);
    expect(page.data.map((user) => user.name)).toEqual(['User 20', 'User 15']);
  });

  it('pages past the end are empty, not an error', async () => {
    await createUsers(3);
    const page = await paginate(UserModel, {}, { page: 9, limit: 10, sort: 'name' });
    expect(page).toEqual({ data: [], page: 9, limit: 10, total: 3 });
  });

  it('breaks ties with _id so pages never overlap', () => {
    expect(sortSpec('-createdAt')).toEqual({ createdAt: -1, _id: -1 });
    expect(sortSpec('title')).toEqual({ title: 1, _id: 1 });
  });
});
