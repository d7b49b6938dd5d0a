"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

import { applyLiveEvent, type LiveEvent } from "@/lib/live-events";
import { liveThinkingQuery } from "@/lib/live-thinking";
import { meQueries } from "@/lib/queries/me-queries";

export type LiveStatus = "connecting" | "live" | "offline";

const UNAUTHENTICATED = 4401;
const MAX_BACKOFF_MS = 10_000;

function socketUrl(): string {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${window.location.host}/api/ws`;
}

/** One socket per tab while signed in; reconnects with backoff and, after a
 * gap, refetches everything since events may have been missed. */
export function useLiveSocket(enabled: boolean) {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    if (!enabled) return;
    let socket: WebSocket | null = null;
    let attempt = 0;
    let timer: number | undefined;
    let stopped = false;

    const connect = () => {
      socket = new WebSocket(socketUrl());
      socket.onmessage = (message) => {
        const event = JSON.parse(String(message.data)) as LiveEvent;
        if (event.type === "session.ready") {
          // Refetch what may have changed while away; the live steps of a
          // reply under way exist only in the cache, and a refetch would wipe them.
          if (attempt > 0)
            void client.invalidateQueries({
              predicate: (query) =>
                query.queryKey[0] !== liveThinkingQuery.queryKey[0],
            });
          attempt = 0;
          setStatus("live");
        }
        void applyLiveEvent(client, event);
      };
      socket.onclose = (closed) => {
        if (stopped) return;
        setStatus("offline");
        if (closed.code === UNAUTHENTICATED) {
          void client.invalidateQueries({ queryKey: meQueries.key });
          return;
        }
        const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt);
        attempt += 1;
        timer = window.setTimeout(connect, delay);
      };
    };

    connect();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      socket?.close();
    };
  }, [client, enabled]);

  return { status };
}
