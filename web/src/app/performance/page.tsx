import type { Metadata } from "next";

import { AppShell } from "@/components/app-shell";
import { PerformanceScreen } from "@/components/performance-screen";

export const metadata: Metadata = { title: "Performance · Note-Taker" };

export default function PerformancePage() {
  return (
    <AppShell>
      <PerformanceScreen />
    </AppShell>
  );
}
