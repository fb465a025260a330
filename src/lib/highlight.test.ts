import { describe, expect, it } from "vitest";
import { HIGHLIGHT_START as S, HIGHLIGHT_STOP as E, markCuts, parseHighlight } from "@/lib/highlight";

describe("parseHighlight", () => {
  it("splits marked text into plain and highlighted segments", () => {
    expect(parseHighlight(`The ${S}bypass${E} was approved after a ${S}council${E} vote`)).toEqual([
      { text: "The ", highlight: false },
      { text: "bypass", highlight: true },
      { text: " was approved after a ", highlight: false },
      { text: "council", highlight: true },
      { text: " vote", highlight: false },
    ]);
  });

  it("returns one plain segment without markers, and nothing for empty text", () => {
    expect(parseHighlight("no match here")).toEqual([{ text: "no match here", highlight: false }]);
    expect(parseHighlight("")).toEqual([]);
    expect(parseHighlight("  \n ")).toEqual([]);
  });

  it("handles highlights at the start and the end, and adjacent highlights", () => {
    expect(parseHighlight(`${S}Rovers${E}${S}win${E} again ${S}today${E}`)).toEqual([
      { text: "Roverswin", highlight: true },
      { text: " again ", highlight: false },
      { text: "today", highlight: true },
    ]);
  });

  it("collapses whitespace and trims the ends", () => {
    expect(parseHighlight(`  first paragraph.\n\n${S}second${E}\tparagraph … third  `)).toEqual([
      { text: "first paragraph. ", highlight: false },
      { text: "second", highlight: true },
      { text: " paragraph … third", highlight: false },
    ]);
  });

  it("tolerates unbalanced markers without inventing text or highlights", () => {
    expect(parseHighlight(`a ${E}b`)).toEqual([{ text: "a b", highlight: false }]);
    expect(parseHighlight(`a ${S}b ${S}c${E} d`)).toEqual([
      { text: "a ", highlight: false },
      { text: "b c", highlight: true },
      { text: " d", highlight: false },
    ]);
    expect(parseHighlight(`a ${S}b`)).toEqual([
      { text: "a ", highlight: false },
      { text: "b", highlight: true },
    ]);
    expect(parseHighlight(`${S}${E}`)).toEqual([]);
  });

  it("keeps markup as text", () => {
    expect(parseHighlight(`<script>alert(1)</script> ${S}<b>${E}`)).toEqual([
      { text: "<script>alert(1)</script> ", highlight: false },
      { text: "<b>", highlight: true },
    ]);
  });

  it("keeps characters outside the basic plane whole", () => {
    expect(parseHighlight(`🎉 ${S}party${E} 🎉`)).toEqual([
      { text: "🎉 ", highlight: false },
      { text: "party", highlight: true },
      { text: " 🎉", highlight: false },
    ]);
  });
});

describe("markCuts", () => {
  const source = "Councillors voted 27 to 19 for the road. It will take traffic off Market Street. The marshes lose an edge.";
  const head = source, tail = source;
  it("marks a snippet cut out of the middle at both ends", () => {
    expect(markCuts(parseHighlight(`will take ${S}traffic${E} off Market`), head, tail)).toEqual([
      { text: "… will take ", highlight: false },
      { text: "traffic", highlight: true },
      { text: " off Market …", highlight: false },
    ]);
  });

  it("leaves an end that is the source's own, and adds a segment beside a highlight", () => {
    expect(markCuts(parseHighlight(`${S}Councillors${E} voted 27`), head, tail)).toEqual([
      { text: "Councillors", highlight: true },
      { text: " voted 27 …", highlight: false },
    ]);
    expect(markCuts(parseHighlight(`lose an ${S}edge.${E}`), head, tail)).toEqual([
      { text: "… lose an ", highlight: false },
      { text: "edge.", highlight: true },
    ]);
    expect(markCuts(parseHighlight(`${S}Market${E}`), head, tail)).toEqual([
      { text: "… ", highlight: false },
      { text: "Market", highlight: true },
      { text: " …", highlight: false },
    ]);
    expect(markCuts(parseHighlight(source), head, tail)).toEqual([{ text: source, highlight: false }]);
    // ts_headline leaves out the full stop after the text's last word: it comes back.
    expect(markCuts(parseHighlight(`Market Street. The marshes lose an ${S}edge${E}`), head, tail)).toEqual([
      { text: "… Market Street. The marshes lose an ", highlight: false },
      { text: "edge", highlight: true },
      { text: ".", highlight: false },
    ]);
  });

  it("judges the first and last of several fragments, whitespace aside", () => {
    const marked = markCuts(parseHighlight(`Councillors  voted … Market\nStreet. The ${S}marshes${E} lose an edge.`), head, tail);
    expect(marked.map((s) => s.text).join("")).toBe("Councillors voted … Market Street. The marshes lose an edge.");
    expect(markCuts([], head, tail)).toEqual([]);
  });
});
