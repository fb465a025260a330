/**
 * A stored-XSS corpus for the newsroom's fields, written for this project (not fetched).
 *
 * Every payload holds the slot `{M}` where a per-run, per-field, per-payload marker goes (a
 * number, so it fits any quoting context: `alert({M})` becomes `alert(91837461110042)`). If a
 * payload ever runs, it opens a dialog (alert, confirm, prompt; print() is turned into an alert by
 * the spec) whose message names it; if it only lands as markup, the marker shows where.
 *
 * Grouped by technique; each group says what it probes. Control characters other than tab and
 * line feed are left out on purpose: they are not what breaks out of HTML, and PostgreSQL, XML and
 * the media text cleaner each treat them differently, which would blur what a failure means.
 */

/** Where the marker goes in a payload. */
export const MARKER_SLOT = "{M}";

/** A payload with its marker filled in. */
export function withMarker(template: string, marker: string): string {
  return template.replaceAll(MARKER_SLOT, marker);
}

// Event-handler attributes: the commonest way markup becomes script.
const eventHandlers = [
  "<img src=x onerror=alert({M})>",
  '<img src="x" onerror="alert({M})">',
  "<IMG SRC=x OnErRoR=alert({M})>",
  "<img/src/onerror=alert({M})>",
  "<img src=x onerror=alert`{M}`>",
  "<img src=x:alert(alt) onerror=eval(src) alt={M}>",
  '<img src=x onerror="javascript:alert({M})">',
  "<img src=x onerror=confirm({M})>",
  "<img src=x onerror=prompt({M})>",
  "<img src=x onerror=print()//{M}>",
  "<img src=x onerror  =  alert({M})>",
  "<img src=x onerror=alert({M})//",
  "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;&#40;{M}&#41;>",
  "<img src=x onerror=\\u0061lert({M})>",
  "<img src=x onerror=window['al'+'ert']({M})>",
  "<img src=x onerror=top[/al/.source+/ert/.source]({M})>",
  "<img src=x onerror=self[atob('YWxlcnQ=')]({M})>",
  "<img src=x onerror=(alert)({M})>",
  "<img src=x onerror=alert.call(null,{M})>",
  "<img src=x onerror=setTimeout('alert({M})')>",
  "<img src=x onerror=Function('alert({M})')()>",
  '<img """><script>alert({M})</script>">',
  "<img srcset=x onerror=alert({M})>",
  "<picture><source srcset=x><img src=x onerror=alert({M})></picture>",
  "<svg onload=alert({M})>",
  "<svg/onload=alert({M})>",
  "<svg onload=alert&#40;{M}&#41;>",
  "<body onload=alert({M})>",
  "<body onpageshow=alert({M})>",
  "<details open ontoggle=alert({M})>",
  "<details/open/ontoggle=confirm({M})>",
  "<input autofocus onfocus=alert({M})>",
  "<select autofocus onfocus=alert({M})>",
  "<textarea autofocus onfocus=alert({M})>",
  "<keygen autofocus onfocus=alert({M})>",
  "<button autofocus onfocus=alert({M})>x</button>",
  "<div tabindex=1 autofocus onfocus=alert({M})>x</div>",
  "<video><source onerror=alert({M})></video>",
  "<video src=x onerror=alert({M})>",
  "<audio src=x onerror=alert({M})>",
  "<iframe onload=alert({M})>",
  "<object data=x onerror=alert({M})>",
  "<marquee onstart=alert({M})>x</marquee>",
  "<style onload=alert({M})></style>",
  "<link rel=preload as=script href=x onerror=alert({M})>",
  "<script src=x onerror=alert({M})></script>",
  "<input type=image src=x onerror=alert({M})>",
  "<svg><animate onbegin=alert({M}) attributeName=x dur=1s>",
  "<svg><set onbegin=alert({M}) attributeName=x to=1>",
  "<div onmouseover=alert({M})>hover</div>",
  "<isindex type=image src=1 onerror=alert({M})>",
  "<frameset onload=alert({M})>",
];

