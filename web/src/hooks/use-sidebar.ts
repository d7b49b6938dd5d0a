import { createContext, useContext } from "react";

export type SidebarTab = "tasks" | "notes";
export type ItemRef = { kind: "task" | "note"; id: number };

export type SidebarState = {
  tab: SidebarTab;
  setTab: (tab: SidebarTab) => void;
  focused: ItemRef | null;
  /** Opens the item's tab and scrolls it into view, highlighted. */
  focus: (item: ItemRef) => void;
};

export const SidebarContext = createContext<SidebarState | null>(null);

export function useSidebar(): SidebarState | null {
  return useContext(SidebarContext);
}
