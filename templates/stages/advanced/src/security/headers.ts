// Security headers (helmet) and the production rules the app checks when it is created.
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import mongoose from 'mongoose';
import { config, type Config } from '../config.js';

/**
 * Settings that are fine on a laptop and dangerous in production. createApp() calls this, so a
 * bad production configuration stops the server at startup (OWASP API8: security
 * misconfiguration) instead of going live.
 */
export function productionProblems(
  settings: Pick<Config, 'isProduction' | 'corsOrigin'>,
): string[] {
  if (!settings.isProduction) return [];
  const problems: string[] = [];
  if (settings.corsOrigin === '*') {
    problems.push(
      'CORS_ORIGIN=* lets every web page call this API with its users’ browsers: list the ' +
        'origins of your frontends instead (comma-separated)',
    );
  }
  return problems;
}

export function assertSafeConfig(settings: Pick<Config, 'isProduction' | 'corsOrigin'> = config) {
  const problems = productionProblems(settings);
  if (problems.length > 0) {
    throw new Error(`Unsafe production configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/**
 * Mongoose settings against NoSQL injection (OWASP API8 and the classic `{"$ne": null}` login
 * bypass): `sanitizeFilter` turns any `$`-operator that came in as a value into a literal, so
 * `find({ email: req.body.email })` cannot become `find({ email: { $ne: null } })`; `strictQuery`
 * drops filter fields that the schema does not declare.
 */
export function hardenMongoose(): void {
  mongoose.set('sanitizeFilter', true);
  mongoose.set('strictQuery', true);
}

/**
 * helmet's headers: `X-Content-Type-Options: nosniff`, `Strict-Transport-Security`,
 * `X-Frame-Options`, `Cross-Origin-*` policies and a Content-Security-Policy. Each one tells
 * browsers to refuse a class of attack (script injection, clickjacking, MIME sniffing). The
 * policy is helmet's default made stricter: styles, like scripts, only from files on this
 * origin (helmet also allows inline styles and any https: stylesheet).
 */
export function securityHeaders(): RequestHandler {
  return helmet({ contentSecurityPolicy: { directives: { 'style-src': ["'self'"] } } });
}
