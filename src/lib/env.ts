import { z } from "zod";

/**
 * Configuration, read and validated in one place. Used by the launcher (scripts/launcher.ts)
 * before anything starts and by the app on the server. A missing or malformed setting stops
 * start-up with a message naming it.
 */

const port = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be between 1 and 65535")
  .max(65535, "must be between 1 and 65535");

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), "must be a postgresql:// URL");

const httpUrl = z
  .string()
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an absolute http(s) URL")
  .transform((v) => v.replace(/\/+$/, ""));

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: optional(port).transform((v) => v ?? 3000),
  /** PostgreSQL to use. Unset: the launcher starts the embedded PGlite server. */
  DATABASE_URL: optional(postgresUrl),
  /** Connections in this process's pool. Default: 4 on the embedded database, 10 otherwise. */
  DATABASE_POOL_MAX: optional(z.coerce.number().int().min(1).max(200)),
  /** How long a request waits for a free connection before it is answered 503 (ms). */
  DATABASE_POOL_TIMEOUT_MS: optional(z.coerce.number().int().min(100).max(60_000)).transform((v) => v ?? 3_000),
  /** Folder for the embedded database, generated secrets and media. */
  DATA_DIR: optional(z.string()).transform((v) => v ?? "data"),
  /** Public URL of the site; seeds the site URL setting and Auth.js URLs. */
  SITE_URL: optional(httpUrl),
  AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  /** While AUTH_SECRET is being changed: the one before, still read (sessions, sealed secrets). */
  AUTH_SECRET_PREVIOUS: optional(z.string().min(32, "must be at least 32 characters")),
  ADMIN_EMAIL: optional(z.email("must be an email address")).transform(
    (v) => v ?? "admin@dellboys.example",
  ),
  ADMIN_PASSWORD: optional(z.string().min(10, "must be at least 10 characters")).transform(
    (v) => v ?? "dellboys-demo-2026",
  ),
  /**
   * How many reverse proxies (load balancer, CDN) stand in front of the app and append to
   * X-Forwarded-For. 0: the header is not believed and the socket's address is the client.
   */
  TRUSTED_PROXY_HOPS: optional(z.coerce.number().int().min(0).max(10)).transform((v) => v ?? 0),
  /**
   * Redis shared by several instances of the site: every publishing change is broadcast so that
   * every instance expires its caches before the change is answered (server/invalidation-bus.ts).
   */
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\/.+/, "must be a redis:// or rediss:// URL")),
  /**
   * Roles whose members must sign in with two steps ("ADMIN" or "ADMIN,EDITOR", say): a member
   * of one without it set up can do nothing but set it up (services/two-step.ts).
   */
  TWO_STEP_REQUIRED_ROLES: optional(z.string())
    .transform((v) => (v ?? "").split(",").map((role) => role.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.enum(["ADMIN", "EDITOR", "AUTHOR", "CONTRIBUTOR"], { error: "must be roles separated by commas: ADMIN, EDITOR, AUTHOR, CONTRIBUTOR" }))),
  /** OAuth sign-in for staff switches on when both of a provider's variables are set. */
  AUTH_GITHUB_ID: optional(z.string()),
  AUTH_GITHUB_SECRET: optional(z.string()),
  /** A GitHub Enterprise Server's address (https://github.example.com); unset: github.com. */
  AUTH_GITHUB_URL: optional(httpUrl),
  AUTH_GOOGLE_ID: optional(z.string()),
  AUTH_GOOGLE_SECRET: optional(z.string()),
  /**
   * Media on S3-compatible storage (AWS, R2, MinIO…) instead of DATA_DIR/media: set the endpoint
   * (e.g. https://s3.eu-west-1.amazonaws.com), bucket and keys. Objects are addressed path-style.
   */
  S3_ENDPOINT: optional(httpUrl),
  S3_REGION: optional(z.string()).transform((v) => v ?? "us-east-1"),
  S3_BUCKET: optional(z.string()),
  S3_ACCESS_KEY_ID: optional(z.string()),
  S3_SECRET_ACCESS_KEY: optional(z.string()),
  /** Set by the launcher when it serves the embedded database (smaller pools). */
  EMBEDDED_DATABASE: optional(z.enum(["0", "1"])).transform((v) => v === "1"),
  /** Connections the embedded server accepts: above the sum of every pool (app, build, tests). */
  PGLITE_MAX_CONNECTIONS: optional(z.coerce.number().int().min(2).max(1000)).transform(
    (v) => v ?? 64,
  ),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = issue.path.join(".");
      const got = source[name];
      return `  ${name} ${issue.message}${got === undefined ? "" : ` (got ${JSON.stringify(got)})`}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The public site URL: SITE_URL, else localhost on PORT. */
export function defaultSiteUrl(e: Env = env()): string {
  return e.SITE_URL ?? `http://localhost:${e.PORT}`;
}