// Script elements, plain and disguised from naive filters.
const scriptElements = [
  "<script>alert({M})</script>",
  "<SCRIPT>alert({M})</SCRIPT>",
  "<ScRiPt>confirm({M})</sCrIpT>",
  "<script>prompt({M})</script>",
  "<script>print()//{M}</script>",
  "<script src=data:,alert({M})></script>",
  '<script src="data:text/javascript,alert({M})"></script>',
  "<script type=module>alert({M})</script>",
  "<script>/*</script>*/alert({M})</script>",
  "<scr<script>ipt>alert({M})</scr</script>ipt>",
  "<<script>script>alert({M})<</script>/script>",
  "<script\ttype=text/javascript>alert({M})</script>",
  "<script>alert(String.fromCharCode(49)+{M})</script>",
  "<script>window.onerror=alert;throw {M}</script>",
  "<script>[].constructor.constructor('alert({M})')()</script>",
  "<script>setTimeout(alert,0,{M})</script>",
  "<script>alert?.({M})</script>",
];

// javascript: and data: URLs in markup, with case, whitespace and entity-encoded variants.
const scriptUrls = [
  '<a href="javascript:alert({M})">x</a>',
  "<a href=JaVaScRiPt:alert({M})>x</a>",
  '<a href="  javascript:alert({M})">x</a>',
  '<a href="jav&#x09;ascript:alert({M})">x</a>',
  '<a href="jav&#x0A;ascript:alert({M})">x</a>',
  '<a href="jav&#x0D;ascript:alert({M})">x</a>',
  '<a href="&#106;avascript:alert({M})">x</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert({M})">x</a>',
  '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert({M})">x</a>',
  '<a href="javascript&colon;alert({M})">x</a>',
  '<a href="java\tscript:alert({M})">x</a>',
  '<a href="java\nscript:alert({M})">x</a>',
  '<a href="javascript://%0aalert({M})">x</a>',
  '<a href="%6A%61%76%61%73%63%72%69%70%74:alert({M})">x</a>',
  '<a href="vbscript:msgbox({M})">x</a>',
  '<a href="data:text/html,<script>alert({M})</script>">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==#{M}">x</a>',
  '<iframe src="javascript:alert({M})"></iframe>',
  "<iframe src=javascript:alert({M})>",
  '<iframe src="data:text/html,<script>alert({M})</script>"></iframe>',
  '<iframe srcdoc="<script>alert({M})</script>"></iframe>',
  '<iframe srcdoc="&lt;img src=x onerror=alert({M})&gt;"></iframe>',
  '<frame src="javascript:alert({M})">',
  '<embed src="javascript:alert({M})">',
  '<embed src="data:text/html,<script>alert({M})</script>">',
  '<object data="javascript:alert({M})"></object>',
  '<object data="data:text/html,<script>alert({M})</script>"></object>',
  '<form action="javascript:alert({M})"><input type=submit></form>',
  "<form><button formaction=javascript:alert({M})>x</button></form>",
  '<math href="javascript:alert({M})">x</math>',
  '<base href="javascript:alert({M})//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert({M})">',
  '<meta http-equiv="refresh" content="0;url=data:text/html,<script>alert({M})</script>">',
  '<img src="javascript:alert({M})">',
  '<input type="image" src="javascript:alert({M})">',
  "<table background=javascript:alert({M})>",
  '<portal src="javascript:alert({M})"></portal>',
];

