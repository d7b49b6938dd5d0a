"use client";

import {
  MutationCache,
  QueryCache,
  QueryClient,
  QueryClientProvider,
} from "@tanstack/react-query";
import { useState } from "react";

import { ToastProvider } from "@/components/toasts";
import { useToast } from "@/hooks/use-toast";
import { ApiError } from "@/lib/api/client";

function isSignedOut(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

function QueryProvider({ children }: { children: React.ReactNode }) {
  const toast = useToast();
  const [client] = useState(() => {
    const queryClient: QueryClient = new QueryClient({
      defaultOptions: {
        queries: { staleTime: 30_000, retry: 1 },
        mutations: { retry: 0 },
      },
      queryCache: new QueryCache({
        onError: (error, query) => {
          if (isSignedOut(error)) return;
          toast.show({
            key: query.queryHash,
            message: error.message,
            retry: () =>
              void queryClient.refetchQueries({ queryKey: query.queryKey }),
          });
        },
      }),
      // Mutations show their own toast with a retry that resends them.
      mutationCache: new MutationCache(),
    });
    return queryClient;
  });

  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

export function Providers({ children }: { children: React.ReactNode }) {
  return (
    <ToastProvider>
      <QueryProvider>{children}</QueryProvider>
    </ToastProvider>
  );
}
