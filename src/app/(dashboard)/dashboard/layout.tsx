import type { Metadata } from "next";
import { Suspense } from "react";
import { DashboardNav } from "@/components/dashboard/dashboard-nav";
import { FocusKeeper } from "@/components/dashboard/focus-keeper.client";
import { staffOrSignIn } from "@/server/services/staff-page";

export const metadata: Metadata = { title: { default: "Dashboard", template: "%s · Dashboard" }, robots: { index: false, follow: false } };

async function Frame({ children }: { children: React.ReactNode }) {
  // Every page checks for itself; the frame is drawn for the profile page too, where a member
  // whose role requires two-step sign-in sets it up.
  const actor = await staffOrSignIn("/dashboard", { settingUpTwoStep: true });
  return (
    <>
      <DashboardNav actor={actor} />
      <FocusKeeper />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 outline-none">
        {children}
      </main>
    </>
  );
}

export default function DashboardLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-paper focus:px-3 focus:py-2">
        Skip to content
      </a>
      <Suspense fallback={<p className="p-6">Loading…</p>}>
        <Frame>{children}</Frame>
      </Suspense>
    </>
  );
}
