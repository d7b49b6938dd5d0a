"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";

import { SearchDialog } from "@/components/search-dialog";
import { useHotkey } from "@/hooks/use-hotkey";
import { useLiveSocket, type LiveStatus } from "@/hooks/use-live-socket";
import { useMe } from "@/hooks/use-me";
import { api, ApiError } from "@/lib/api/client";
import { adminQueries } from "@/lib/queries/admin-queries";

const LINKS = [
  { href: "/", label: "Chat" },
  { href: "/dashboard", label: "Dashboard" },
  { href: "/settings", label: "Settings" },
];
// Shown to operators only (see /api/admin/access).
const PERFORMANCE_LINK = { href: "/performance", label: "Performance" };

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  offline: "Offline — reconnecting",
};

/** The signed-in frame: navigation, search, the live socket. Sends anyone
 * signed out to the sign-in page. */
export function AppShell({ children }: { children: React.ReactNode }) {
  const me = useMe();
  const router = useRouter();
  const signedOut = me.error instanceof ApiError && me.error.status === 401;
  const live = useLiveSocket(Boolean(me.data));
  const [searching, setSearching] = useState(false);
  const openSearch = useCallback(() => setSearching(true), []);
  useHotkey("k", openSearch);

  useEffect(() => {
    if (signedOut) router.replace("/sign-in");
  }, [signedOut, router]);

  // Pages render while the user loads, so their data is fetched alongside
  // it; anything shown in the user's timezone waits for it (see DueBadge).
  if (signedOut) return null;
  if (me.isError && !me.data) {
    return (
      <div className="flex h-dvh flex-col items-center justify-center gap-2 text-sm text-stone-600 dark:text-stone-300">
        <p>Can&apos;t reach the server.</p>
        <button
          type="button"
          onClick={() => void me.refetch()}
          className="rounded-md border border-stone-300 px-3 py-1 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          Retry
        </button>
      </div>
    );
  }

  return (
    <>
      <div className="flex h-dvh flex-col">
        <Header
          status={live.status}
          onSearch={openSearch}
          email={me.data?.email ?? ""}
        />
        <main className="flex min-h-0 flex-1 flex-col">{children}</main>
      </div>
      {searching && <SearchDialog onClose={() => setSearching(false)} />}
    </>
  );
}

function Header({
  status,
  onSearch,
  email,
}: {
  status: LiveStatus;
  onSearch: () => void;
  email: string;
}) {
  const pathname = usePathname();
  const signOut = useSignOut();
  const access = useQuery({
    ...adminQueries.access(),
    enabled: Boolean(email),
  }).data;
  const links = access?.performance ? [...LINKS, PERFORMANCE_LINK] : LINKS;
  return (
    <header className="flex h-12 shrink-0 items-center gap-2 border-b border-stone-200 bg-white px-4 dark:border-stone-800 dark:bg-stone-950">
      <span className="hidden text-sm font-semibold text-stone-900 sm:inline dark:text-stone-50">
        Note-Taker
      </span>
      <nav aria-label="Main" className="flex gap-1">
        {links.map((link) => (
          <Link
            key={link.href}
            href={link.href}
            aria-current={pathname === link.href ? "page" : undefined}
            className={`rounded-md px-2.5 py-1 text-sm ${pathname === link.href ? "bg-stone-100 font-medium text-stone-900 dark:bg-stone-800 dark:text-stone-50" : "text-stone-600 hover:text-stone-900 dark:text-stone-400 dark:hover:text-stone-100"}`}
          >
            {link.label}
          </Link>
        ))}
      </nav>
      <button
        type="button"
        onClick={onSearch}
        aria-keyshortcuts="Control+K Meta+K"
        className="ml-auto flex items-center gap-6 rounded-md border border-stone-200 px-2.5 py-1 text-sm text-stone-500 hover:border-stone-300 dark:border-stone-700 dark:text-stone-400"
      >
        Search
        <kbd className="hidden font-sans text-xs sm:inline">Ctrl K</kbd>
      </button>
      <span
        role="status"
        data-testid="live-status"
        data-status={status}
        title={STATUS_TEXT[status]}
        className="flex items-center gap-1.5 text-xs text-stone-500 dark:text-stone-400"
      >
        <span
          aria-hidden
          className={`size-2 rounded-full ${status === "live" ? "bg-teal-500" : status === "offline" ? "bg-red-500" : "bg-amber-400"}`}
        />
        <span className="sr-only sm:not-sr-only">{STATUS_TEXT[status]}</span>
      </span>
      <button
        type="button"
        onClick={() => signOut.mutate()}
        title={email}
        className="text-sm whitespace-nowrap text-stone-600 hover:text-stone-900 dark:text-stone-400 dark:hover:text-stone-100"
      >
        Sign out
      </button>
    </header>
  );
}

function useSignOut() {
  const client = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: () => api.POST("/api/auth/logout"),
    onSettled: () => {
      client.clear();
      router.replace("/sign-in");
    },
  });
}
