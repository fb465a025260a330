import { ResponsiveImage } from "@/components/ui/responsive-image";
import { Fragment, type ReactNode } from "react";
import { isSafeHref, type ArticleBody, type BodyBlock, type InlineNode, type Mark } from "@/lib/article-body";

/**
 * Renders a validated ProseMirror body to React elements on the server. Text is always a React
 * text child (escaped); links are checked again here, so an unsafe href renders as plain text.
 */

function applyMark(mark: Mark, child: ReactNode, key: number): ReactNode {
  switch (mark.type) {
    case "bold":
      return <strong key={key}>{child}</strong>;
    case "italic":
      return <em key={key}>{child}</em>;
    case "link": {
      const href = mark.attrs.href.trim();
      if (!isSafeHref(href)) return child;
      const external = /^https?:/i.test(href);
      return (
        <a key={key} href={href} {...(external ? { rel: "noopener noreferrer" } : {})}>
          {child}
        </a>
      );
    }
  }
}

function renderInline(nodes: InlineNode[] | undefined): ReactNode[] {
  return (nodes ?? []).map((node, i) => {
    if (node.type === "hardBreak") return <br key={i} />;
    // Links outermost, then bold/italic, whatever order the editor stored them in.
    const marks = [...(node.marks ?? [])].sort(
      (a, b) => Number(a.type === "link") - Number(b.type === "link"),
    );
    return (
      <Fragment key={i}>
        {marks.reduce<ReactNode>((child, mark, j) => applyMark(mark, child, j), node.text)}
      </Fragment>
    );
  });
}

function renderBlock(block: BodyBlock, key: number): ReactNode {
  switch (block.type) {
    case "paragraph":
      return block.content?.length ? <p key={key}>{renderInline(block.content)}</p> : null;
    case "heading":
      return block.attrs.level === 2 ? (
        <h2 key={key}>{renderInline(block.content)}</h2>
      ) : (
        <h3 key={key}>{renderInline(block.content)}</h3>
      );
    case "blockquote":
      return (
        <blockquote key={key}>
          {block.content.map((p, i) => (
            <p key={i}>{renderInline(p.content)}</p>
          ))}
        </blockquote>
      );
    case "pullQuote":
      return (
        <figure key={key} className="pull-quote not-prose my-8 border-y-4 border-accent py-5">
          <blockquote className="font-serif text-2xl leading-snug font-semibold text-ink sm:text-3xl">
            <p>{renderInline(block.content)}</p>
          </blockquote>
          {block.attrs?.attribution ? (
            <figcaption className="mt-3 text-sm font-semibold text-muted">
              {block.attrs.attribution}
            </figcaption>
          ) : null}
        </figure>
      );
    case "bulletList":
    case "orderedList": {
      const items = block.content.map((item, i) => (
        <li key={i}>
          {item.content.map((p, j) => (
            <p key={j}>{renderInline(p.content)}</p>
          ))}
        </li>
      ));
      return block.type === "bulletList" ? (
        <ul key={key}>{items}</ul>
      ) : (
        <ol key={key} start={block.attrs?.start ?? 1}>
          {items}
        </ol>
      );
    }
    case "image": {
      const { src, alt, caption, credit, width, height } = block.attrs;
      return (
        <figure key={key}>
          <ResponsiveImage
            src={src}
            alt={alt}
            width={width}
            height={height}
            sizes="(min-width: 768px) 680px, 100vw"
            className="h-auto w-full"
          />
          {caption || credit ? (
            <figcaption>
              {caption}
              {credit ? <span className="ml-1 text-muted">{credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      );
    }
    case "horizontalRule":
      return <hr key={key} />;
  }
}

export function ArticleBodyView({ body }: { body: ArticleBody }) {
  return (
    <div className="prose prose-lg max-w-none font-serif text-ink dark:prose-invert prose-headings:font-sans prose-a:text-accent-ink prose-figcaption:font-sans">
      {body.content.map(renderBlock)}
    </div>
  );
}
