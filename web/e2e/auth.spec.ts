import { expect, test } from "@playwright/test";

import { expectAccessible, screenshot, uniqueEmail } from "./helpers";

test("signed-out visitors land on sign-in, which is accessible", async ({
  page,
}) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectAccessible(page);
  await screenshot(page, "sign-in");

  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading")).toHaveText("Create your account");
  await expectAccessible(page);
  await screenshot(page, "sign-up");
});

test("a wrong password is refused with a message, the right one signs in", async ({
  page,
  request,
}) => {
  const email = uniqueEmail();
  const created = await request.post("/api/auth/register", {
    data: { email, password: "a long password" },
  });
  expect(created.status()).toBe(201);

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();

  await page.getByLabel("Password").fill("a long password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("live-status")).toHaveAttribute(
    "data-status",
    "live",
  );
});
