"use client";

import { ServerErrorView } from "@/components/site/server-error.client";

// Unexpected failures while rendering a reader page: the site's design, a retry, a way on, and
// the whole page below the header is this message.
export default function SiteError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <ServerErrorView retry={retry} />;
}
