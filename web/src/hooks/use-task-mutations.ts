import { useMutation, useQueryClient } from "@tanstack/react-query";

import { useToast } from "@/hooks/use-toast";
import { api, unwrap, type Schemas, type Task } from "@/lib/api/client";
import { changeLists, rollback } from "@/lib/optimistic";
import { dashboardQueries } from "@/lib/queries/dashboard-queries";
import { taskQueries } from "@/lib/queries/task-queries";

export type TaskPatch = Schemas["TaskUpdate"];

type Variables = { id: number; patch: TaskPatch };

function applyPatch(task: Task, patch: TaskPatch): Task {
  const done = patch.status === "done";
  return {
    ...task,
    ...(patch as Partial<Task>),
    completed_at: done ? new Date().toISOString() : task.completed_at,
  };
}

export function useUpdateTask() {
  const client = useQueryClient();
  const toast = useToast();
  const mutation = useMutation({
    mutationFn: ({ id, patch }: Variables) =>
      unwrap(
        api.PATCH("/api/tasks/{task_id}", {
          params: { path: { task_id: id } },
          body: patch,
        }),
      ),
    onMutate: ({ id, patch }) =>
      changeLists<Task>(client, taskQueries.lists(), (items) =>
        items.map((task) => (task.id === id ? applyPatch(task, patch) : task)),
      ),
    onError: (error, variables, snapshot) => {
      rollback(client, snapshot);
      toast.show({
        message: `Couldn't save the task: ${error.message}`,
        retry: () => mutation.mutate(variables),
      });
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: taskQueries.lists() });
      void client.invalidateQueries({ queryKey: dashboardQueries.all });
    },
  });
  return mutation;
}

export function useDeleteTask() {
  const client = useQueryClient();
  const toast = useToast();
  const mutation = useMutation({
    mutationFn: (id: number) =>
      unwrap(
        api.DELETE("/api/tasks/{task_id}", {
          params: { path: { task_id: id } },
        }),
      ),
    onMutate: (id) =>
      changeLists<Task>(client, taskQueries.lists(), (items) =>
        items.filter((task) => task.id !== id),
      ),
    onError: (error, id, snapshot) => {
      rollback(client, snapshot);
      toast.show({
        message: `Couldn't delete the task: ${error.message}`,
        retry: () => mutation.mutate(id),
      });
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: taskQueries.lists() });
      void client.invalidateQueries({ queryKey: dashboardQueries.all });
    },
  });
  return mutation;
}
