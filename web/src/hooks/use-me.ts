import { useQuery } from "@tanstack/react-query";

import type { User } from "@/lib/api/client";
import type { ZoneOptions } from "@/lib/dates";
import { meQueries } from "@/lib/queries/me-queries";

export function useMe() {
  return useQuery(meQueries.current());
}

/** The signed-in user's timezone and date order (UTC/MDY until known). */
export function zoneOf(user: User | undefined): ZoneOptions {
  return {
    timeZone: user?.timezone ?? "UTC",
    dateOrder: user?.date_order === "DMY" ? "DMY" : "MDY",
  };
}

export function useZone(): ZoneOptions {
  const { data } = useMe();
  return zoneOf(data);
}
