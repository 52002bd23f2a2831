import { z } from "zod";

/** The sign-in form. Length limits only: the password policy applies when setting one. */
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email address").max(254).pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password").max(128, "Passwords are at most 128 characters"),
});

export type SignInInput = z.infer<typeof signInSchema>;
