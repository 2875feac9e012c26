// How a client presents its token: the word before it in the Authorization header, and how the
// OpenAPI document describes that. Most APIs say `Authorization: Bearer <token>` (RFC 6750); an
// API whose published contract uses another word (RealWorld's `Token <jwt>`) replaces this one
// small file, and require-auth.ts and the OpenAPI document follow.
export const AUTH_SCHEME = 'Bearer';

/** The name of the security scheme in the OpenAPI document, and the scheme itself. */
export const SECURITY_SCHEME_NAME = 'bearerAuth';
export const SECURITY_SCHEME = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } as const;
