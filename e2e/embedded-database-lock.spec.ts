import { spawn } from "node:child_process";
import { expect, test } from "./fixtures";
import { e2eDataDir, e2ePort } from "./support/e2e-env";
import { reference } from "./support/reference-story";

test("a second server on the running server's embedded database fails at once and harms nothing", async ({ page }) => {
  test.skip(Boolean(process.env.E2E_DATABASE_URL), "only the embedded database has a single-process lock");
  const second = spawn("npx", ["next", "start", "-p", String(e2ePort + 1)], {
    env: { ...process.env, NEWSDESK_DATA_DIR: e2eDataDir, DATABASE_URL: "" },
  });
  let output = "";
  second.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  second.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      second.kill();
      resolve(null);
    }, 30_000);
    second.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  expect(exitCode).toBe(1);
  expect(output).toContain("is already open in another process");
  expect(output).toContain("DATABASE_URL");

  const response = await page.goto(reference.path);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(reference.title);
});
