"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
} from "react";

import { EmptyState, Skeleton } from "@/components/empty-state";
import { MessageRow, UserBubble } from "@/components/message-row";
import { PendingReply, type Pending } from "@/components/pending-reply";
import { useCreatedIndex } from "@/hooks/use-created-index";
import type { Message } from "@/lib/api/client";
import { messageQueries } from "@/lib/queries/message-queries";

type Row =
  | { key: string; message: Message; createdFor: number | null }
  | { key: "pending"; pending: Pending; showText: boolean };

// Start fetching the older page this far before the top is reached.
const PREFETCH_PX = 600;
const STICKY_PX = 80;

function chronological(pages: { items: Message[] }[] | undefined): Message[] {
  return (pages ?? []).flatMap((page) => page.items).reverse();
}

/** The rows to show: each message, then the message on its way (its text
 * until the stored copy arrives) until its reply is in the list. */
export function buildRows(messages: Message[], pending: Pending | null): Row[] {
  const rows: Row[] = messages.map((message, index) => {
    const previous = messages[index - 1];
    const createdFor =
      message.role === "assistant" && previous?.role === "user"
        ? previous.id
        : null;
    return { key: `m${message.id}`, message, createdFor };
  });
  if (!pending) return rows;
  const sent = messages.findIndex(
    (m) =>
      m.role === "user" &&
      m.id > pending.afterId &&
      m.content === pending.content,
  );
  const answered =
    sent >= 0 && messages.slice(sent + 1).some((m) => m.role === "assistant");
  if (!answered) rows.push({ key: "pending", pending, showText: sent < 0 });
  return rows;
}

export function MessageList({
  conversationId,
  pending,
}: {
  conversationId: number;
  pending: Pending | null;
}) {
  const query = useInfiniteQuery(messageQueries.infinite(conversationId));
  const created = useCreatedIndex();
  const messages = useMemo(
    () => chronological(query.data?.pages),
    [query.data],
  );
  const rows = useMemo(() => buildRows(messages, pending), [messages, pending]);
  const scroller = useRef<HTMLDivElement>(null);

  // The virtualizer mutates itself between renders, so the React Compiler
  // must not memoise around it (the app does not use the compiler).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLLIElement>({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 72,
    overscan: 6,
    getItemKey: (index) => rows[index]?.key ?? index,
  });

  // Keep the newest message in view as messages arrive (unless the reader
  // scrolled up), and keep the reader's place when older pages are prepended.
  const previous = useRef({ first: "", last: "", size: 0 });
  const atBottom = useRef(true);
  useLayoutEffect(() => {
    const element = scroller.current;
    const first = rows[0]?.key ?? "";
    const last = rows[rows.length - 1]?.key ?? "";
    const size = virtualizer.getTotalSize();
    const before = previous.current;
    previous.current = { first, last, size };
    if (!element || rows.length === 0) return;

    if (before.first && first !== before.first && last === before.last) {
      element.scrollTo({ top: element.scrollTop + size - before.size });
      return;
    }
    const follow = !before.last || last === "pending" || atBottom.current;
    if (last !== before.last && follow)
      virtualizer.scrollToIndex(rows.length - 1, { align: "end" });
  }, [rows, virtualizer]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const onScroll = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const fromBottom =
      element.scrollHeight - element.scrollTop - element.clientHeight;
    atBottom.current = fromBottom < STICKY_PX;
    if (element.scrollTop > PREFETCH_PX) return;
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Also after rows change: a short first page, or a page fetch cancelled by
  // a live message, must not leave older messages unloaded at the top.
  useEffect(() => {
    const element = scroller.current;
    if (!element || element.scrollTop > PREFETCH_PX) return;
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (query.isPending) return <Skeleton rows={5} />;
  if (query.isError && !query.data)
    return <EmptyState title="Messages could not be loaded." />;
  if (rows.length === 0)
    return (
      <EmptyState
        title="Nothing here yet."
        hint="Write a note, a task, a brain dump, or ask about your week."
      />
    );

  return (
    <div
      ref={scroller}
      onScroll={onScroll}
      data-testid="message-scroller"
      className="relative min-h-0 flex-1 overflow-y-auto overscroll-contain"
      style={{ overflowAnchor: "none" }}
    >
      {isFetchingNextPage && (
        <p className="sticky top-0 z-10 py-1 text-center text-xs text-stone-500">
          Loading older messages…
        </p>
      )}
      <ol
        aria-label="Messages"
        data-count={rows.length}
        className="relative mx-auto w-full max-w-3xl"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="absolute inset-x-0 px-4 py-2"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {"message" in row ? (
                <MessageRow
                  message={row.message}
                  created={
                    row.createdFor ? created.get(row.createdFor) : undefined
                  }
                />
              ) : (
                <PendingRow
                  pending={row.pending}
                  showText={row.showText}
                  conversationId={conversationId}
                />
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function PendingRow({
  pending,
  showText,
  conversationId,
}: {
  pending: Pending;
  showText: boolean;
  conversationId: number;
}) {
  return (
    <div className="space-y-3">
      {showText && <UserBubble content={pending.content} />}
      <PendingReply pending={pending} conversationId={conversationId} />
    </div>
  );
}
