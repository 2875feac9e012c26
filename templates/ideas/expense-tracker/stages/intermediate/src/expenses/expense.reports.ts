// The reports on the whole collection: routes on fixed paths under /expenses (`/summary`, …).
// expense.routes.ts adds them before `/:id`, which would otherwise take `summary` for an id.
// A later stage adds its own reports by replacing this small list, not the router.
import type { Router } from 'express';
import { mountSummary } from './expense.summary.js';

export const reportRoutes: ((router: Router) => void)[] = [mountSummary];
