// GET /docs: Swagger UI, a web page that reads this API's OpenAPI document (GET /openapi.json,
// see src/openapi.ts) and lets you browse every route and try it from the browser. Open
// http://localhost:3000/docs with `npm run dev`.
//
// The API's Content-Security-Policy (src/security/headers.ts) allows scripts and styles only
// from files on this origin; Swagger UI needs inline styles and data: images,
// so this route, and only this route, gets a policy that allows them. The rest of the API keeps
// the strict one.
import { Router } from 'express';
import helmet from 'helmet';
import swaggerUi from 'swagger-ui-express';
import { openApiDocument } from './openapi.js';

export function docsRouter(): Router {
  const router = Router();
  router.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  router.use(swaggerUi.serve);
  router.get('/', swaggerUi.setup(openApiDocument()));
  return router;
}
