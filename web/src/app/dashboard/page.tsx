import type { Metadata } from "next";

import { AppShell } from "@/components/app-shell";
import { DashboardScreen } from "@/components/dashboard-screen";

export const metadata: Metadata = { title: "Dashboard · Note-Taker" };

export default function DashboardPage() {
  return (
    <AppShell>
      <DashboardScreen />
    </AppShell>
  );
}
