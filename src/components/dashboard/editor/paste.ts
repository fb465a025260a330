/**
 * Pasted HTML, before the editor reads it. The body has no tables, so a table pasted from a
 * spreadsheet or a document ran its cells together into one paragraph ("Ward 1Labour1,204").
 * Each row becomes a paragraph of its cells' text, separated by " | ", so nothing pasted is
 * lost or glued together; the writer can then shape it.
 */
export function tablesAsParagraphs(html: string): string {
  if (!/<table[\s>]/i.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, "text/html");
  // Innermost first: a table inside a cell becomes that cell's text.
  for (const table of [...doc.querySelectorAll("table")].reverse()) {
    const rows = [...table.querySelectorAll("tr")]
      .map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent?.replace(/\s+/g, " ").trim() ?? "").filter(Boolean).join(" | "))
      .filter(Boolean);
    table.replaceWith(
      ...rows.map((text) => {
        const paragraph = doc.createElement("p");
        paragraph.textContent = text;
        return paragraph;
      }),
    );
  }
  return doc.body.innerHTML;
}
