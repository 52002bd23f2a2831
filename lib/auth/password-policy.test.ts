import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, verifyPassword } from "./password";
import { checkPasswordPolicy, countPasswordCharacters, describePasswordProblem, isCommonPassword, MIN_PASSWORD_SCORE, scorePassword } from "./password-policy";

const context = { email: "rashad.aliyev@newsdesk.test", name: "Rashad Aliyev", extraWords: ["Newsdesk"] };

describe("password policy", () => {
  it.each([
    ["", "at least 8"],
    ["seven77", "at least 8"],
    ["x".repeat(129), "at most 128"],
  ])("refuses %j by length", (password, message) => {
    expect(describePasswordProblem(password)).toContain(message);
  });

  it("accepts exactly 8 and exactly 128 characters", () => {
    const lengthProblem = (password: string) => checkPasswordPolicy(password).some((p) => /at (least|most)/.test(p));
    expect(lengthProblem("tq8-vzmw")).toBe(false);
    expect(lengthProblem("q7w-".repeat(32))).toBe(false);
  });

  it("counts characters as people do: code points after NFKC, not UTF-16 units", () => {
    // Seven emoji are 14 UTF-16 units but 7 characters: too short.
    expect(countPasswordCharacters("🔒🔑🗝️🚪🏠🧭🌙".replace("\uFE0F", ""))).toBe(7);
    expect(describePasswordProblem("🔒🔑🗝🚪🏠🧭🌙")).toContain("at least 8");
    // 128 astral characters are 256 UTF-16 units yet allowed.
    expect(checkPasswordPolicy("😀".repeat(64) + "🌍".repeat(64)).some((p) => /at (least|most)/.test(p))).toBe(false);
    // A decomposed "é" (e + combining accent) is one character after NFKC.
    expect(countPasswordCharacters("cafe\u0301")).toBe(4);
  });

  it.each(["password", "12345678", "qwertyuiop", "iloveyou", "Sunshine", "PASSWORD1", "password2024!", "!!qwertyuiop", "baseball"])(
    "refuses the common password %j",
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
      expect(describePasswordProblem(password)).toMatch(/commonly used passwords/);
    },
  );

  it("accepts uncommon passphrases with no composition rules", () => {
    for (const password of ["correct horse battery staple", "tea kettle on the balcony", "лампа-окно-лес", "çay-dəmləmək-vaxtı"]) {
      expect(checkPasswordPolicy(password, context)).toEqual([]);
    }
  });

  it("refuses passwords built from the account's name or email", () => {
    for (const password of ["rashad.aliyev", "rashad-is-great", "my aliyev password", "RashadAliyev99"]) {
      expect(describePasswordProblem(password, context)).toMatch(/name, your email address/);
    }
  });

  it("refuses the publication's name", () => {
    expect(describePasswordProblem("newsdesk-rocks-2024", context)).toMatch(/publication's name/);
  });

  it("ignores identity pieces too short to matter", () => {
    expect(checkPasswordPolicy("al-bu-quiet-river", { email: "al@x.test", name: "Al Bu" })).toEqual([]);
  });

  it("reports every problem at once", () => {
    expect(checkPasswordPolicy("michael1", { name: "Michael Jordan" })).toHaveLength(2);
  });
});

describe("password hashing", () => {
  it("hashes with argon2id at OWASP parameters and verifies", async () => {
    const stored = await hashPassword("tea kettle on the balcony");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, "tea kettle on the balcony")).toBe(true);
    expect(await verifyPassword(stored, "tea kettle on the balcony ")).toBe(false);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });

  it("verifies a password typed in another Unicode form", async () => {
    const stored = await hashPassword("caf\u00e9-terrace-view");
    expect(await verifyPassword(stored, "cafe\u0301-terrace-view")).toBe(true);
  });

  it("generates strong passwords that pass the policy", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const password = generatePassword();
      expect(password).toMatch(/^[b-z2-9]{5}(-[b-z2-9]{5}){3}$/);
      expect(checkPasswordPolicy(password, context)).toEqual([]);
      seen.add(password);
    }
    expect(seen.size).toBe(50);
  });
});

describe("password strength (finding 6: a weak password was accepted)", () => {
  it.each(["aaaaaaaa", "abcdefgh", "12121212", "qwertzuiop1", "summer2024", "Rashad1990!"])("refuses the guessable %j", (password) => {
    expect(describePasswordProblem(password, context)).not.toBeNull();
  });

  it("counts the account's own words as guessable", () => {
    const own = { email: "marlow.quint@newsdesk.test", name: "Marlow Quint" };
    expect(scorePassword("tintagel-harbour", own)).toBeGreaterThanOrEqual(MIN_PASSWORD_SCORE);
    expect(scorePassword("marlowquint77", own)).toBeLessThan(MIN_PASSWORD_SCORE);
  });
});
