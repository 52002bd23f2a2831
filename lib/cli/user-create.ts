/**
 * `npm run user:create -- --email you@example.org --role admin [--name "…"] [--password-stdin]`
 *
 * Creates a newsroom account directly in the configured database (PGlite
 * under NEWSDESK_DATA_DIR, or DATABASE_URL): how the first admin of a
 * production install comes to be. The password is typed at a hidden prompt,
 * piped with --password-stdin, or generated and printed once. No defaults.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { createPrismaClient, describeDbTarget, openAdapter, resolveDbTarget } from "../db/connect";
import { DataDirLockedError } from "../db/pglite-lock";
import { getEnv } from "../env";
import { ValidationError } from "../errors";
import { insertUser } from "../users/insert-user";
import { emailSchema, nameSchema, ROLES } from "../validations/users";
import { promptHidden, readPasswordFromStdin } from "./read-password";

const USAGE = `Usage: npm run user:create -- --email <address> --role <admin|editor|author> [--name "<full name>"] [--password-stdin]

  --email           the account's email address (its sign-in name)
  --role            admin, editor or author
  --name            the person's name as bylines show it (default: from the email address)
  --password-stdin  read the password from standard input (e.g. from a secrets manager)

Without --password-stdin you are asked for the password (input hidden); leave
it empty, or run without a terminal, and a strong one is generated and shown once.`;

class UsageError extends Error {}

const argsSchema = z.object({
  email: emailSchema,
  role: z
    .string({ error: "give a role: admin, editor or author" })
    .toUpperCase()
    .pipe(z.enum(ROLES, { error: "the role is admin, editor or author" })),
  name: nameSchema.optional(),
});

/** "leyla.hasanova@x" → "Leyla Hasanova". */
function nameFromEmail(email: string): string {
  const local = email.split("@")[0] ?? email;
  return local
    .split(/[._+-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(" ");
}

async function choosePassword(fromStdin: boolean): Promise<string | null> {
  if (fromStdin) {
    const password = await readPasswordFromStdin();
    if (!password) throw new UsageError("--password-stdin: standard input was empty.");
    return password;
  }
  if (!process.stdin.isTTY) return null;
  const password = await promptHidden("Password (leave empty to generate a strong one): ");
  if (!password) return null;
  if ((await promptHidden("Type it again: ")) !== password) throw new UsageError("The two passwords don't match. Nothing was created.");
  return password;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  const { email, role } = parsed.data;
  const name = parsed.data.name ?? nameFromEmail(email);
  const password = await choosePassword(values["password-stdin"]);

  const target = resolveDbTarget();
  const opened = openAdapter(target);
  const db = createPrismaClient(opened);
  try {
    const { user, generatedPassword } = await insertUser(db, { name, email, role, password }, { actorId: null, via: "cli" });
    console.log(`Created ${user.role.toLowerCase()} account ${user.email} (${user.name}) in ${describeDbTarget(target)}.`);
    if (generatedPassword) {
      console.log(`\nPassword, shown only this once:\n\n    ${generatedPassword}\n\nStore it in a password manager; an admin can reset it later.`);
    }
    console.log(`Sign in at ${new URL("/login", getEnv().NEWSDESK_SITE_URL).toString()}`);
    return 0;
  } finally {
    await db.$disconnect();
    await opened.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ValidationError) {
      const problems = Object.values(error.fieldErrors).flat();
      console.error(`Nothing was created:\n  ${(problems.length ? problems : [error.message]).join("\n  ")}`);
    } else if (error instanceof UsageError || error instanceof DataDirLockedError) {
      console.error(error.message);
      if (error instanceof UsageError) console.error(`\n${USAGE}`);
    } else if (error instanceof Error && /does not exist/.test(error.message)) {
      console.error("The database has no Newsdesk tables yet. Run `npm run db:migrate` first.");
    } else if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      console.error(`${error.message}\n\n${USAGE}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
