import { createContext, useContext } from "react";

import type { LiveStatus } from "@/hooks/use-live-socket";

export type Live = { status: LiveStatus; engine: string | null };

export const LiveContext = createContext<Live>({
  status: "connecting",
  engine: null,
});

export function useLive(): Live {
  return useContext(LiveContext);
}
