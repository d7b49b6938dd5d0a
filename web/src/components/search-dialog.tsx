"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";

import { conversationQueries } from "@/lib/queries/conversation-queries";
import { noteQueries } from "@/lib/queries/note-queries";
import { taskQueries } from "@/lib/queries/task-queries";

type Hit = {
  kind: "task" | "note" | "conversation";
  id: number;
  title: string;
};

const KIND_LABELS = { task: "Task", note: "Note", conversation: "Chat" };
const MAX_HITS = 8;

function hrefFor(hit: Hit): string {
  if (hit.kind === "conversation") return `/?c=${hit.id}`;
  return `/?${hit.kind}=${hit.id}`;
}

function useHits(text: string): Hit[] {
  const q = text.trim();
  const enabled = q.length > 0;
  const tasks = useQuery({ ...taskQueries.list({ q }), enabled });
  const notes = useQuery({ ...noteQueries.list({ q }), enabled });
  const conversations = useQuery(conversationQueries.list());
  return useMemo(() => {
    if (!enabled) return [];
    const lower = q.toLowerCase();
    const chats = (conversations.data?.items ?? [])
      .filter((c) => c.title.toLowerCase().includes(lower))
      .map((c) => ({
        kind: "conversation" as const,
        id: c.id,
        title: c.title,
      }));
    return [
      ...(tasks.data?.items ?? []).map((t) => ({
        kind: "task" as const,
        id: t.id,
        title: t.title,
      })),
      ...(notes.data?.items ?? []).map((n) => ({
        kind: "note" as const,
        id: n.id,
        title: n.title,
      })),
      ...chats,
    ].slice(0, MAX_HITS * 3);
  }, [enabled, q, tasks.data, notes.data, conversations.data]);
}

/** Ctrl/Cmd+K: find a task, note or conversation and jump to it. */
export function SearchDialog({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const deferred = useDeferredValue(text);
  const hits = useHits(deferred);
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const open = (hit: Hit | undefined) => {
    if (!hit) return;
    onClose();
    router.push(hrefFor(hit));
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "ArrowDown")
      setActive((i) => Math.min(i + 1, hits.length - 1));
    else if (event.key === "ArrowUp") setActive((i) => Math.max(i - 1, 0));
    else if (event.key === "Enter") open(hits[active]);
    else return;
    event.preventDefault();
  };

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      onClick={(event) => event.target === dialog.current && onClose()}
      aria-label="Search"
      className="mx-auto mt-[12vh] w-full max-w-xl rounded-xl bg-white p-0 shadow-2xl backdrop:bg-stone-900/40 dark:bg-stone-900 dark:text-stone-100"
    >
      <div className="border-b border-stone-200 p-3 dark:border-stone-700">
        <input
          autoFocus
          type="search"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="search-results"
          aria-activedescendant={hits[active] ? `hit-${active}` : undefined}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          placeholder="Search tasks, notes and conversations"
          aria-label="Search tasks, notes and conversations"
          className="w-full bg-transparent px-1 py-1 text-base outline-none"
        />
      </div>
      <ul
        id="search-results"
        role="listbox"
        className="max-h-80 overflow-y-auto p-1"
      >
        {hits.map((hit, index) => (
          <li
            key={`${hit.kind}-${hit.id}`}
            id={`hit-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseEnter={() => setActive(index)}
            onClick={() => open(hit)}
            className={`flex cursor-pointer items-center gap-3 rounded-md px-3 py-2 text-sm ${index === active ? "bg-teal-50 dark:bg-teal-950" : ""}`}
          >
            <span className="w-10 text-xs text-stone-500 dark:text-stone-400">
              {KIND_LABELS[hit.kind]}
            </span>
            <span className="truncate">{hit.title}</span>
          </li>
        ))}
        {deferred.trim() && hits.length === 0 && (
          <li className="px-3 py-6 text-center text-sm text-stone-500">
            Nothing matches “{deferred.trim()}”.
          </li>
        )}
      </ul>
    </dialog>
  );
}
