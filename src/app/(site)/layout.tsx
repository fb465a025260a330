import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { getSections, getSiteSettings } from "@/server/data/articles";

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const [settings, sections] = await Promise.all([getSiteSettings(), getSections()]);
  return (
    <>
      <SiteHeader settings={settings} sections={sections} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 outline-none sm:py-8">
        {children}
      </main>
      <SiteFooter settings={settings} sections={sections} />
    </>
  );
}
