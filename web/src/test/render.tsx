import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";

import { ToastProvider } from "@/components/toasts";
import type { User } from "@/lib/api/client";
import { meQueries } from "@/lib/queries/me-queries";

export const USER: User = {
  id: 1,
  email: "ana@example.com",
  display_name: "Ana",
  timezone: "Europe/Lisbon",
  date_order: "MDY",
  created_at: "2026-01-01T00:00:00Z",
};

/** Renders with a fresh query cache that already knows the signed-in user. */
export function renderWithClient(ui: React.ReactElement) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  client.setQueryData(meQueries.key, USER);
  const view = render(
    <ToastProvider>
      <QueryClientProvider client={client}>{ui}</QueryClientProvider>
    </ToastProvider>,
  );
  return { client, ...view };
}
