import { Suspense } from "react";

import { AppShell } from "@/components/app-shell";
import { ChatScreen } from "@/components/chat-screen";

export default function ChatPage() {
  return (
    <AppShell>
      <Suspense>
        <ChatScreen />
      </Suspense>
    </AppShell>
  );
}
