// The RealWorld "Conduit" contract sends the token as `Authorization: Token <jwt>`, not the more
// common `Bearer <jwt>`: every Conduit frontend does, so this API accepts exactly that. This file
// replaces the stage's auth-scheme.ts; require-auth.ts and the OpenAPI document read it.
export const AUTH_SCHEME = 'Token';

/** As the Conduit OpenAPI document describes it: an API key in the Authorization header. */
export const SECURITY_SCHEME_NAME = 'Token';
export const SECURITY_SCHEME = {
  type: 'apiKey',
  in: 'header',
  name: 'Authorization',
  description: 'Token <jwt>, the token that POST /api/users and POST /api/users/login answer with',
} as const;
