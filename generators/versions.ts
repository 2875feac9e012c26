// The one place a dependency version of a generated starter is written. Layers name their
// dependencies in `layer.json`; the renderer looks each name up here and refuses a name that is
// missing, so a starter can never ship an unversioned or duplicated-and-diverging dependency.
//
// Why these and not others: see docs/dependencies.md. TypeScript stays on 6.0 because
// typescript-eslint 8.x supports TypeScript < 6.1.

export const STARTER_VERSIONS: Readonly<Record<string, string>> = {
  // runtime
  express: '^5.3.0',
  mongoose: '^9.12.1',
  zod: '^4.6.7',
  pino: '^10.4.0',
  'pino-http': '^11.0.0',
  cors: '^2.8.6',
  helmet: '^8.3.0',
  jsonwebtoken: '^9.0.3',
  argon2: '^0.45.1',
  multer: '^2.5.0',
  redis: '^6.3.1',
  'express-rate-limit': '^8.7.5',
  'rate-limit-redis': '^6.0.1',
  'swagger-ui-express': '^5.0.1',
  marked: '^18.2.1',
  'sanitize-html': '^2.18.1',
  'socket.io': '^4.8.4',
  '@socket.io/redis-adapter': '^8.3.0',

  // development and tests
  typescript: '~6.0.3',
  tsx: '^4.23.15',
  '@types/node': '^24.0.0',
  '@types/express': '^5.0.6',
  '@types/cors': '^2.8.19',
  '@types/jsonwebtoken': '^9.0.10',
  '@types/multer': '^2.3.0',
  '@types/swagger-ui-express': '^4.1.8',
  '@types/sanitize-html': '^2.16.2',
  '@types/autocannon': '^7.12.7',
  vitest: '^5.1.1',
  '@vitest/coverage-v8': '^5.1.1',
  supertest: '^7.3.2',
  '@types/supertest': '^7.2.1',
  eslint: '^10.15.0',
  '@eslint/js': '^10.0.1',
  'typescript-eslint': '^8.73.0',
  prettier: '^3.10.1',
  // Browser globals (document, fetch) for linting the static page in a starter's public/.
  globals: '^17.14.0',
  'mongodb-memory-server-core': '^11.3.0',
  'redis-memory-server': '^0.17.1',
  autocannon: '^9.0.0',
  // Parses compose.yaml and the CI workflow in the advanced starters' tests.
  yaml: '^2.9.1',
  'socket.io-client': '^4.8.4',
  // Checks the blog's API answers against its RealWorld Conduit JSON Schema document.
  ajv: '^8.20.0',
  // `npm run generate resource <name>` in every starter (plopfile.js, run by scripts/generate.js).
  'node-plop': '^0.32.3',
};

/** Node versions a starter supports; written to its `engines` field. */
// 22.13 is the oldest Node 22 that the starters' ESLint 10 runs on; 23 is end-of-life.
export const STARTER_NODE_ENGINES = '^22.13.0 || >=24';
