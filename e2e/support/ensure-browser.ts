/**
 * Makes sure a Chromium for Playwright exists: Debian's /usr/bin/chromium
 * (installed with apt-get when we may), else Playwright's own download.
 * Stops with the exact command to run when neither can be had.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { chromium } from "@playwright/test";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

function run(command: string, args: string[]): boolean {
  console.log(`$ ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
}

function hasPlaywrightChromium(): boolean {
  try {
    return fs.existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

function tryApt(prefix: string[]): boolean {
  const [command, ...rest] = [...prefix, "apt-get"];
  if (!command) return false;
  const install = [...rest, "install", "-y", "--no-install-recommends", "chromium"];
  return run(command, install) || (run(command, [...rest, "update"]) && run(command, install));
}

function main(): number {
  if (process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) return 0;
  if (fs.existsSync(DEBIAN_CHROMIUM) || hasPlaywrightChromium()) return 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (hasApt) {
    const isRoot = process.getuid?.() === 0;
    if (isRoot ? tryApt([]) : spawnSync("sudo", ["-n", "true"]).status === 0 && tryApt(["sudo", "-n"])) {
      if (fs.existsSync(DEBIAN_CHROMIUM)) return 0;
    }
  }
  if (run("npx", ["playwright", "install", "chromium"]) && hasPlaywrightChromium()) return 0;
  console.error(
    [
      "",
      "The browser tests need Chromium and none could be installed automatically.",
      hasApt ? "Run:  sudo apt-get install -y chromium" : "Run:  npx playwright install --with-deps chromium",
      "then run the tests again (or point CHROMIUM_PATH at a Chromium binary).",
    ].join("\n"),
  );
  return 1;
}

process.exit(main());
