import { expect, test } from "@playwright/test";

import { expectAccessible, screenshot, send, signUp } from "./helpers";

test("a second tab sees a new task within a second, without reloading", async ({
  context,
}) => {
  const first = await context.newPage();
  await signUp(first);
  const second = await context.newPage();
  await second.goto("/");
  await expect(second.getByTestId("live-status")).toHaveAttribute(
    "data-status",
    "live",
  );
  let reloaded = false;
  second.on("framenavigated", () => (reloaded = true));

  await send(first, "remind me to buy stamps on friday");
  const started = Date.now();
  await expect(
    second.getByTestId("task-item").filter({ hasText: /stamps/i }),
  ).toBeVisible({ timeout: 1000 });
  console.log(
    `live: second tab showed the task ${Date.now() - started} ms after the reply`,
  );
  expect(reloaded).toBe(false);

  await second.goto("/dashboard");
  await expect(second.getByTestId("panel-next-7-days")).toContainText(
    /stamps/i,
  );
  const item = first.getByTestId("task-item").filter({ hasText: /stamps/i });
  await item.getByRole("checkbox").click();
  await expect(second.getByTestId("count-done_tasks")).toContainText("1", {
    timeout: 1000,
  });
  await screenshot(second, "dashboard-live");
});

test("user B never sees user A's items", async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();
  await signUp(alice);
  await signUp(bob);

  await send(alice, "remind me to send Alice's secret invoice tomorrow");
  await expect(
    alice.getByTestId("task-item").filter({ hasText: /invoice/i }),
  ).toBeVisible();

  // Bob's tab was open and live the whole time: nothing may arrive.
  await bob.waitForTimeout(1500);
  await expect(bob.getByText(/invoice/i)).toHaveCount(0);
  await bob.goto("/dashboard");
  await expect(bob.getByTestId("count-open_tasks")).toContainText("0");
  await bob.keyboard.press("Control+k");
  await bob.getByRole("combobox", { name: /Search/ }).fill("invoice");
  await expect(bob.getByText(/Nothing matches/)).toBeVisible();
  await expect(bob.getByRole("option")).toHaveCount(0);
});

test("settings change the timezone and show the active engine", async ({
  page,
}) => {
  await signUp(page);
  await send(page, "remind me to call Ana tomorrow at 3pm");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByTestId("engine")).toContainText("Built-in");

  await page.getByLabel("Timezone").selectOption("America/New_York");
  await page.getByLabel(/Day first/).check();
  await expectAccessible(page);
  await screenshot(page, "settings");

  await page.getByRole("link", { name: "Chat" }).click();
  const badge = page.getByTestId("task-item").locator("[data-tone]");
  // 15:00 in Lisbon is 10:00 in New York, shown day-first in 24-hour time.
  await expect(badge).toHaveText(/, 10:00$/);
});
