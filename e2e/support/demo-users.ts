import { demoUsers } from "../../prisma/seed/users";

export type DemoRole = "admin" | "editor" | "author";

export const demoAccount = (role: DemoRole) => {
  const user = demoUsers.find((u) => u.role === role.toUpperCase());
  if (!user) throw new Error(`No demo ${role}`);
  return user;
};

/** Storage state saved by auth.setup.ts for each role. */
export const storageStatePath = (role: DemoRole) => `e2e/.auth/${role}.json`;