// SVG and MathML: foreign content parses differently from HTML, which is where sanitizers slip.
const foreignContent = [
  "<svg><script>alert({M})</script></svg>",
  '<svg><script href="data:,alert({M})"/></svg>',
  '<svg><script xlink:href="data:,alert({M})"></script></svg>',
  '<svg><a xlink:href="javascript:alert({M})"><text y=20>x</text></a></svg>',
  '<svg><a href="javascript:alert({M})"><rect width=100 height=100 /></a></svg>',
  "<svg><foreignObject><img src=x onerror=alert({M})></foreignObject></svg>",
  "<svg><style><img src=x onerror=alert({M})></style></svg>",
  "<svg><animate attributeName=href values=javascript:alert({M}) /><a id=x><text y=20>x</text></a></svg>",
  "<svg><image href=x onerror=alert({M}) /></svg>",
  "<svg><desc><![CDATA[</desc><script>alert({M})</script>]]></svg>",
  "<svg><![CDATA[><img src=x onerror=alert({M})>]]></svg>",
  "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert({M})'/></svg>#x\"/></svg>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert({M})>",
  '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert({M})&gt;">',
  '<math><mi xlink:href="data:x,<script>alert({M})</script>">x</mi></math>',
  '<math><maction actiontype="statusline#" xlink:href="javascript:alert({M})">x</maction></math>',
  "<math><style><img src=x onerror=alert({M})></style></math>",
  "<svg><p><style><img src=x onerror=alert({M})>",
];

// Mutation XSS: markup that is harmless as first parsed but turns into script when serialized and
// parsed again (or parsed with scripting on instead of off).
const mutation = [
  '<noscript><p title="</noscript><img src=x onerror=alert({M})>">',
  "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert({M})>",
  '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=alert({M})>"></style></h1>',
  '<svg></p><style><a id="</style><img src=1 onerror=alert({M})>">',
  '<noembed><img title="</noembed><img src onerror=alert({M})>"></noembed>',
  '<noframes><img title="</noframes><img src onerror=alert({M})>"></noframes>',
  '<iframe><img title="</iframe><img src onerror=alert({M})>"></iframe>',
  '<textarea><img title="</textarea><img src onerror=alert({M})>">',
  '<title><img title="</title><img src onerror=alert({M})>">',
  '<style><img title="</style><img src onerror=alert({M})>">',
  '<xmp><img title="</xmp><img src onerror=alert({M})>">',
  '<a href="</a><img src=x onerror=alert({M})>">x</a>',
  '<table><td><a href="</table><img src=x onerror=alert({M})>"></a></td></table>',
  "<select><template><img src=x onerror=alert({M})></template></select>",
  "<!--><img src=x onerror=alert({M})>-->",
  "<!-- --!><img src=x onerror=alert({M})> -->",
  '<? foo="><img src=x onerror=alert({M})>">',
  "<listing>&lt;img src=x onerror=alert({M})&gt;</listing>",
  "<plaintext><img src=x onerror=alert({M})>",
];

// Polyglots: one string meant to break out of many contexts at once.
const polyglots = [
  // 0xsobky's polyglot.
  "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert({M}) )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert({M})//>\\x3e",
  "'\"><script>alert({M})</script>",
  '"><img src=x onerror=alert({M})>',
  "'><svg/onload=alert({M})>",
  '-->\'"/></sCript><deTailS open x=">" ontoggle=(co\\u006efirm)({M})>',
  'javascript:"/*\'/*`/*--></noscript></title></textarea></style></template></noembed></script><html " onmouseover=/*&lt;svg/*/onload=alert({M})//>',
  "';alert({M});//",
  '";alert({M});//',
  '\\";alert({M});//',
  "'-alert({M})-'",
  '"-alert({M})-"',
  "</textarea><script>alert({M})</script>",
];

// Attribute breakouts: text that lands in an attribute value and tries to close it.
const attributeBreakouts = [
  '" onmouseover="alert({M})',
  "' onmouseover='alert({M})",
  "' autofocus onfocus='alert({M})",
  '" autofocus onfocus="alert({M})',
  '" onfocus=alert({M}) autofocus x="',
  'x" onerror="alert({M})',
  '"/><img src=x onerror=alert({M})>',
  '" style="background:url(javascript:alert({M}))',
  "&quot; onmouseover=&quot;alert({M})",
  "&#34; onmouseover=&#34;alert({M})",
  '\\" onmouseover=\\"alert({M})',
  "` onmouseover=alert({M}) `",
  '"><a href=javascript:alert({M})>x</a>',
];

