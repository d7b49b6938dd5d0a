import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";

import type { Message, Task } from "@/lib/api/client";

import { applyLiveEvent, insertMessage } from "./live-events";
import { taskQueries } from "./queries/task-queries";

function message(id: number): Message {
  return {
    id,
    conversation_id: 7,
    role: "user",
    content: `message ${id}`,
    intent: null,
    status: "ok",
    latency_ms: null,
    provider: null,
    model: null,
    created_at: "2026-12-01T10:00:00Z",
  };
}

describe("insertMessage", () => {
  const data = {
    pages: [
      { items: [message(5), message(4)], next_cursor: 4 },
      { items: [message(3)], next_cursor: null },
    ],
    pageParams: [undefined, 4],
  };

  it("puts a new message first, newest first", () => {
    const next = insertMessage(data, message(6));
    expect(next?.pages[0]?.items.map((m) => m.id)).toEqual([6, 5, 4]);
    expect(next?.pages[1]).toBe(data.pages[1]);
  });

  it("ignores a message it already has, from any page", () => {
    expect(insertMessage(data, message(3))).toBe(data);
  });

  it("leaves an unloaded conversation alone", () => {
    expect(insertMessage(undefined, message(1))).toBeUndefined();
  });
});

type Page = { items: Task[]; total: number; limit: number; offset: number };

function page(items: Task[]): Page {
  return { items, total: items.length, limit: 200, offset: 0 };
}

/** A cache with one list on screen (observed, fetched from `server`) and an
 * older search nobody is watching. */
function cacheWithLists(items: Task[]) {
  const client = new QueryClient();
  const server = { items };
  const shown = taskQueries.list({}).queryKey;
  const hidden = taskQueries.list({ q: "old search" }).queryKey;
  for (const key of [shown, hidden]) client.setQueryData(key, page(items));
  new QueryObserver(client, {
    queryKey: shown,
    queryFn: async () => page(server.items),
    staleTime: Infinity,
  }).subscribe(() => {});
  return { client, server, shown, hidden };
}

describe("applyLiveEvent", () => {
  const before = { id: 1, title: "Old", status: "todo" } as Task;

  it("patches an updated task in the list on screen at once", () => {
    const { client, shown } = cacheWithLists([before]);

    void applyLiveEvent(client, {
      type: "task.updated",
      data: { ...before, title: "New", status: "done" },
    });

    expect(client.getQueryData<Page>(shown)?.items[0]).toMatchObject({
      title: "New",
      status: "done",
    });
  });

  it("drops a deleted task and forgets lists nobody is watching", async () => {
    const kept = { id: 2, title: "Kept" } as Task;
    const { client, server, shown, hidden } = cacheWithLists([before, kept]);
    server.items = [kept];

    await applyLiveEvent(client, { type: "task.deleted", data: { id: 1 } });

    expect(client.getQueryData<Page>(shown)?.items).toEqual([kept]);
    expect(client.getQueryData(hidden)).toBeUndefined();
  });

  it("refetches a first load that was in flight when the change landed", async () => {
    const client = new QueryClient();
    const key = taskQueries.list({}).queryKey;
    const created = { id: 3, title: "New" } as Task;
    let answerStale: (stale: Page) => void = () => {};
    const answers = [
      new Promise<Page>((resolve) => (answerStale = resolve)),
      Promise.resolve(page([created])),
    ];
    new QueryObserver(client, {
      queryKey: key,
      queryFn: () => answers.shift()!,
    }).subscribe(() => {});

    const applied = applyLiveEvent(client, {
      type: "task.created",
      data: created,
    });
    answerStale(page([]));
    await applied;

    expect(client.getQueryData<Page>(key)?.items).toEqual([created]);
  });
});
