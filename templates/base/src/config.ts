// The one module that reads the environment. Everything else imports `config` from here, so:
// - every setting the app understands is listed in one place, with its type and default;
// - a wrong or missing value stops the app at startup with a clear message, instead of turning
//   into `undefined` somewhere deep inside a request hours later;
// - tests can check the rules by calling `loadConfig()` with a plain object.
// ESLint enforces this: `process.env` anywhere else is a lint error (see eslint.config.js).
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const PORT_MESSAGE = 'must be a whole number from 0 to 65535';

// TODO(mistake:hardcoded-config): the tempting version is `app.listen(3000)` in server.ts and
// `mongoose.connect('mongodb://localhost/myapp')` in db.ts. It works on your laptop only: the
// port is taken on the next machine, the URL (and later its password) ends up in git, and
// production cannot point the same build at another database. Add every new setting to this
// schema instead, with a safe development default or none at all. `npm run lint` rejects
// `process.env` outside this file and literal ports or connection strings in src/;
// `npm test -- config` proves that bad values are refused.
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    // 0 asks the operating system for any free port (the tests use that).
    PORT: z.coerce
      .number(PORT_MESSAGE)
      .int(PORT_MESSAGE)
      .min(0, PORT_MESSAGE)
      .max(65535, PORT_MESSAGE)
      .default(3000),
    // Which network interface to listen on. 127.0.0.1 keeps the server private to this machine
    // (nobody on the café Wi-Fi can reach it); 0.0.0.0 opens it to the network, as a container
    // needs.
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    // Optional outside production: without it, development starts an in-memory MongoDB.
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
    // Which web pages (origins) may call this API from a browser: `*` for any, or a
    // comma-separated list such as `http://localhost:5173,https://example.com`.
    CORS_ORIGIN: z.string().default('*'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.MONGODB_URI) {
      ctx.addIssue({
        code: 'custom',
        path: ['MONGODB_URI'],
        message: 'is required when NODE_ENV=production (the in-memory database is for development)',
      });
    }
  })
  .transform((env) => ({
    nodeEnv: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    port: env.PORT,
    host: env.HOST,
    mongodbUri: env.MONGODB_URI,
    // Tests stay quiet unless you ask for logs with LOG_LEVEL=debug.
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    corsOrigin:
      env.CORS_ORIGIN.trim() === '*'
        ? '*'
        : env.CORS_ORIGIN.split(',')
            .map((origin) => origin.trim())
            .filter(Boolean),
  }));

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Validates an environment (normally `process.env`) and returns typed settings, or throws a
 * ConfigError that names every bad variable at once.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // `PORT=` in a .env file means "not set", not "the empty string": drop empty values so the
  // defaults and the "required" rules apply to them.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  - ${issue.path.join('.') || '(environment)'}: ${issue.message}`,
    );
    throw new ConfigError(
      ['Invalid configuration (check your environment variables or .env file):', ...problems].join(
        '\n',
      ),
    );
  }
  return result.data;
}

export const config: Config = loadConfig(process.env);
