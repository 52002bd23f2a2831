import { z } from "zod";
import { countPasswordCharacters, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../auth/password-length";

export const ROLES = ["ADMIN", "EDITOR", "AUTHOR"] as const;
export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = { ADMIN: "Admin", EDITOR: "Editor", AUTHOR: "Author" };

export const roleSchema = z.enum(ROLES, { error: "Choose a role" });

export const emailSchema = z
  .string({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address")
  .max(254, "Email addresses are at most 254 characters")
  .pipe(z.email("Enter a valid email address, like name@example.org"));

export const nameSchema = z
  .string({ error: "Enter the person's name" })
  .trim()
  .min(1, "Enter the person's name")
  .max(120, "Names are at most 120 characters");

/**
 * A new password's length, checked in the browser and on the server. The
 * rest of the policy (common passwords, name and email) needs the server.
 */
export const newPasswordSchema = z
  .string({ error: "Enter a password" })
  .max(PASSWORD_MAX_LENGTH * 4, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((p) => countPasswordCharacters(p) >= PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .refine((p) => countPasswordCharacters(p) <= PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

/** "Generate one for me" or "I'll type it": the admin forms offer both. */
const passwordChoice = z
  .object({
    passwordMode: z.enum(["generate", "set"], { error: "Choose how to set the password" }),
    password: z.string().optional(),
  })
  .transform((value, ctx) => {
    if (value.passwordMode === "generate") return { password: null };
    const parsed = newPasswordSchema.safeParse(value.password ?? "");
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: ["password"] });
      return z.NEVER;
    }
    return { password: parsed.data };
  });

export const createUserSchema = z
  .object({ name: nameSchema, email: emailSchema, role: roleSchema })
  .and(passwordChoice)
  .transform((value) => ({ name: value.name, email: value.email, role: value.role, password: value.password }));
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRoleSchema = z.object({ role: roleSchema });

export const resetPasswordSchema = passwordChoice;
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(PASSWORD_MAX_LENGTH * 4),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: "Type the new password again" }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    message: "The two new passwords don't match",
    path: ["confirmPassword"],
  });
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordSchema>;
