// The monthly summary behind Redis, without changing its route (src/expenses/expense.summary.ts):
// app.ts runs this in front of the expense router, on /expenses.
//
//   GET /expenses/summary?month=…   cached per user and month, tagged with the user
//   POST, PUT, PATCH, DELETE         invalidate every cached summary of the writer
//
// A summary is two aggregations over a month of expenses; a cached one is one Redis GET. Every
// write of a user invalidates all of that user's summaries rather than only the months it
// touched: a PATCH can move an expense from one month to another, and only the handler knows
// the old date. One tag per user is a rule nobody can get wrong, and a user's writes are rare
// next to their reads. (A receipt upload changes no total; invalidating on it too costs one
// Redis round trip and keeps the rule "every write".) The TTL is CACHE_TTL_SECONDS.
import { Router, type Request } from 'express';
import { currentUser, requireAuth } from '../auth/require-auth.js';
import { cacheJsonResponses, invalidateOnWrite, type CacheEntry } from '../cache/index.js';
import { config } from '../config.js';
import { monthOf } from './expense.period.js';
import { summaryQuery } from './expense.schemas.js';

const ownerTag = (userId: string) => `expenses:owner:${userId}`;

function entryFor(req: Request): CacheEntry | undefined {
  if (req.path !== '/summary') return undefined;
  // Only a query the route accepts: anything else is answered (400) by the route, uncached.
  const query = summaryQuery.safeParse(req.query);
  if (!query.success) return undefined;
  const userId = currentUser(req).id;
  const month = query.data.month ?? monthOf(new Date());
  // TODO(mistake:ignoring-security): the tempting key is `summary:<month>` (or the URL alone),
  // "a month is a month". The first user to ask for March would then have their totals served
  // from Redis to everyone who asks for March, skipping the owner filter in the route: Bob reads
  // how much Ann spent and on what (OWASP API1, broken object level authorization, through the
  // cache). Key every cached answer by the user it was computed for, and never cache before
  // authentication (requireAuth runs first, below). The guard: `npm test -- expense-cache`
  // caches Ann's March, then asks as Bob and expects his own totals and a MISS.
  return {
    key: `expenses:user:${userId}:summary:${month}`,
    tags: [ownerTag(userId)],
    ttlSeconds: config.cacheTtlSeconds,
  };
}

export function expenseCache(): Router {
  const router = Router();
  // Authentication first: a cached answer is still only for the user it was computed for.
  router.use(requireAuth);
  router.use(cacheJsonResponses(entryFor));
  router.use(invalidateOnWrite((req) => [ownerTag(currentUser(req).id)]));
  return router;
}
