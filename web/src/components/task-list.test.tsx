import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import type { Task } from "@/lib/api/client";
import { json, respond } from "@/test/fetch-mock";
import { renderWithClient } from "@/test/render";

import { filtersFor, TaskList } from "./task-list";

function task(fields: Partial<Task>): Task {
  return {
    id: 1,
    title: "Call Ana",
    description: "",
    status: "todo",
    priority: 4,
    due_at: null,
    due_has_time: true,
    due_local: null,
    timezone: "Europe/Lisbon",
    recurrence: null,
    completed_at: null,
    tags: [],
    category_id: null,
    source_message_id: null,
    created_at: "2026-12-01T10:00:00Z",
    updated_at: "2026-12-01T10:00:00Z",
    ...fields,
  };
}

function page(items: Task[]) {
  return { items, total: items.length, limit: 200, offset: 0 };
}

/** Just enough of the tasks API: lists filtered by status, and PATCH. */
function fakeServer(initial: Task[]) {
  const server = {
    tasks: initial,
    patches: [] as unknown[],
    failing: false,
    handle: async (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname === "/api/categories") return json([]);
      if (request.method === "PATCH") return server.patch(request);
      const statuses = url.searchParams.getAll("status");
      return json(
        page(
          server.tasks.filter(
            (t) => !statuses.length || statuses.includes(t.status),
          ),
        ),
      );
    },
    patch: async (request: Request) => {
      const body = await request.json();
      server.patches.push(body);
      if (server.failing)
        return json(
          { error: { code: "internal_error", message: "Boom." } },
          500,
        );
      server.tasks = server.tasks.map((t) => ({ ...t, ...body }));
      return json(server.tasks[0]);
    },
  };
  return server;
}

describe("filtersFor", () => {
  it("maps each view to the API's filters", () => {
    expect(filtersFor("open", "", null)).toEqual({
      status: ["todo", "in_progress", "blocked"],
    });
    expect(filtersFor("overdue", "", null)).toEqual({ overdue: true });
    expect(filtersFor("done", " ana ", 3)).toEqual({
      status: ["done"],
      q: "ana",
      category_id: 3,
    });
    expect(filtersFor("all", "#work", null)).toEqual({ tag: "work" });
  });
});

describe("TaskList", () => {
  it("lists the open tasks with their tags and an overdue badge", async () => {
    const overdue = task({ id: 2, title: "Pay rent", tags: ["home"] });
    overdue.due_at = "2020-01-01T09:00:00Z";
    const seen: string[] = [];
    respond((request) => {
      seen.push(new URL(request.url).search);
      if (request.url.includes("/api/categories")) return json([]);
      return json(page([task({}), overdue]));
    });

    renderWithClient(<TaskList />);

    const items = await screen.findAllByTestId("task-item");
    expect(items).toHaveLength(2);
    const badge = items[1]!.querySelector("[data-tone]");
    expect(badge?.getAttribute("data-tone")).toBe("overdue");
    expect(within(items[1]!).getByText("#home")).toBeTruthy();
    expect(seen).toContain(
      "?status=todo&status=in_progress&status=blocked&limit=200",
    );
  });

  it("ticks a task done at once, then the open list lets it go", async () => {
    const server = fakeServer([task({})]);
    respond(server.handle);
    renderWithClient(<TaskList />);

    await userEvent.click(
      await screen.findByRole("checkbox", { name: /Complete/ }),
    );

    expect(server.patches).toEqual([{ status: "done" }]);
    await waitFor(() =>
      expect(screen.queryAllByTestId("task-item")).toHaveLength(0),
    );
    await screen.findByText("No tasks here.");
  });

  it("rolls the tick back and offers a retry when saving fails", async () => {
    const server = fakeServer([task({})]);
    server.failing = true;
    respond(server.handle);
    renderWithClient(<TaskList />);
    const box = (await screen.findByRole("checkbox", {
      name: /Complete/,
    })) as HTMLInputElement;

    await userEvent.click(box);

    await screen.findByText(/Couldn't save the task: Boom\./);
    expect(box.checked).toBe(false);
    expect(server.tasks[0]?.status).toBe("todo");

    server.failing = false;
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(server.tasks[0]?.status).toBe("done"));
  });

  it("edits a title inline and saves it on Enter", async () => {
    const server = fakeServer([task({})]);
    respond(server.handle);
    renderWithClient(<TaskList />);

    await userEvent.click(
      await screen.findByRole("button", { name: "Call Ana" }),
    );
    const input = screen.getByRole("textbox", { name: "Task title" });
    await userEvent.clear(input);
    await userEvent.type(input, "Call Ana back{Enter}");

    expect(server.patches).toEqual([
      { title: "Call Ana back", priority: 4, due_at: null, due_has_time: true },
    ]);
    expect(
      await screen.findByRole("button", { name: "Call Ana back" }),
    ).toBeTruthy();
  });
});
