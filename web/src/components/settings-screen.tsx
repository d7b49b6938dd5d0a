"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useOptimistic, useTransition } from "react";

import { EngineSection } from "@/components/engine-section";
import { useMe } from "@/hooks/use-me";
import { useToast } from "@/hooks/use-toast";
import { api, unwrap, type Schemas, type User } from "@/lib/api/client";
import { localeFor } from "@/lib/dates";
import { meQueries } from "@/lib/queries/me-queries";

type UserPatch = Schemas["UserUpdate"];

function useUpdateMe() {
  const client = useQueryClient();
  const toast = useToast();
  const mutation = useMutation({
    mutationFn: (patch: UserPatch) =>
      unwrap(api.PATCH("/api/auth/me", { body: patch })),
    onMutate: async (patch) => {
      // Applied before and after cancelling a fetch in flight (which restores
      // the old user), so the control never flips back while saving.
      const before = client.getQueryData<User>(meQueries.key);
      const apply = () =>
        before &&
        client.setQueryData(meQueries.key, { ...before, ...patch } as User);
      apply();
      await client.cancelQueries({ queryKey: meQueries.key });
      apply();
      return before;
    },
    onError: (error, patch, before) => {
      client.setQueryData(meQueries.key, before);
      toast.show({
        message: `Couldn't save the setting: ${error.message}`,
        retry: () => mutation.mutate(patch),
      });
    },
    onSuccess: (user) => client.setQueryData(meQueries.key, user),
  });
  return mutation;
}

function timezones(current: string): string[] {
  const all = Intl.supportedValuesOf?.("timeZone") ?? [];
  return all.includes(current) ? all : [current, ...all];
}

export function SettingsScreen() {
  const { data: user } = useMe();
  const update = useUpdateMe();
  const zones = useMemo(() => timezones(user?.timezone ?? "UTC"), [user]);
  // Controls follow the choice at once; the saved user catches up.
  const [, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(user);
  const save = (patch: UserPatch) =>
    startTransition(async () => {
      if (user) setShown({ ...user, ...patch } as User);
      await update.mutateAsync(patch).catch(() => {});
    });
  if (!user || !shown) return null;
  const example = new Intl.DateTimeFormat(localeFor("MDY"), {
    dateStyle: "short",
  });
  const exampleDmy = new Intl.DateTimeFormat(localeFor("DMY"), {
    dateStyle: "short",
  });
  const sample = new Date(2026, 2, 4);

  return (
    <div className="min-h-0 flex-1 overflow-y-auto bg-stone-50 dark:bg-stone-950">
      <div className="mx-auto max-w-2xl space-y-6 p-6">
        <h1 className="text-lg font-semibold text-stone-900 dark:text-stone-50">
          Settings
        </h1>
        <section className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-stone-700 dark:text-stone-200">
              Timezone
            </span>
            <select
              value={shown.timezone}
              onChange={(event) => save({ timezone: event.target.value })}
              className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-700 dark:bg-stone-950"
            >
              {zones.map((zone) => (
                <option key={zone}>{zone}</option>
              ))}
            </select>
            <span className="text-xs text-stone-500 dark:text-stone-400">
              “Tomorrow at 3pm” means 3pm here; due badges show this zone.
            </span>
          </label>
          <fieldset className="space-y-1 text-sm">
            <legend className="font-medium text-stone-700 dark:text-stone-200">
              Date format
            </legend>
            {(["MDY", "DMY"] as const).map((order) => (
              <label key={order} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="date-order"
                  checked={shown.date_order === order}
                  onChange={() => save({ date_order: order })}
                  className="accent-teal-700"
                />
                {order === "MDY"
                  ? `Month first (${example.format(sample)})`
                  : `Day first (${exampleDmy.format(sample)})`}
              </label>
            ))}
          </fieldset>
        </section>
        <EngineSection />
      </div>
    </div>
  );
}
