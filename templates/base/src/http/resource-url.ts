import type { Request } from 'express';

/**
 * The absolute URL of one item of the collection a router serves, e.g.
 * `http://localhost:3000/todos/665f…`. Clients follow it instead of building URLs themselves,
 * and it goes in the Location header of a 201 Created.
 *
 * `req.baseUrl` is where the router is mounted (`/todos`), so the router works under any prefix.
 * The host comes from the request, so the URL is right behind `localhost`, a LAN address or a
 * domain. (Behind a reverse proxy, set Express's `trust proxy` so `req.protocol` and `req.host`
 * come from the X-Forwarded-* headers.)
 */
export function resourceUrl(req: Request, id: string): string {
  return `${req.protocol}://${req.host}${req.baseUrl}/${encodeURIComponent(id)}`;
}
