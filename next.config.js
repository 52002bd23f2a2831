// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships its own wasm and data files: load it from node_modules at run
  // time instead of bundling it.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // Metadata always goes in <head>, for every user agent: a page is then the
  // same bytes whoever asked, so the page cache can serve it to browsers and
  // crawlers alike (streamed metadata would differ by user agent).

};

export default nextConfig;
