import type { Page } from "@playwright/test";
import { ALLOWED_BODY_ATTRIBUTES, ALLOWED_BODY_TAGS } from "../lib/content/sanitize-body";
import { buildXssCorpusBody, vectorEndMarker, vectorStartMarker, xssCorpus, type XssVector } from "../lib/content/xss-corpus";
import { expect, test } from "./fixtures";
import { EditorPage, uniqueTitle } from "./pages/editor-page";
import { captureAction, replayAction } from "./support/server-actions";

const SANDBOX = "http://xss-sandbox.test";

/** Serves `html` at a throwaway origin with no CSP and no sanitiser, with the payload sink ready. */
async function openUnprotected(page: Page, html: string): Promise<void> {
  await page.route(`${SANDBOX}/**`, (route) =>
    route.fulfill({ contentType: "text/html", body: `<!doctype html><html><head><script>window.__xss = [];</script></head><body>${html}</body></html>` }),
  );
  await page.goto(`${SANDBOX}/page`);
}

const executed = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number[] }).__xss ?? []);

async function runsUnprotected(page: Page, vector: XssVector): Promise<boolean> {
  await openUnprotected(page, vector.html);
  if (vector.clickText) await page.getByText(vector.clickText, { exact: true }).first().click({ timeout: 2000 });
  try {
    await expect.poll(() => executed(page), { timeout: 3000 }).toContain(vector.id);
    return true;
  } catch {
    return false;
  }
}

test.describe("XSS corpus", () => {
  test("every live vector really runs in Chromium when nothing protects the page", async ({ browser }) => {
    const page = await browser.newPage();
    page.on("dialog", (dialog) => void dialog.dismiss());
    const silent: string[] = [];
    for (const vector of xssCorpus.filter((v) => v.trigger !== "never")) {
      if (!(await runsUnprotected(page, vector))) silent.push(`${vector.id} ${vector.name}`);
    }
    // Honesty check: the corpus is not made of duds.
    expect(silent).toEqual([]);
    expect(xssCorpus.filter((v) => v.trigger !== "never").length).toBeGreaterThanOrEqual(45);
    await page.close();
  });

  test("saved through the editor's save action and published, none of it executes on the public page", async ({ pageAs, browser }) => {
    const editor = new EditorPage(await pageAs("editor"));
    await editor.gotoNew();
    const title = uniqueTitle("Corpus story");
    const id = await editor.writeStory({ title });
    await editor.button("Publish now").click();
    await expect(editor.status).toHaveText("Published");
    const path = (await editor.page.getByRole("link", { name: "View on the site" }).getAttribute("href")) ?? "";

    // A malicious client: the real save action, with the raw corpus as the body.
    const save = await captureAction(editor.page, (body) => body.includes("Corpus summary"), async () => {
      await editor.summary.fill("Corpus summary");
      await editor.saveButton.click();
      await expect(editor.notice).toHaveText(/^Saved as version \d+\.$/);
    });
    const [args] = JSON.parse(save.body) as [{ fields: Record<string, unknown> }];
    const response = await replayAction(editor.page.request, save, [
      { id, baseVersion: await editor.version(), fields: { ...args.fields, body: buildXssCorpusBody() } },
    ]);
    expect(await response.text()).toContain('"ok":true');

    const reader = await browser.newPage();
    const dialogs: string[] = [];
    reader.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await reader.addInitScript(() => {
      const w = window as unknown as { __xss: number[]; __csp: string[] };
      w.__xss = [];
      w.__csp = [];
      document.addEventListener("securitypolicyviolation", (event) => w.__csp.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await reader.goto(path);
    const body = reader.locator(".article__body > div");
    for (const vector of xssCorpus) {
      await expect(body).toContainText(vectorStartMarker(vector.id));
      await expect(body).toContainText(vectorEndMarker(vector.id));
      if (vector.keeps) await expect(body, `vector ${vector.id} keeps its text`).toContainText(vector.keeps);
    }
    await reader.waitForTimeout(1500); // onerror, animations, autofocus all fire well within this
    expect(await executed(reader)).toEqual([]);
    expect(dialogs).toEqual([]);
    // The CSP never had to step in: the sanitiser had already removed everything.
    expect(await reader.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);

    // What the reader's browser built from the body is inside the allowlist.
    const found = await body.evaluate((root) =>
      Array.from(root.querySelectorAll("*"), (element) => ({
        tag: element.tagName.toLowerCase(),
        attributes: element.getAttributeNames(),
        protocol: element instanceof HTMLAnchorElement && element.hasAttribute("href") ? element.protocol : null,
      })),
    );
    for (const element of found) {
      expect(ALLOWED_BODY_TAGS as readonly string[]).toContain(element.tag);
      for (const attribute of element.attributes) expect(ALLOWED_BODY_ATTRIBUTES[element.tag] ?? []).toContain(attribute);
      if (element.protocol) expect(["http:", "https:", "mailto:"]).toContain(element.protocol);
    }

    // Belt and braces: the stored body alone, on a page with no CSP at all, still runs nothing.
    const stored = await body.innerHTML();
    const bare = await browser.newPage();
    await openUnprotected(bare, stored);
    for (const vector of xssCorpus.filter((v) => v.clickText)) {
      const target = bare.getByText(vector.clickText ?? "", { exact: true }).first();
      if ((await target.count()) === 0) continue;
      // Links are checked above (their protocol); following one would leave the page.
      if (await target.evaluate((element) => element.closest("a") === null)) await target.click();
    }
    await bare.waitForTimeout(1000);
    expect(await executed(bare)).toEqual([]);
    await Promise.all([reader.close(), bare.close()]);
  });
});
