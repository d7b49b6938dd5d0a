"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";

import { EmptyState, Skeleton } from "@/components/empty-state";
import {
  useDeleteConversation,
  useRenameConversation,
} from "@/hooks/use-conversation-mutations";
import type { Conversation } from "@/lib/api/client";
import { conversationQueries } from "@/lib/queries/conversation-queries";

export function ConversationList({
  activeId,
  onDeleted,
}: {
  activeId: number | null;
  onDeleted: (id: number) => void;
}) {
  const { data, isPending } = useQuery(conversationQueries.list());

  return (
    <nav
      aria-label="Conversations"
      className="flex min-h-0 flex-1 flex-col border-r border-stone-200 bg-stone-50 dark:border-stone-800 dark:bg-stone-900/40"
    >
      <div className="p-3">
        <Link
          href="/?new=1"
          className="block rounded-lg border border-stone-300 px-3 py-2 text-center text-sm font-medium text-stone-700 hover:bg-white dark:border-stone-700 dark:text-stone-200 dark:hover:bg-stone-800"
        >
          New conversation
        </Link>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-3">
        {isPending ? (
          <Skeleton rows={3} />
        ) : !data?.items.length ? (
          <EmptyState title="No conversations yet." />
        ) : (
          <ul className="space-y-0.5">
            {data.items.map((conversation) => (
              <ConversationItem
                key={conversation.id}
                conversation={conversation}
                active={conversation.id === activeId}
                onDeleted={onDeleted}
              />
            ))}
          </ul>
        )}
      </div>
    </nav>
  );
}

function ConversationItem({
  conversation,
  active,
  onDeleted,
}: {
  conversation: Conversation;
  active: boolean;
  onDeleted: (id: number) => void;
}) {
  const rename = useRenameConversation();
  const remove = useDeleteConversation();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(conversation.title);

  if (editing) {
    return (
      <li>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const trimmed = title.trim();
            if (trimmed && trimmed !== conversation.title)
              rename.mutate({ id: conversation.id, title: trimmed });
            setEditing(false);
          }}
        >
          <input
            autoFocus
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            onBlur={() => setEditing(false)}
            onKeyDown={(event) => event.key === "Escape" && setEditing(false)}
            aria-label="Conversation title"
            className="w-full rounded border border-teal-600 bg-white px-2 py-1.5 text-sm dark:bg-stone-900"
          />
        </form>
      </li>
    );
  }

  return (
    <li
      className={`group flex items-center rounded-md ${active ? "bg-stone-200 dark:bg-stone-800" : "hover:bg-stone-100 dark:hover:bg-stone-800/60"}`}
    >
      <Link
        href={`/?c=${conversation.id}`}
        prefetch={false}
        aria-current={active ? "page" : undefined}
        className="min-w-0 flex-1 truncate px-2 py-1.5 text-sm text-stone-700 dark:text-stone-200"
      >
        {conversation.title}
      </Link>
      <span className="hidden shrink-0 gap-1 pr-1 group-focus-within:flex group-hover:flex">
        <button
          type="button"
          onClick={() => {
            setTitle(conversation.title);
            setEditing(true);
          }}
          aria-label={`Rename “${conversation.title}”`}
          className="rounded px-1 text-xs text-stone-500 hover:text-stone-900 dark:hover:text-stone-100"
        >
          Rename
        </button>
        <button
          type="button"
          onClick={() => {
            if (!window.confirm(`Delete “${conversation.title}”?`)) return;
            remove.mutate(conversation.id);
            onDeleted(conversation.id);
          }}
          aria-label={`Delete “${conversation.title}”`}
          className="rounded px-1 text-xs text-stone-500 hover:text-red-700"
        >
          Delete
        </button>
      </span>
    </li>
  );
}
