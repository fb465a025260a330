import SiteLayout from "@/app/(site)/layout";
import { NotFoundContent } from "@/components/site/not-found-content";

// URLs no route matches: the same page, wrapped in the site's chrome here.
export default function NotFound() {
  return (
    <SiteLayout>
      <NotFoundContent />
    </SiteLayout>
  );
}
