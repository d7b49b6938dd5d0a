"use client";

import { useLayoutEffect, useRef } from "react";

const MAX_HEIGHT_PX = 240;

/** Enter sends, Shift+Enter starts a new line. `onSend` resolves false when
 * the message did not go out; the text then stays (or comes back). */
export function Composer({
  value,
  onChange,
  onSend,
  busy,
}: {
  value: string;
  onChange: (value: string) => void;
  onSend: (text: string) => Promise<boolean>;
  busy: boolean;
}) {
  const input = useRef<HTMLTextAreaElement>(null);

  useLayoutEffect(() => {
    const element = input.current;
    if (!element) return;
    element.style.height = "auto";
    element.style.height = `${Math.min(element.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [value]);

  const submit = async () => {
    const text = value.trim();
    if (!text || busy) return;
    onChange("");
    const sent = await onSend(text);
    if (!sent && !input.current?.value) onChange(text);
    input.current?.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || event.shiftKey) return;
    // An input method is still composing a character: Enter belongs to it.
    if (event.nativeEvent.isComposing) return;
    event.preventDefault();
    void submit();
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      className="mx-auto flex w-full max-w-3xl items-end gap-2 px-4 pt-2 pb-4"
    >
      <textarea
        ref={input}
        autoFocus
        rows={1}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Write a note, a task, or a question…"
        aria-label="Message"
        aria-keyshortcuts="Enter Shift+Enter"
        className="min-h-11 flex-1 resize-none rounded-xl border border-stone-300 bg-white px-3.5 py-2.5 text-sm shadow-sm focus:border-teal-600 focus:ring-2 focus:ring-teal-600/20 focus:outline-none dark:border-stone-700 dark:bg-stone-900"
      />
      <button
        type="submit"
        disabled={busy || !value.trim()}
        className="h-11 rounded-xl bg-teal-700 px-4 text-sm font-medium text-white hover:bg-teal-800 disabled:opacity-40"
      >
        Send
      </button>
    </form>
  );
}
