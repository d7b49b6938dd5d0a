"use client";

import { createContext, useCallback, useMemo, useState } from "react";

export type ToastInput = {
  message: string;
  /** Toasts with the same key replace each other instead of piling up. */
  key?: string;
  retry?: () => void;
};

type Toast = ToastInput & { id: number };

export type ToastApi = {
  show: (toast: ToastInput) => void;
  dismiss: (id: number) => void;
};

export const ToastContext = createContext<ToastApi | null>(null);

const VISIBLE_MS = 8000;
let nextId = 1;

export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);

  const dismiss = useCallback((id: number) => {
    setToasts((all) => all.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback(
    (input: ToastInput) => {
      const toast = { ...input, id: nextId++ };
      setToasts((all) => [
        ...all.filter((t) => !input.key || t.key !== input.key).slice(-2),
        toast,
      ]);
      window.setTimeout(() => dismiss(toast.id), VISIBLE_MS);
    },
    [dismiss],
  );

  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);

  return (
    <ToastContext value={api}>
      {children}
      <div
        role="status"
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-24 z-50 flex flex-col items-center gap-2 px-4"
      >
        {toasts.map((toast) => (
          <ToastCard key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext>
  );
}

function ToastCard({
  toast,
  onDismiss,
}: {
  toast: Toast;
  onDismiss: (id: number) => void;
}) {
  return (
    <div className="pointer-events-auto flex max-w-md items-center gap-3 rounded-lg bg-stone-900 px-4 py-3 text-sm text-stone-50 shadow-lg dark:bg-stone-100 dark:text-stone-900">
      <span className="flex-1">{toast.message}</span>
      {toast.retry && (
        <button
          type="button"
          className="font-semibold text-teal-300 hover:underline dark:text-teal-800"
          onClick={() => {
            onDismiss(toast.id);
            toast.retry?.();
          }}
        >
          Retry
        </button>
      )}
      <button
        type="button"
        aria-label="Dismiss"
        className="text-stone-400 hover:text-stone-200 dark:hover:text-stone-700"
        onClick={() => onDismiss(toast.id)}
      >
        ×
      </button>
    </div>
  );
}
