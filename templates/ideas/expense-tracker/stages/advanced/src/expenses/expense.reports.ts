// The reports on the whole collection: routes on fixed paths under /expenses. expense.routes.ts
// adds them before `/:id`, which would otherwise take `summary` or `export.csv` for an id. This
// stage adds the CSV export to the intermediate stage's summary.
import type { Router } from 'express';
import { mountCsvExport } from './expense.export.js';
import { mountSummary } from './expense.summary.js';

export const reportRoutes: ((router: Router) => void)[] = [mountSummary, mountCsvExport];
