// Module resolution hooks for the benchmark (see bench-hooks.mjs).
const SESSION = new URL("../../../lib/auth/session.ts", import.meta.url).href;
const BENCH_SESSION = new URL("./bench-session.ts", import.meta.url).href;
const SERVER_ONLY_STUB = new URL("../../../lib/testing/server-only-stub.ts", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: SERVER_ONLY_STUB, format: "module", shortCircuit: true };
  const resolved = await nextResolve(specifier, context);
  if (resolved.url === SESSION) return { ...resolved, url: BENCH_SESSION };
  return resolved;
}
