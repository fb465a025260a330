import { CopyLinkButton } from "@/components/article/copy-link-button.client";

/** Share links as plain URLs: no third-party script, no tracking before a reader clicks. */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const targets = [
    { name: "Email", href: `mailto:?subject=${t}&body=${u}` },
    { name: "X", href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { name: "WhatsApp", href: `https://wa.me/?text=${t}%20${u}` },
  ];
  return (
    <nav aria-label="Share this story" className="print:hidden">
      <ul className="flex flex-wrap items-center gap-2">
        {targets.map((target) => (
          <li key={target.name}>
            <a
              href={target.href}
              rel="noopener noreferrer"
              target={target.name === "Email" ? undefined : "_blank"}
              className="inline-flex min-h-11 items-center rounded-full border border-rule px-4 text-sm font-semibold text-ink no-underline hover:border-accent"
            >
              {target.name}
              {target.name === "Email" ? null : <span className="sr-only"> (opens in a new tab)</span>}
            </a>
          </li>
        ))}
        <li className="needs-script">
          <CopyLinkButton url={url} title={title} />
        </li>
      </ul>
    </nav>
  );
}
