// The CRUD ideas whose starters part 4 (throughput) loads, and what it needs to know of each that
// the catalog and the smoke steps do not say. The bare app asks the database the same question as
// the beginner list: it imports the beginner starter's own model from the starter's build (so the
// schema and indexes are the starter's, not a copy that could drift), sorts like the list's route
// handler and answers with the same JSON fields.
import type { IdeaId, StageId } from '../generators/catalog.ts';

export interface CrudBench {
  idea: IdeaId;
  /** The collection: where the list is read and new items are POSTed, by stage. */
  route: (stage: StageId) => string;
  /** The beginner starter's model, in its build output (`dist/`), and its export. */
  model: { module: string; export: string };
  /** The beginner list's order: its route handler's `.sort(...)`. */
  sort: Record<string, 1 | -1>;
  /** The beginner's JSON for one item, besides `id` and `url`. */
  fields: readonly string[];
  /** Date fields the beginner answers as YYYY-MM-DD rather than a full timestamp. */
  dayFields?: readonly string[];
  /**
   * From this stage on, only an admin creates items and the API cannot make one: the starter's
   * npm script does, for the user the smoke steps registered, who then logs in again.
   */
  adminScript?: { script: string; from: StageId };
  /**
   * What the advanced stage caches, when that is not the list and get-by-id: this read is then
   * loaded on the intermediate (uncached) and advanced (cached) starters for the cache verdict.
   */
  cachedRead?: { name: string; path: string };
}

export const CRUD_BENCHES: readonly CrudBench[] = [
  {
    idea: 'todo-app',
    route: () => '/todos',
    model: { module: 'dist/todos/todo.model.js', export: 'TodoModel' },
    sort: { order: 1, _id: 1 },
    fields: ['title', 'completed', 'order'],
  },
  {
    idea: 'notes-app',
    route: () => '/notes',
    model: { module: 'dist/notes/note.model.js', export: 'NoteModel' },
    sort: { pinned: -1, updatedAt: -1, _id: -1 },
    fields: ['title', 'content', 'tags', 'pinned', 'createdAt', 'updatedAt'],
  },
  {
    idea: 'blog',
    // Intermediate and later follow the RealWorld (Conduit) API.
    route: (stage) => (stage === 'beginner' ? '/posts' : '/api/articles'),
    model: { module: 'dist/posts/post.model.js', export: 'PostModel' },
    sort: { createdAt: -1, _id: -1 },
    fields: ['title', 'content', 'category', 'tags', 'createdAt', 'updatedAt'],
  },
  {
    idea: 'expense-tracker',
    route: () => '/expenses',
    model: { module: 'dist/expenses/expense.model.js', export: 'ExpenseModel' },
    sort: { date: -1, _id: -1 },
    fields: ['amountCents', 'currency', 'category', 'description', 'date'],
    dayFields: ['date'],
    // Its advanced stage caches the monthly summary; the smoke expense is dated March 2025.
    cachedRead: { name: 'monthly summary', path: '/expenses/summary?month=2025-03' },
  },
  {
    idea: 'ecommerce',
    route: () => '/products',
    model: { module: 'dist/shop/product.model.js', export: 'ProductModel' },
    sort: { name: 1, _id: 1 },
    fields: ['name', 'description', 'priceCents', 'stock'],
    adminScript: { script: 'make-admin', from: 'intermediate' },
  },
];

export function crudBench(idea: string): CrudBench {
  const bench = CRUD_BENCHES.find((candidate) => candidate.idea === idea);
  if (!bench) throw new Error(`no throughput data for the idea "${idea}"`);
  return bench;
}
