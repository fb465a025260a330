/**
 * What the XSS spec runs inside the browser: a look at a document (the live page, or HTML / XML
 * text parsed with DOMParser, which runs nothing) for markup that came from a payload.
 *
 * A payload marker is a long run of digits unique to this run, field and payload. Markers may
 * legitimately show up as text and in attributes that hold text (alt, title, value, aria-*, meta
 * content…), or in the URLs of links and images (slugs are made from names). Anywhere else — an
 * event-handler attribute, a javascript:/data: URL, a style attribute, the inside of a <script>
 * or <style>, an SVG or MathML element, a comment — means the payload was parsed as markup.
 *
 * `inspectMarkup` is handed to page.evaluate(), which sends its source text to the browser: it must
 * not use anything from outside its own body.
 */

export interface InspectArgs {
  /** Source of a RegExp that matches this run's markers. */
  marker: string;
  /** Parse this text instead of looking at the live document. */
  source?: { text: string; type: "text/html" | "application/xml" };
  /** XML only: the local names of the elements the format has; anything else got in unescaped. */
  xmlElements?: string[];
  /** XML only: qualified names of elements whose text is HTML (RSS content:encoded, Atom content). */
  htmlIn?: string[];
}

export interface InspectResult {
  /** Payload markup found where it must not be, described. */
  findings: string[];
  /** Markers seen as text or in attributes that hold text: proof that the values were there. */
  seen: string[];
  /** The text of every JSON-LD block. */
  jsonLd: string[];
  /** The href attribute of every link. */
  hrefs: string[];
  /** Every <meta> with a name or property: [key, content]. */
  meta: [string, string][];
  /** Tag names of the elements directly in <head>. */
  headTags: string[];
  title: string;
}