// Script and raw-text breakouts: text that lands inside <script> (JSON-LD, inline data), <title>,
// <style>, comments or XML (feeds, sitemaps) and tries to end it.
const contextBreakouts = [
  "</script><script>alert({M})</script>",
  "</script><img src=x onerror=alert({M})>",
  "</ScRiPt ><svg onload=alert({M})>",
  "</script\t><script>alert({M})</script>",
  "</script/x><script>alert({M})</script>",
  "\u2028alert({M})\u2029",
  '"}];alert({M});//',
  '"]}</script><script>alert({M})</script>',
  "<!--<script>alert({M})</script>-->",
  "<!--<script>alert({M})",
  "-->alert({M})<!--",
  "]]><script>alert({M})</script>",
  "]]></description><script>alert({M})</script>",
  "]]><![CDATA[<img src=x onerror=alert({M})>",
  "<![CDATA[<script>alert({M})</script>]]>",
  "</title><script>alert({M})</script>",
  "</title><img src=x onerror=alert({M})>",
  "</style><script>alert({M})</script>",
  "</textarea><img src=x onerror=alert({M})>",
  "</noscript><img src=x onerror=alert({M})>",
  "</xmp><script>alert({M})</script>",
  "</a><script>alert({M})</script>",
  "\\x3cscript>alert({M})\\x3c/script>",
  "\\u003cscript\\u003ealert({M})\\u003c/script\\u003e",
  "&lt;script&gt;alert({M})&lt;/script&gt;",
  "&#60;script&#62;alert({M})&#60;/script&#62;",
  "&#x3C;img src=x onerror=alert({M})&#x3E;",
  "%3Cscript%3Ealert({M})%3C/script%3E",
  "%253Cscript%253Ealert({M})%253C%252Fscript%253E",
];

// Template and CSS injection: client-side template engines, and style sheets that load script.
const templatesAndCss = [
  "{{constructor.constructor('alert({M})')()}}",
  "{{$on.constructor('alert({M})')()}}",
  "{{'a'.constructor.prototype.charAt=[].join;$eval('x=alert({M})')}}",
  "${alert({M})}",
  "#{alert({M})}",
  "<%= alert({M}) %>",
  "{{7*7}}[[alert({M})]]",
  "<div v-html=\"'<img src=x onerror=alert({M})>'\"></div>",
  "<style>@import'javascript:alert({M})';</style>",
  '<style>@import url("data:text/css,*{background:url(javascript:alert({M}))}");</style>',
  '<style>body{background:url("javascript:alert({M})")}</style>',
  "<style>*{x:expression(alert({M}))}</style>",
  '<div style="background-image:url(javascript:alert({M}))">x</div>',
  '<div style="width:expression(alert({M}))">x</div>',
  '<link rel=stylesheet href="javascript:alert({M})">',
  '<link rel=stylesheet href="data:text/css,body{background:url(javascript:alert({M}))}">',
  '<link rel=import href="data:text/html,<script>alert({M})</script>">',
];

// Other encodings and markup dialects that some renderer might decode once too often.
const otherEncodings = [
  "[x](javascript:alert({M}))",
  "[x](JaVaScRiPt:alert({M}))",
  '![x](x" onerror="alert({M}))',
  "<javascript:alert({M})>",
  "+ADw-script+AD4-alert({M})+ADw-/script+AD4-",
  "\uFF1Cscript\uFF1Ealert({M})\uFF1C/script\uFF1E",
  "<scr\u200Bipt>alert({M})</scr\u200Bipt>",
  // Text-direction controls: overrides (U+202A-E) are dropped on the way in (src/lib/zod.ts);
  // isolates are kept, and must stay text like the rest.
  "\u2067<img src=x onerror=alert({M})>\u2069",
  '<embed code="javascript:alert({M})">',
  '<applet code="javascript:confirm({M})"></applet>',
  '<object type="text/x-scriptlet" data="javascript:alert({M})"></object>',
  '<a href="javascript:alert({M})" target=_blank rel=opener>x</a>',
];

