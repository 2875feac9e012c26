// GET /health/ready: should this instance get traffic right now? /health (liveness) answers
// "is the process alive"; a load balancer or Kubernetes restarts an instance that fails it.
// Readiness answers "is everything it depends on reachable": an instance that fails it is taken
// out of rotation, not restarted (restarting does not bring Redis back). The body names what is
// down, for the human on call.
import { Router } from 'express';
import mongoose from 'mongoose';
import { describeRoutes } from './http/openapi-registry.js';
import { isRedisReady } from './redis.js';

export const readinessRouter = Router();

describeRoutes(readinessRouter, {
  '/': {
    get: {
      summary: 'Can this instance take traffic: are MongoDB and Redis reachable?',
      responses: { 200: 'Ready', 503: 'A dependency is down (named in `checks`)' },
    },
  },
});

readinessRouter.get('/', (_req, res) => {
  const checks = {
    database: mongoose.connection.readyState === mongoose.ConnectionStates.connected,
    redis: isRedisReady(),
  };
  const ready = Object.values(checks).every(Boolean);
  res.status(ready ? 200 : 503).json({
    status: ready ? 'ready' : 'not_ready',
    checks: Object.fromEntries(
      Object.entries(checks).map(([name, up]) => [name, up ? 'up' : 'down']),
    ),
  });
});
