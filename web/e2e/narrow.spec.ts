import { expect, test } from "@playwright/test";

import { expectAccessible, screenshot, send, signUp } from "./helpers";

test.use({ viewport: { width: 390, height: 844 } });

test("on a phone the tasks open as a drawer over the chat", async ({
  page,
}) => {
  await signUp(page);
  await send(page, "remind me to call Ana tomorrow at 3pm");
  const sidebar = page.getByRole("complementary", { name: "Tasks and notes" });
  await expect(sidebar).toBeHidden();

  await page.getByRole("button", { name: "Tasks & notes" }).click();

  await expect(sidebar.getByTestId("task-item")).toContainText("Call Ana");
  await expectAccessible(page);
  await screenshot(page, "phone-tasks");
});
