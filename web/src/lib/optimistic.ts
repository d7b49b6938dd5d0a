import type { QueryClient, QueryKey } from "@tanstack/react-query";

type Snapshot = [QueryKey, unknown][];

type Page<T> = { items: T[] };

/** Applies `change` to every cached list under `key` at once (a ticked box
 * stays ticked) and returns what was there before, for `rollback`. A fetch in
 * flight is cancelled, which restores its old data, so the change is applied
 * again on top. `change` must be idempotent. */
export async function changeLists<T>(
  client: QueryClient,
  key: QueryKey,
  change: (items: T[]) => T[],
): Promise<Snapshot> {
  const before = client.getQueriesData({ queryKey: key });
  const apply = () =>
    client.setQueriesData<Page<T>>({ queryKey: key }, (page) =>
      page?.items ? { ...page, items: change(page.items) } : page,
    );
  apply();
  if (client.isFetching({ queryKey: key }) > 0) {
    await client.cancelQueries({ queryKey: key });
    apply();
  }
  return before;
}

export function rollback(client: QueryClient, snapshot: Snapshot | undefined) {
  for (const [key, data] of snapshot ?? []) client.setQueryData(key, data);
}
