"use client";

import { useState } from "react";
import type { FieldErrors } from "@/lib/errors";
import { describedBy, FieldError } from "./form-parts";

/**
 * "Generate a strong password" or "Type one": the admin's choice when
 * creating an account or resetting a password. The server reads the choice
 * (a typed password is ignored when "generate" is chosen). The radios are
 * uncontrolled: React resets a form after its action, to the defaults of the
 * latest render, which follow the choice.
 */
export function PasswordChoice({ errors, mode: initialMode }: { errors: FieldErrors; mode?: string }) {
  const [mode, setMode] = useState(initialMode === "set" ? "set" : "generate");
  return (
    <fieldset className="fieldset">
      <legend>Password</legend>
      <label className="choice">
        <input type="radio" name="passwordMode" value="generate" defaultChecked={mode === "generate"} onChange={() => setMode("generate")} />
        Generate a strong password and show it to me once
      </label>
      <label className="choice">
        <input type="radio" name="passwordMode" value="set" defaultChecked={mode === "set"} onChange={() => setMode("set")} />
        Type a password
      </label>
      <div className="field" hidden={mode !== "set"}>
        <label htmlFor="password">New password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          {...describedBy("password", errors.password, "password-hint")}
        />
        <p className="field__hint" id="password-hint">
          8 to 128 characters. A few unrelated words work well; common passwords and the person&apos;s name are refused.
        </p>
        <FieldError id="password" errors={errors.password} />
      </div>
      <FieldError id="passwordMode" errors={errors.passwordMode} />
    </fieldset>
  );
}