export function inspectMarkup(args: InspectArgs): InspectResult {
  const HTML_NS = "http://www.w3.org/1999/xhtml";
  const markerTest = new RegExp(args.marker);
  const markerAll = new RegExp(args.marker, "g");
  const findings: string[] = [];
  const seen = new Set<string>();
  const jsonLd: string[] = [];
  const hrefs: string[] = [];

  // Attributes whose value is a URL that a browser loads, navigates to or runs.
  const URL_ATTRIBUTES = new Set(["href", "src", "srcset", "action", "formaction", "data", "poster", "background", "codebase", "cite", "ping", "lowsrc", "dynsrc", "longdesc", "manifest", "icon", "imagesrcset", "xlink:href", "xml:base", "to", "from", "values", "by"]);
  // Attributes that hold text a person reads (or an id): a marker there is just text.
  const TEXT_ATTRIBUTES = new Set(["alt", "title", "placeholder", "label", "id", "for", "headers", "name", "datetime", "download", "list", "form"]);
  const VALUE_ELEMENTS = new Set(["input", "textarea", "select", "option", "button", "li", "data", "meter", "progress"]);
  // Elements whose content is not shown as text: a marker inside was parsed as code or markup.
  const RAW_TEXT = new Set(["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]);
  // Elements this site never renders.
  const NEVER = new Set(["base", "embed", "object", "applet", "frame", "frameset", "portal", "isindex", "keygen"]);
  // What a browser ignores at the start of a URL before reading its scheme.
  const URL_NOISE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
  const DANGEROUS_SCHEME = /^(?:javascript|vbscript|livescript|data):/;

  const short = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}...` : text);
  const describe = (el: Element) =>
    short(`<${el.nodeName.toLowerCase()}${Array.from(el.attributes).map((a) => ` ${a.name}="${a.value}"`).join("")}>`);
  const note = (text: string) => {
    for (const found of text.match(markerAll) ?? []) seen.add(found);
  };

  /** Next.js inlines its RSC payload as self.__next_f.push([...JSON...]): text stays in JSON strings. */
  function isFlightData(text: string): boolean {
    const statements = text.trim().split(/;(?=self\.__next_f\.push\()/);
    return statements.every((statement) => {
      const match = /^(?:\(self\.__next_f=self\.__next_f\|\|\[\]\)|self\.__next_f)\.push\(([\s\S]*)\);?$/.exec(statement.trim());
      if (!match) return false;
      try {
        return Array.isArray(JSON.parse(match[1]!));
      } catch {
        return false;
      }
    });
  }

  /** A link or image URL is fine when the element is one that shows URLs (not a frame, a script…). */
  function urlHolder(el: Element, name: string): boolean {
    const tag = el.localName;
    if (tag === "a" || tag === "area") return name === "href";
    if (tag === "img" || tag === "source") return name === "src" || name === "srcset";
    if (tag === "link") {
      const rel = (el.getAttribute("rel") ?? "").toLowerCase();
      return /^(alternate|canonical|preload)$/.test(rel) && (name === "href" || name === "imagesrcset");
    }
    return false;
  }

  function inertAttribute(el: Element, name: string): boolean {
    if (name.startsWith("aria-") || name.startsWith("data-") || TEXT_ATTRIBUTES.has(name)) return true;
    if (name === "value") return VALUE_ELEMENTS.has(el.localName);
    if (name === "content") {
      return el.localName === "meta" && !el.hasAttribute("http-equiv") && (el.hasAttribute("name") || el.hasAttribute("property") || el.hasAttribute("itemprop"));
    }
    return URL_ATTRIBUTES.has(name) && urlHolder(el, name);
  }

  function inspectAttributes(el: Element): void {
    const inHtml = el.namespaceURI === HTML_NS;
    const attributes = Array.from(el.attributes);
    // A handler need not hold the marker itself (onerror=eval(src) with the marker in alt): an
    // element that carries a payload marker anywhere may have no handler at all.
    if (attributes.some((a) => markerTest.test(a.value))) {
      for (const a of attributes) if (a.name.toLowerCase().startsWith("on") && !markerTest.test(a.value)) findings.push(`event-handler attribute ${a.name}: ${describe(el)}`);
    }
    for (const attribute of attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value;
      const marked = markerTest.test(value);
      if (!marked) continue;
      if (name.startsWith("on")) {
        findings.push(`event-handler attribute ${name}: ${describe(el)}`);
      } else if ((URL_ATTRIBUTES.has(name) || name.endsWith(":href")) && DANGEROUS_SCHEME.test(value.replace(URL_NOISE, "").toLowerCase())) {
        findings.push(`script URL in ${name}: ${describe(el)}`);
      } else if (!inHtml) {
        findings.push(`payload parsed as ${el.namespaceURI ?? "foreign"} markup: ${describe(el)}`);
      } else if (!inertAttribute(el, name)) {
        findings.push(`payload in the ${name} attribute: ${describe(el)}`);
      } else if (!URL_ATTRIBUTES.has(name) && !["id", "for", "headers", "list", "form", "name"].includes(name)) {
        note(value);
      }
    }
  }

  function inspectElement(el: Element): void {
    const inHtml = el.namespaceURI === HTML_NS;
    const tag = el.localName;
    if (inHtml && NEVER.has(tag)) findings.push(`a <${tag}> element: ${describe(el)}`);
    if (inHtml && tag === "meta" && /refresh/i.test(el.getAttribute("http-equiv") ?? "")) findings.push(`a meta refresh: ${describe(el)}`);
    inspectAttributes(el);
    if (inHtml && tag === "a") hrefs.push(el.getAttribute("href") ?? "");
    // Live form controls hold what React put in them as a property, not always as an attribute.
    if (inHtml && (tag === "input" || tag === "textarea")) note((el as HTMLInputElement).value ?? "");
    if (!inHtml || !RAW_TEXT.has(tag)) return;
    const text = el.textContent ?? "";
    if (tag === "script" && (el.getAttribute("type") ?? "").toLowerCase() === "application/ld+json") {
      jsonLd.push(text);
      // The HTML parser ends a script at "</script" whatever JSON string it sits in, and "<!--"
      // changes how it looks for the end: neither may appear in the element's text.
      if (/<\/script|<!--/i.test(text)) findings.push(`JSON-LD text holds "</script" or "<!--": ${short(text)}`);
      try {
        JSON.parse(text);
      } catch {
        findings.push(`JSON-LD does not parse: ${short(text)}`);
      }
      return;
    }
    if (markerTest.test(text) && !(tag === "script" && !el.hasAttribute("src") && isFlightData(text))) {
      findings.push(`payload inside <${tag}>: ${short(text)}`);
    }
  }

  /** Text, comments and CDATA: a marker in a comment or in SVG/MathML text means markup got parsed. */
  function inspectNodes(root: Node): void {
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT | NodeFilter.SHOW_CDATA_SECTION);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue ?? "";
      if (!markerTest.test(text)) continue;
      const parent = node.parentElement;
      if (node.nodeType === Node.COMMENT_NODE) {
        findings.push(`payload inside an HTML comment: ${short(text)}`);
      } else if (parent && parent.namespaceURI === HTML_NS && RAW_TEXT.has(parent.localName)) {
        // Judged with its element above.
      } else if (parent && parent.closest("svg, math")) {
        findings.push(`payload text inside <${parent.closest("svg, math")!.localName}>: ${short(text)}`);
      } else {
        note(text);
      }
    }
  }

  function inspectHtml(doc: Document): void {
    for (const el of Array.from(doc.querySelectorAll("*"))) inspectElement(el);
    inspectNodes(doc);
  }

  /** An XML feed or sitemap: well-formed, only its own elements, HTML parts inspected as HTML. */
  function inspectXml(text: string): void {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.getElementsByTagName("parsererror").length) {
      findings.push(`not well-formed XML: ${short(doc.getElementsByTagName("parsererror")[0]!.textContent ?? "")}`);
      return;
    }
    const allowed = new Set(args.xmlElements ?? []);
    const htmlIn = new Set(args.htmlIn ?? []);
    for (const el of Array.from(doc.getElementsByTagName("*"))) {
      if (!allowed.has(el.localName)) findings.push(`unexpected element in XML: ${describe(el)}`);
      for (const attribute of Array.from(el.attributes)) {
        if (attribute.name.toLowerCase().startsWith("on")) findings.push(`event-handler attribute in XML: ${describe(el)}`);
        else if (markerTest.test(attribute.value) && DANGEROUS_SCHEME.test(attribute.value.replace(URL_NOISE, "").toLowerCase())) {
          findings.push(`script URL in XML: ${describe(el)}`);
        } else note(attribute.value);
      }
      if (el.children.length > 0) continue;
      if (htmlIn.has(el.nodeName)) inspectHtml(new DOMParser().parseFromString(el.textContent ?? "", "text/html"));
      else note(el.textContent ?? "");
    }
  }

  let doc: Document | null = null;
  if (!args.source) doc = document;
  else if (args.source.type === "text/html") doc = new DOMParser().parseFromString(args.source.text, "text/html");
  else inspectXml(args.source.text);
  if (doc) inspectHtml(doc);

  const meta: [string, string][] = doc
    ? Array.from(doc.querySelectorAll("meta[name], meta[property]")).map((m) => [m.getAttribute("property") ?? m.getAttribute("name") ?? "", m.getAttribute("content") ?? ""])
    : [];
  return {
    findings,
    seen: [...seen],
    jsonLd,
    hrefs,
    meta,
    headTags: doc ? Array.from(doc.head.children).map((el) => el.localName) : [],
    title: doc?.title ?? "",
  };
}
