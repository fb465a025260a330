import { NotFoundContent } from "@/components/site/not-found-content";

// Inside the site layout: header, navigation and footer come from (site)/layout.tsx.
export default function SiteNotFound() {
  return <NotFoundContent />;
}
