/**
 * Word-level differences between two texts (longest common subsequence), for comparing
 * revisions. Texts are split into words and whitespace so that joining the parts gives back
 * the text exactly.
 */
export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

const tokenize = (text: string) => text.match(/\s+|[^\s]+/g) ?? [];

export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  // Trim the common head and tail first: revisions usually differ in a small part.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else if (text) parts.push({ kind, text });
  };
  push("same", a.slice(0, head).join(""));
  if (midA.length * midB.length > 4_000_000) {
    // Too big to align word by word: show it as replaced.
    push("removed", midA.join(""));
    push("added", midB.join(""));
  } else {
    const n = midA.length;
    const m = midB.length;
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push("same", midA[i]!);
        i++;
        j++;
      } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push("removed", midA[i++]!);
      else push("added", midB[j++]!);
    }
    while (i < n) push("removed", midA[i++]!);
    while (j < m) push("added", midB[j++]!);
  }
  push("same", a.slice(a.length - tail).join(""));
  return parts;
}
