"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";

import { Composer } from "@/components/composer";
import { ConversationList } from "@/components/conversation-list";
import { EmptyState } from "@/components/empty-state";
import { MessageList } from "@/components/message-list";
import { UserBubble } from "@/components/message-row";
import { PendingReply, type Pending } from "@/components/pending-reply";
import { Sidebar } from "@/components/sidebar";
import { useDraft } from "@/hooks/use-draft";
import { useSendMessage } from "@/hooks/use-send-message";
import {
  SidebarContext,
  type ItemRef,
  type SidebarTab,
} from "@/hooks/use-sidebar";
import { useToast } from "@/hooks/use-toast";
import type { MessagePage } from "@/lib/api/client";
import { conversationQueries } from "@/lib/queries/conversation-queries";
import { messageQueries } from "@/lib/queries/message-queries";

function useActiveConversation(): number | null {
  const params = useSearchParams();
  const { data } = useQuery(conversationQueries.list());
  const requested = Number(params.get("c"));
  if (requested > 0) return requested;
  if (params.get("new")) return null;
  return data?.items[0]?.id ?? null;
}

function pendingFor(content: string, afterId: number): Pending {
  return { content, since: Date.now(), afterId };
}

function itemFromParams(params: Pick<URLSearchParams, "get">): ItemRef | null {
  const task = Number(params.get("task"));
  const note = Number(params.get("note"));
  if (task > 0) return { kind: "task", id: task };
  if (note > 0) return { kind: "note", id: note };
  return null;
}

/** Which sidebar tab is open and which item is highlighted; a ?task= or
 * ?note= in the address (from search) selects one. */
function useSidebarState() {
  const params = useSearchParams();
  const linked = itemFromParams(params);
  const linkKey = linked ? `${linked.kind}:${linked.id}` : "";
  const [seenLink, setSeenLink] = useState("");
  const [tab, setTab] = useState<SidebarTab>("tasks");
  const [focused, setFocused] = useState<ItemRef | null>(null);
  const focus = (item: ItemRef) => {
    setTab(item.kind === "task" ? "tasks" : "notes");
    setFocused(item);
  };
  if (linkKey !== seenLink) {
    setSeenLink(linkKey);
    if (linked) focus(linked);
  }
  return { tab, setTab, focused, focus };
}

type Drawer = "conversations" | "sidebar" | null;

function DrawerButtons({
  drawer,
  onToggle,
}: {
  drawer: Drawer;
  onToggle: (drawer: Drawer) => void;
}) {
  const style =
    "rounded-md border border-stone-200 px-2.5 py-1 text-xs text-stone-600 dark:border-stone-700 dark:text-stone-300";
  return (
    <div className="flex justify-between gap-2 px-4 pt-2 lg:hidden">
      <button
        type="button"
        aria-expanded={drawer === "conversations"}
        onClick={() => onToggle("conversations")}
        className={`${style} md:invisible`}
      >
        Conversations
      </button>
      <button
        type="button"
        aria-expanded={drawer === "sidebar"}
        onClick={() => onToggle("sidebar")}
        className={style}
      >
        Tasks &amp; notes
      </button>
    </div>
  );
}

export function ChatScreen() {
  const activeId = useActiveConversation();
  const sidebar = useSidebarState();
  const router = useRouter();
  const client = useQueryClient();
  const toast = useToast();
  const send = useSendMessage();
  const [draft, setDraft] = useDraft(String(activeId ?? "new"));
  const [pending, setPending] = useState<Pending | null>(null);
  // On narrow screens the side panels open as drawers over the chat.
  const [drawer, setDrawer] = useState<Drawer>(null);
  const toggleDrawer = (next: Drawer) =>
    setDrawer((open) => (open === next ? null : next));

  const lastId = (id: number | null) => {
    if (!id) return 0;
    const data = client.getQueryData<{ pages: MessagePage[] }>(
      messageQueries.infinite(id).queryKey,
    );
    return data?.pages[0]?.items[0]?.id ?? 0;
  };

  const onSend = async (content: string): Promise<boolean> => {
    setPending(pendingFor(content, lastId(activeId)));
    try {
      const sent = await send.mutateAsync({
        conversationId: activeId,
        content,
      });
      if (sent.conversationId !== activeId)
        router.replace(`/?c=${sent.conversationId}`);
      return true;
    } catch (error) {
      toast.show({
        key: "send",
        message: `Not sent: ${(error as Error).message} Your text is kept.`,
        retry: () => {
          void onSend(content).then((ok) => ok && setDraft(""));
        },
      });
      return false;
    } finally {
      setPending(null);
    }
  };

  return (
    <SidebarContext value={sidebar}>
      {drawer && (
        <div
          aria-hidden
          onClick={() => setDrawer(null)}
          className="fixed inset-0 z-30 bg-stone-900/30 lg:hidden"
        />
      )}
      <div className="grid min-h-0 flex-1 grid-cols-1 md:grid-cols-[15rem_1fr] lg:grid-cols-[15rem_1fr_22rem]">
        <div
          className={`${drawer === "conversations" ? "fixed inset-y-0 left-0 z-40 flex w-72 flex-col pt-12 shadow-xl" : "hidden"} min-h-0 md:static md:z-auto md:flex md:w-auto md:flex-col md:pt-0 md:shadow-none`}
        >
          <ConversationList
            activeId={activeId}
            onDeleted={(id) => id === activeId && router.replace("/?new=1")}
          />
        </div>
        <section
          aria-label="Chat"
          className="flex min-h-0 flex-col bg-white dark:bg-stone-950"
        >
          <DrawerButtons drawer={drawer} onToggle={toggleDrawer} />
          {activeId ? (
            <MessageList
              key={activeId}
              conversationId={activeId}
              pending={pending}
            />
          ) : (
            <div className="flex flex-1 items-center justify-center">
              {pending ? (
                <div className="w-full max-w-3xl space-y-3 px-4">
                  <UserBubble content={pending.content} />
                  <PendingReply pending={pending} conversationId={null} />
                </div>
              ) : (
                <EmptyState
                  title="What's on your mind?"
                  hint="Tasks, notes, brain dumps, questions about your week: just write."
                />
              )}
            </div>
          )}
          <Composer
            value={draft}
            onChange={setDraft}
            onSend={onSend}
            busy={pending !== null}
          />
        </section>
        <div
          className={`${drawer === "sidebar" ? "fixed inset-y-0 right-0 z-40 flex w-80 flex-col pt-12 shadow-xl" : "hidden"} min-h-0 lg:static lg:z-auto lg:flex lg:w-auto lg:flex-col lg:pt-0 lg:shadow-none`}
        >
          <Sidebar />
        </div>
      </div>
    </SidebarContext>
  );
}
