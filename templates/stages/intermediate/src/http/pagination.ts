// Lists that stay fast however big the collection gets: one page at a time, sorted and
// filtered only on the fields the API chooses (each one backed by an index), with the total so
// clients can draw their pager.
//
//   GET /todos?page=2&limit=10&sort=-createdAt&completed=false
//   → { "data": [ … ], "page": 2, "limit": 10, "total": 42 }
import type { Model, QueryFilter, Types } from 'mongoose';
import { z } from 'zod';

export const DEFAULT_LIMIT = 10;
/** The biggest page a client may ask for: `?limit=1000000` would read the whole collection. */
export const MAX_LIMIT = 100;

export interface PageQuery {
  page: number;
  limit: number;
  sort: string;
}

export interface Page<T> {
  data: T[];
  page: number;
  limit: number;
  total: number;
}

/**
 * The query schema of a list endpoint: `page`, `limit` (1 to MAX_LIMIT; more is refused with
 * 400, not silently cut, so the client learns the rule), `sort` on whitelisted fields (`title`
 * ascending, `-title` descending) and the endpoint's own filters. Strict: an unknown parameter
 * (a typo, or a field the API does not filter on) is a 400 too.
 */
export function listQuery<Filters extends z.ZodRawShape>(options: {
  sortable: readonly [string, ...string[]];
  defaultSort: string;
  filters: Filters;
}) {
  const sorts = options.sortable.flatMap((field) => [field, `-${field}`]) as [string, ...string[]];
  return z.strictObject({
    page: z.coerce.number().int().min(1).default(1),
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
    sort: z.enum(sorts).default(options.defaultSort),
    ...options.filters,
  });
}

/** `-createdAt` → `{ createdAt: -1, _id: -1 }`: `_id` breaks ties, so pages never overlap. */
export function sortSpec(sort: string): Record<string, 1 | -1> {
  const direction = sort.startsWith('-') ? -1 : 1;
  const field = sort.replace(/^-/, '');
  return field === '_id' ? { _id: direction } : { [field]: direction, _id: direction };
}

/**
 * One page of the documents matching `filter`, and how many match in all. A list only turns its
 * rows into JSON, so it reads them with `lean()`: plain objects instead of Mongoose documents
 * (no change tracking, getters or virtuals such as `id` — use `_id`), several times less CPU and
 * memory per row. `select` is the projection: only the fields the answer shows leave MongoDB.
 */
export async function paginate<T>(
  model: Model<T>,
  filter: QueryFilter<T>,
  { page, limit, sort }: PageQuery,
  select?: string,
) {
  const [data, total] = await Promise.all([
    model
      .find(filter)
      .select(select ?? '')
      .sort(sortSpec(sort))
      .skip((page - 1) * limit)
      .limit(limit)
      .lean<(T & { _id: Types.ObjectId })[]>(),
    model.countDocuments(filter),
  ]);
  const result: Page<(typeof data)[number]> = { data, page, limit, total };
  return result;
}
