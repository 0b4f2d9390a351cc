import { z } from "zod";

// Parsed once at start: a wrong value fails fast with a message instead of a mystery later.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("file:data/parallax.db"),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PARALLAX_SEED: z.enum(["0", "1"]).default("1"),
  // Where this server works the job queue (imports, re-analysis): "process", a child worker process at lower
  // CPU priority (pages never wait for analysis); "inline", on the server's own thread; "off", not at all
  // (run `npm run worker` beside it).
  PARALLAX_JOBS: z.enum(["process", "inline", "off"]).default("process"),
  // The public address(es) people use to reach this server ("https://parallax.example.org", comma-separated).
  // Requests naming any other host than these and loopback are refused (DNS rebinding).
  PARALLAX_ORIGIN: z.string().optional(),
  // Only behind a reverse proxy: whom to trust for X-Forwarded-For/-Proto (Express "trust proxy": "loopback",
  // an address, or a hop count). Unset, the client address is the socket's and forwarded headers are ignored.
  PARALLAX_TRUST_PROXY: z.string().optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | null = null;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
