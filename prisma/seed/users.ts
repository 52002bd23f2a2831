/**
 * Demo accounts, one per role. Demo databases only: production starts with
 * no accounts and `npm run user:create` makes the first admin.
 */
export const demoUsers = [
  { email: "admin@newsdesk.test", password: "demo-admin-pass", name: "Leyla Hasanova", role: "ADMIN", slug: "leyla-hasanova" },
  { email: "editor@newsdesk.test", password: "demo-editor-pass", name: "Aysel Mammadova", role: "EDITOR", slug: "aysel-mammadova" },
  { email: "author@newsdesk.test", password: "demo-author-pass", name: "Rashad Aliyev", role: "AUTHOR", slug: "rashad-aliyev" },
] as const;
