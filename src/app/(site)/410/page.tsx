import type { Metadata } from "next";
import { GoneContent } from "@/components/site/error-content";

// Rendered by the proxy (src/proxy.ts) with status 410 for articles that were withdrawn.
export const metadata: Metadata = { title: "This story is no longer available", robots: { index: false } };

export default function GonePage() {
  return <GoneContent />;
}
