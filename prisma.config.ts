// Prisma CLI configuration. Migrations normally run through scripts/db
// (offline, wasm schema engine); this file keeps `prisma migrate deploy`
// working too wherever the native engine is available.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/newsdesk" },
});
