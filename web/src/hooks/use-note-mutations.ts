import { useMutation, useQueryClient } from "@tanstack/react-query";

import { useToast } from "@/hooks/use-toast";
import { api, unwrap, type Schemas, type Note } from "@/lib/api/client";
import { changeLists, rollback } from "@/lib/optimistic";
import { dashboardQueries } from "@/lib/queries/dashboard-queries";
import { noteQueries } from "@/lib/queries/note-queries";

export type NotePatch = Schemas["NoteUpdate"];

type Variables = { id: number; patch: NotePatch };

function applyPatch(note: Note, patch: NotePatch): Note {
  return { ...note, ...(patch as Partial<Note>) };
}

export function useUpdateNote() {
  const client = useQueryClient();
  const toast = useToast();
  const mutation = useMutation({
    mutationFn: ({ id, patch }: Variables) =>
      unwrap(
        api.PATCH("/api/notes/{note_id}", {
          params: { path: { note_id: id } },
          body: patch,
        }),
      ),
    onMutate: ({ id, patch }) =>
      changeLists<Note>(client, noteQueries.lists(), (items) =>
        items.map((note) => (note.id === id ? applyPatch(note, patch) : note)),
      ),
    onError: (error, variables, snapshot) => {
      rollback(client, snapshot);
      toast.show({
        message: `Couldn't save the note: ${error.message}`,
        retry: () => mutation.mutate(variables),
      });
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: noteQueries.lists() });
      void client.invalidateQueries({ queryKey: dashboardQueries.all });
    },
  });
  return mutation;
}

export function useDeleteNote() {
  const client = useQueryClient();
  const toast = useToast();
  const mutation = useMutation({
    mutationFn: (id: number) =>
      unwrap(
        api.DELETE("/api/notes/{note_id}", {
          params: { path: { note_id: id } },
        }),
      ),
    onMutate: (id) =>
      changeLists<Note>(client, noteQueries.lists(), (items) =>
        items.filter((note) => note.id !== id),
      ),
    onError: (error, id, snapshot) => {
      rollback(client, snapshot);
      toast.show({
        message: `Couldn't delete the note: ${error.message}`,
        retry: () => mutation.mutate(id),
      });
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: noteQueries.lists() });
      void client.invalidateQueries({ queryKey: dashboardQueries.all });
    },
  });
  return mutation;
}
