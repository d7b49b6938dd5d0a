import { expect, test } from "@playwright/test";

import { expectAccessible, screenshot, send, signUp } from "./helpers";

function tomorrowInLisbon(): string {
  const tomorrow = new Date(Date.now() + 86_400_000);
  return new Intl.DateTimeFormat("en-US", {
    dateStyle: "full",
    timeZone: "Europe/Lisbon",
  }).format(tomorrow);
}

test("a reminder becomes a task, is ticked done, and the dashboard follows", async ({
  page,
}) => {
  await signUp(page);
  await expectAccessible(page);
  await screenshot(page, "chat-empty");

  const exchange = await send(page, "remind me to call Ana tomorrow at 3pm");
  expect(exchange.tasks).toHaveLength(1);

  const card = page.getByTestId("created-task");
  await expect(card).toContainText("Call Ana");
  await expect(page.getByTestId("thinking-summary").first()).toContainText(
    "thinking step",
  );

  const task = page
    .getByRole("complementary", { name: "Tasks and notes" })
    .getByTestId("task-item")
    .filter({ hasText: "Call Ana" });
  await expect(task).toBeVisible();
  const badge = task.locator("[data-tone]");
  await expect(badge).toHaveText(/Due Tomorrow, 3:00 PM/);
  await expect(badge).toHaveAttribute(
    "title",
    `due ${tomorrowInLisbon()} at 3:00 PM`,
  );
  await expectAccessible(page);
  await screenshot(page, "chat-with-task");

  // A reloaded conversation keeps each reply's thinking steps, folded away.
  await page.reload();
  const steps = page
    .getByTestId("assistant-message")
    .getByRole("button", { name: /\d+ thinking steps?/ });
  await expect(steps).toHaveAttribute("aria-expanded", "false");
  await steps.click();
  await expect(page.getByTestId("thinking-step").first()).toBeVisible();

  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByTestId("count-open_tasks")).toContainText("1");
  await expect(page.getByTestId("panel-next-7-days")).toContainText("Call Ana");

  await page.getByRole("link", { name: "Chat" }).click();
  await task.getByRole("checkbox", { name: /Complete “Call Ana”/ }).click();
  await expect(task).toHaveCount(0);

  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByTestId("count-done_tasks")).toContainText("1");
  await expect(page.getByTestId("count-open_tasks")).toContainText("0");
  await expect(page.getByTestId("panel-next-7-days")).not.toContainText(
    "Call Ana",
  );
  await expectAccessible(page);
  await screenshot(page, "dashboard");
});

function isReplyEvent(frame: string | Buffer): boolean {
  const event = JSON.parse(String(frame));
  return event.type === "message.created" && event.data.role === "assistant";
}

test("the assistant's steps show live while it works, then the reply takes over", async ({
  page,
}) => {
  // The built-in engine takes milliseconds: hold its reply back (the HTTP
  // response and the socket's event) to watch the steps come in.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let holding = false;
  await page.routeWebSocket("**/api/ws", (socket) => {
    const server = socket.connectToServer();
    server.onMessage(async (frame) => {
      if (holding && isReplyEvent(frame)) await held;
      socket.send(frame);
    });
  });
  await signUp(page);
  await send(page, "hello there");
  holding = true;
  await page.route("**/api/conversations/*/message", async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });

  const sent = send(page, "remind me to call Ana tomorrow at 3pm");
  const pending = page.getByTestId("pending-reply");
  const toggle = pending.getByRole("button");
  await expect(pending.getByTestId("thinking-step").first()).toBeVisible();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await screenshot(page, "chat-thinking-live");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(pending.getByTestId("thinking-step")).toHaveCount(0);

  release();
  await sent;
  await expect(pending).toHaveCount(0);
  await expect(page.getByTestId("created-task")).toContainText("Call Ana");
});

test("a brain dump creates its note and its tasks", async ({ page }) => {
  await signUp(page);

  const exchange = await send(
    page,
    [
      "Brain dump before the week starts:",
      "- call the plumber about the kitchen tap",
      "- buy milk and eggs",
      "- email Marta about the budget",
      "The quarterly numbers looked better than expected.",
    ].join("\n"),
  );

  expect(exchange.notes.length).toBe(1);
  expect(exchange.tasks.length).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId("created-note")).toHaveCount(1);
  await expect(page.getByTestId("created-task")).toHaveCount(
    exchange.tasks.length,
  );

  const sidebar = page.getByRole("complementary", { name: "Tasks and notes" });
  for (const task of exchange.tasks)
    await expect(sidebar.getByText(task.title)).toBeVisible();

  await page.getByTestId("created-note").click();
  await expect(sidebar.getByRole("tab", { name: "Notes" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await expect(sidebar.getByTestId("note-item")).toContainText(
    exchange.notes[0].title,
  );
  await expectAccessible(page);
  await screenshot(page, "brain-dump");
});

test("Enter sends, Shift+Enter breaks the line, Ctrl+K finds things", async ({
  page,
}) => {
  await signUp(page);
  const composer = page.getByRole("textbox", { name: "Message" });

  await composer.fill("first line");
  await composer.press("Shift+Enter");
  await composer.pressSequentially("second line");
  await expect(composer).toHaveValue("first line\nsecond line");

  await send(page, "remind me to renew the passport next monday");
  await page.keyboard.press("Control+k");
  const search = page.getByRole("combobox", { name: /Search/ });
  await search.fill("passport");
  await expect(page.getByRole("option").first()).toContainText("passport");
  await expectAccessible(page);
  await screenshot(page, "search");
  await search.press("Enter");
  await expect(
    page.getByTestId("task-item").filter({ hasText: /passport/i }),
  ).toHaveClass(/ring-teal/);
});

test("the composer keeps the text while the server is unreachable", async ({
  page,
}) => {
  await signUp(page);
  await send(page, "hello there");
  await page.route("**/api/conversations/*/message", (route) => route.abort());

  const composer = page.getByRole("textbox", { name: "Message" });
  await composer.fill("remind me to water the plants tonight");
  await composer.press("Enter");

  await expect(page.getByText(/Not sent/)).toBeVisible();
  await expect(composer).toHaveValue("remind me to water the plants tonight");
  await screenshot(page, "send-failed");

  await page.unroute("**/api/conversations/*/message");
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("created-task")).toContainText(/water/i);
  await expect(composer).toHaveValue("");
});
