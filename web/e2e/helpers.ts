import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

const SCREENSHOTS = resolve(
  import.meta.dirname,
  "..",
  "..",
  "artifacts",
  "screenshots",
);

let accounts = 0;

export function uniqueEmail(): string {
  accounts += 1;
  return `e2e-${Date.now()}-${accounts}@example.com`;
}

export async function signUp(page: Page, email = uniqueEmail()) {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long password");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByTestId("live-status")).toHaveAttribute(
    "data-status",
    "live",
  );
  return email;
}

export async function send(page: Page, text: string) {
  const reply = page.waitForResponse(
    (response) =>
      /\/api\/conversations\/\d+\/message$/.test(response.url()) &&
      response.request().method() === "POST",
  );
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("textbox", { name: "Message" }).press("Enter");
  const response = await reply;
  expect(response.ok()).toBe(true);
  return response.json();
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** No serious or critical accessibility violations on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`),
  ).toEqual([]);
}
