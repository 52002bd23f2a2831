import { z } from "zod";
import { countPasswordCharacters, PASSWORD_MAX_LENGTH } from "../auth/password-length";

/** The sign-in form. Length limits only: the password policy applies when setting one. */
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email address").max(254).pipe(z.email("Enter a valid email address")),
  password: z
    .string()
    .min(1, "Enter your password")
    // Bounds the work before normalising; the real limit is the next line's.
    .max(PASSWORD_MAX_LENGTH * 4, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters`)
    .refine((p) => countPasswordCharacters(p) <= PASSWORD_MAX_LENGTH, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters`),
});

export type SignInInput = z.infer<typeof signInSchema>;
