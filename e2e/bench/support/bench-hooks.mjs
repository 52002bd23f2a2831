// Loaded with `tsx --import ./e2e/bench/support/bench-hooks.mjs`: lets the
// benchmark call the real data-access layer outside Next.js. Two modules are
// swapped: "server-only" (throws outside React Server Components) and
// lib/auth/session.ts (reads the request's cookies) for a fixed bench user.
import { register } from "node:module";

register("./bench-loader.mjs", import.meta.url);
