// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships its own wasm and data files: load it from node_modules at run
  // time instead of bundling it.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
