// GET /health: is the process up, and can it reach its database? Load balancers, container
// orchestrators and uptime monitors call an endpoint like this; the status code is the answer
// (200 healthy, 503 not), the body explains it to humans.
import { Router } from 'express';
import mongoose from 'mongoose';

export const healthRouter = Router();

healthRouter.get('/', (_req, res) => {
  const connected = mongoose.connection.readyState === mongoose.ConnectionStates.connected;
  res.status(connected ? 200 : 503).json({
    status: connected ? 'ok' : 'unavailable',
    database: connected ? 'connected' : 'disconnected',
  });
});
