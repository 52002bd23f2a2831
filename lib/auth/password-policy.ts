/**
 * The password policy (NIST SP 800-63B / OWASP ASVS): long enough, not on a
 * list of common passwords, not built from the account's own name or email.
 * No composition rules ("one digit, one symbol"): they make passwords harder
 * to remember, not harder to guess.
 *
 * The common-password list is zxcvbn-ts's "passwords-common" dictionary
 * (@zxcvbn-ts/language-common, MIT; ~49,000 passwords most often seen in
 * public breach corpora), bundled in the package, so checks work offline.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { countPasswordCharacters, normalizePassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-length";

export { countPasswordCharacters, normalizePassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/** Who the password is for: their own name and email are easy guesses. */
export interface PasswordContext {
  email?: string | null;
  name?: string | null;
  /** Words anyone would try against this site, e.g. the publication's name. */
  extraWords?: readonly string[];
}

let commonPasswords: Set<string> | undefined;
function getCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(dictionary["passwords-common"]);
  return commonPasswords;
}

/** True when the password, ignoring case and decoration at either end ("Sunshine1!"), is a common one. */
export function isCommonPassword(password: string): boolean {
  const lower = normalizePassword(password).toLowerCase();
  const common = getCommonPasswords();
  if (common.has(lower)) return true;
  // "password2024!" and "!!qwertyuiop" are as weak as their core.
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  return core.length >= 4 && core !== lower && common.has(core);
}

/** zxcvbn's 0–4 guessability score; 3 ("safely unguessable", ~10^8+ guesses) is the least accepted. */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

/** zxcvbn's score for the password, with the account's name, email and site words as extra dictionary. */
export function scorePassword(password: string, context: PasswordContext = {}): number {
  const inputs = [context.email, context.name, ...(context.extraWords ?? []), ...identityWords(context)].filter(
    (word): word is string => Boolean(word),
  );
  // zxcvbn cost grows with length; the length rule caps input at 128 characters.
  return getEstimator().check(normalizePassword(password), inputs).score;
}

/** Pieces of the account's identity long enough to matter: "rashad", "aliyev", "r.aliyev". */
function identityWords(context: PasswordContext): string[] {
  const words = new Set<string>();
  const localPart = context.email?.split("@")[0]?.toLowerCase();
  if (localPart) {
    words.add(localPart);
    for (const piece of localPart.split(/[._+-]+/)) words.add(piece);
  }
  const name = context.name ? normalizePassword(context.name).toLowerCase().trim() : "";
  if (name) {
    words.add(name.replace(/\s+/g, ""));
    for (const piece of name.split(/[\s.'-]+/u)) words.add(piece);
  }
  for (const word of context.extraWords ?? []) words.add(normalizePassword(word).toLowerCase().replace(/\s+/g, ""));
  return [...words].filter((word) => [...word].length >= 4);
}

/**
 * Every way the password breaks the policy, as messages to show beside the
 * field (empty when it is fine). Messages say what to do, not just what is wrong.
 */
export function checkPasswordPolicy(password: string, context: PasswordContext = {}): string[] {
  const length = countPasswordCharacters(password);
  if (length < PASSWORD_MIN_LENGTH) return [`Use at least ${PASSWORD_MIN_LENGTH} characters. A short phrase is easiest to remember.`];
  if (length > PASSWORD_MAX_LENGTH) return [`Use at most ${PASSWORD_MAX_LENGTH} characters.`];
  const problems: string[] = [];
  if (isCommonPassword(password)) {
    problems.push("This password is on a list of commonly used passwords. Choose something less predictable, such as a few unrelated words.");
  }
  const lower = normalizePassword(password).toLowerCase();
  if (identityWords(context).some((word) => lower.includes(word))) {
    problems.push("Don't build the password from your name, your email address or the publication's name.");
  }
  if (problems.length === 0 && scorePassword(password, context) < MIN_PASSWORD_SCORE) {
    problems.push("This password is too easy to guess. Add a few more unrelated words, or let the browser suggest one.");
  }
  return problems;
}

/** The first policy problem, or null when the password is acceptable. */
export function describePasswordProblem(password: string, context: PasswordContext = {}): string | null {
  return checkPasswordPolicy(password, context)[0] ?? null;
}