/** Every payload, grouped as above; at least 150, all distinct (the spec checks). */
export const xssPayloads: readonly string[] = [
  ...eventHandlers,
  ...scriptElements,
  ...scriptUrls,
  ...foreignContent,
  ...mutation,
  ...polyglots,
  ...attributeBreakouts,
  ...contextBreakouts,
  ...templatesAndCss,
  ...otherEncodings,
];

/**
 * URL-ish payloads for link targets (and banner links and image sources):
 *
 * - `refused`: schemes and shapes the article-body rule must refuse on save ("Links allow http(s),
 *   mailto and site-relative URLs only"): javascript:, data:, vbscript: in every disguise, and
 *   addresses that leave the site although they start with a slash.
 * - `allowed`: addresses the rule accepts (http(s), mailto, site-relative, fragment) that still
 *   carry markup or a `javascript:` string; they must be stored and rendered as inert attributes.
 */
export function hostileLinkTargets(marker: string): { refused: string[]; allowed: string[] } {
  const m = (template: string) => withMarker(template, marker);
  return {
    refused: [
      "javascript:alert({M})",
      "JaVaScRiPt:alert({M})",
      " javascript:alert({M})",
      "javascript:alert({M}) ",
      "\u00A0javascript:alert({M})",
      "java\tscript:alert({M})",
      "java\nscript:alert({M})",
      "jav&#x09;ascript:alert({M})",
      "&#106;avascript:alert({M})",
      "&#x6A;avascript:alert({M})",
      "javascript&colon;alert({M})",
      "javascript://%0aalert({M})",
      "javascript:/*--></title></style></textarea></script><svg/onload=alert({M})>",
      "%6Aavascript:alert({M})",
      "java\u00ADscript:alert({M})",
      "vbscript:msgbox({M})",
      "VBScript:msgbox({M})",
      "livescript:alert({M})",
      "data:text/html,<script>alert({M})</script>",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==#{M}",
      "DATA:text/html,<img/src/onerror=alert({M})>",
      "data:image/svg+xml,<svg/onload=alert({M})>",
      "data:application/xhtml+xml,<x:script xmlns:x='http://www.w3.org/1999/xhtml'>alert({M})</x:script>",
      "blob:https://evil.example/{M}",
      "file:///etc/passwd#alert({M})",
      "//evil.example/alert({M})",
      "/\\evil.example/alert({M})",
      "\\\\evil.example/alert({M})",
      "/\t/evil.example/alert({M})",
      'https://evil.example/"><img src=x onerror=alert({M})>',
      "view-source:javascript:alert({M})",
      "jar:https://evil.example/x.jar!/alert({M})",
    ].map(m),
    allowed: [
      'https://example.com/?q="><svg/onload=alert({M})>',
      "https://example.com/#javascript:alert({M})",
      "https://example.com/'onmouseover='alert({M})",
      "http://javascript:alert({M})@example.com/",
      "https://example.com/</script><script>alert({M})</script>",
      'mailto:news@example.com?subject="><img/src/onerror=alert({M})>',
      "/search?q=<script>alert({M})</script>",
      "/javascript:alert({M})",
      '/"onmouseover="alert({M})',
      '#"><img/src/onerror=alert({M})>',
      "#javascript:alert({M})",
    ].map(m),
  };
}

/** Image sources: the body rule takes site paths and https only. */
export function hostileImageSources(marker: string): { refused: string[]; allowed: string[] } {
  const m = (template: string) => withMarker(template, marker);
  return {
    refused: [
      "javascript:alert({M})",
      "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='alert({M})'/>",
      "data:text/html,<script>alert({M})</script>",
      "http://example.com/x.png?alert({M})",
      "//evil.example/x.png?alert({M})",
      "/\\evil.example/x.png?alert({M})",
      'x" onerror="alert({M})',
      'https://example.com/x.png" onerror="alert({M})',
    ].map(m),
    allowed: [
      'https://example.com/x.png?q="><img/src/onerror=alert({M})>',
      '/media/x.png?"onerror="alert({M})',
    ].map(m),
  };
}
