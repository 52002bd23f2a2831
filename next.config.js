// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships its own wasm and data files: load it from node_modules at run
  // time instead of bundling it.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    serverActions: {
      // Room for a story at the body limit; keep equal to
      // SERVER_ACTION_BODY_LIMIT in lib/security/request-limits.ts (tested).
      bodySizeLimit: "6mb",
    },
  },
};

export default nextConfig;
