import type { InfiniteData, QueryClient } from "@tanstack/react-query";

import type { Message, MessagePage, Note, Task } from "@/lib/api/client";
import { applyThinkingStep, type LiveStep } from "@/lib/live-thinking";
import { conversationQueries } from "@/lib/queries/conversation-queries";
import { dashboardQueries } from "@/lib/queries/dashboard-queries";
import { messageQueries } from "@/lib/queries/message-queries";
import { noteQueries } from "@/lib/queries/note-queries";
import { taskQueries } from "@/lib/queries/task-queries";

/** What /api/ws sends: the server's event envelope around API shapes. */
export type LiveEvent =
  | { type: "session.ready"; data: { user_id: number; engine: string } }
  | { type: "ping"; data: null }
  | { type: "task.created" | "task.updated"; data: Task }
  | { type: "task.deleted"; data: { id: number } }
  | { type: "note.created" | "note.updated"; data: Note }
  | { type: "note.deleted"; data: { id: number } }
  | { type: "message.created"; data: Message }
  | { type: "thinking.step"; data: LiveStep };

type Page<T> = { items: T[]; total: number };

function patchLists<T extends { id: number }>(
  client: QueryClient,
  key: readonly unknown[],
  change: (items: T[]) => T[],
) {
  client.setQueriesData<Page<T>>({ queryKey: key }, (page) =>
    page ? { ...page, items: change(page.items) } : page,
  );
}

function replaceItem<T extends { id: number }>(item: T) {
  return (items: T[]) => items.map((old) => (old.id === item.id ? item : old));
}

function dropItem<T extends { id: number }>(id: number) {
  return (items: T[]) => items.filter((old) => old.id !== id);
}

/** Newest-first pages: a new message goes in front unless already there. */
export function insertMessage(
  data: InfiniteData<MessagePage> | undefined,
  message: Message,
): InfiniteData<MessagePage> | undefined {
  if (!data) return data;
  const known = data.pages.some((page) =>
    page.items.some((item) => item.id === message.id),
  );
  if (known) return data;
  const [first, ...rest] = data.pages;
  if (!first) return data;
  const items = [message, ...first.items].sort((a, b) => b.id - a.id);
  return { ...data, pages: [{ ...first, items }, ...rest] };
}

async function addMessage(client: QueryClient, message: Message) {
  const key = messageQueries.infinite(message.conversation_id).queryKey;
  // A page already on its way may predate the message and would overwrite it.
  await client.cancelQueries({ queryKey: key });
  if (client.getQueryData(key))
    client.setQueryData(key, (data) => insertMessage(data, message));
  else void client.invalidateQueries({ queryKey: key });
}

/** Refetch what is on screen and forget the rest. A fetch that started
 * before the change is cancelled first: a first load still in flight would
 * otherwise satisfy the invalidation with data that predates the change. */
async function refresh(client: QueryClient, key: readonly unknown[]) {
  await client.cancelQueries({ queryKey: key });
  client.removeQueries({ queryKey: key, type: "inactive" });
  await client.invalidateQueries({ queryKey: key });
}

function refreshTasks(client: QueryClient) {
  return Promise.all([
    refresh(client, taskQueries.lists()),
    refresh(client, dashboardQueries.all),
  ]);
}

function refreshNotes(client: QueryClient) {
  return Promise.all([
    refresh(client, noteQueries.lists()),
    refresh(client, dashboardQueries.all),
  ]);
}

/** Bring the cache up to date with one event: patch what is on screen at
 * once, then let the lists refetch (filters decide where items belong). */
export async function applyLiveEvent(
  client: QueryClient,
  event: LiveEvent,
): Promise<void> {
  switch (event.type) {
    case "task.updated":
      patchLists(client, taskQueries.lists(), replaceItem(event.data));
      await refreshTasks(client);
      return;
    case "task.deleted":
      patchLists<Task>(client, taskQueries.lists(), dropItem(event.data.id));
      await refreshTasks(client);
      return;
    case "task.created":
      await refreshTasks(client);
      return;
    case "note.updated":
      patchLists(client, noteQueries.lists(), replaceItem(event.data));
      await refreshNotes(client);
      return;
    case "note.deleted":
      patchLists<Note>(client, noteQueries.lists(), dropItem(event.data.id));
      await refreshNotes(client);
      return;
    case "note.created":
      await refreshNotes(client);
      return;
    case "thinking.step":
      applyThinkingStep(client, event.data);
      return;
    case "message.created":
      await addMessage(client, event.data);
      await client.invalidateQueries({ queryKey: conversationQueries.all });
      return;
    default:
      return;
  }
}
