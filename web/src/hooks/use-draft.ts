import { useState } from "react";

const PREFIX = "notetaker.draft.";

function read(key: string): string {
  return window.localStorage.getItem(key) ?? "";
}

/** Composer text that survives a reload or a failed send, per conversation.
 * Only rendered in the browser (behind the signed-in shell), so reading
 * localStorage while rendering is safe. */
export function useDraft(scope: string) {
  const key = PREFIX + scope;
  const [draft, setDraft] = useState(() => ({ key, text: read(key) }));
  if (draft.key !== key) setDraft({ key, text: read(key) });

  const update = (text: string) => {
    setDraft({ key, text });
    if (text) window.localStorage.setItem(key, text);
    else window.localStorage.removeItem(key);
  };

  return [draft.key === key ? draft.text : read(key), update] as const;
}
