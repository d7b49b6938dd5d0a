import { expect, test } from "@playwright/test";

import { expectAccessible, screenshot, send, signUp } from "./helpers";

test("only operators get the performance page, which charts the traffic", async ({
  browser,
}) => {
  const user = await (await browser.newContext()).newPage();
  await signUp(user);
  await send(user, "remind me to check the oven timer tonight");
  await expect(user.getByRole("link", { name: "Dashboard" })).toBeVisible();
  await user.goto("/performance");
  await expect(user.getByText(/Only the server's operators/)).toBeVisible();
  // Asked once access is known, so the absence is not just "not loaded yet".
  await expect(user.getByRole("link", { name: "Performance" })).toHaveCount(0);

  const operator = await (await browser.newContext()).newPage();
  await signUp(operator, process.env.E2E_OPERATOR_EMAIL);
  await operator.getByRole("link", { name: "Performance" }).click();

  await expect(operator).toHaveURL(/\/performance$/);
  const message = operator.getByRole("rowheader", {
    name: "POST/api/conversations/{conversation_id}/message",
    exact: true,
  });
  await expect(message).toBeVisible();
  await expect(
    operator.getByRole("img", { name: /^Latency p95: latest/ }),
  ).toBeVisible();
  await expect(operator.getByTestId("engine-stats-row").first()).toContainText(
    "local",
  );
  const updated = await operator.getByTestId("updated-at").textContent();
  await expect(operator.getByTestId("updated-at")).not.toHaveText(
    updated ?? "",
    { timeout: 8_000 },
  );
  await expectAccessible(operator);
  await screenshot(operator, "performance");
});
