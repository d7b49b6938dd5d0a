import { useMutation, useQueryClient } from "@tanstack/react-query";

import { useToast } from "@/hooks/use-toast";
import { api, unwrap, type Conversation } from "@/lib/api/client";
import { changeLists, rollback } from "@/lib/optimistic";
import { conversationQueries } from "@/lib/queries/conversation-queries";

export function useRenameConversation() {
  const client = useQueryClient();
  const toast = useToast();
  const mutation = useMutation({
    mutationFn: ({ id, title }: { id: number; title: string }) =>
      unwrap(
        api.PATCH("/api/conversations/{conversation_id}", {
          params: { path: { conversation_id: id } },
          body: { title },
        }),
      ),
    onMutate: ({ id, title }) =>
      changeLists<Conversation>(client, conversationQueries.all, (items) =>
        items.map((c) => (c.id === id ? { ...c, title } : c)),
      ),
    onError: (error, variables, snapshot) => {
      rollback(client, snapshot);
      toast.show({
        message: `Couldn't rename: ${error.message}`,
        retry: () => mutation.mutate(variables),
      });
    },
    onSettled: () =>
      client.invalidateQueries({ queryKey: conversationQueries.all }),
  });
  return mutation;
}

export function useDeleteConversation() {
  const client = useQueryClient();
  const toast = useToast();
  const mutation = useMutation({
    mutationFn: (id: number) =>
      unwrap(
        api.DELETE("/api/conversations/{conversation_id}", {
          params: { path: { conversation_id: id } },
        }),
      ),
    onMutate: (id) =>
      changeLists<Conversation>(client, conversationQueries.all, (items) =>
        items.filter((c) => c.id !== id),
      ),
    onError: (error, id, snapshot) => {
      rollback(client, snapshot);
      toast.show({
        message: `Couldn't delete: ${error.message}`,
        retry: () => mutation.mutate(id),
      });
    },
    onSettled: () =>
      client.invalidateQueries({ queryKey: conversationQueries.all }),
  });
  return mutation;
}
