import { describe, expect, it } from "vitest";
import { parseValidFilters } from "@/lib/zod";
import { articleListQuerySchema, slugify } from "./article";

describe("slugify", () => {
  it("keeps Latin letters and digits, drops accents and apostrophes, joins the rest with single hyphens", () => {
    expect(slugify("Héllo, World!")).toBe("hello-world");
    expect(slugify("Council’s 2027 budget: what's in it")).toBe("councils-2027-budget-whats-in-it");
    expect(slugify("  --Already--slugged--  ")).toBe("already-slugged");
  });

  it("spells out letters that do not decompose, and Greek and Cyrillic, in Latin", () => {
    expect(slugify("Große Straße in Łódź")).toBe("grosse-strasse-in-lodz");
    expect(slugify("Ørsted and Æsop’s œuvre, Þórshöfn")).toBe("orsted-and-aesops-oeuvre-thorshofn");
    expect(slugify("Зеленский встретился с Байденом")).toBe("zelenskiy-vstretilsya-s-baydenom");
    expect(slugify("Щедрий вечір у Києві")).toBe("shchedriy-vechir-u-kiyevi");
    expect(slugify("Εκλογές στην Αθήνα: ψήφισαν 5 εκατομμύρια")).toBe("ekloges-stin-athina-psifisan-5-ekatommyria");
    // Capitals and their accents too.
    expect(slugify("ΣΟΦΊΑ ЁЛКА")).toBe("sofia-elka");
  });

  it("spells Korean in the Revised Romanization, and Arabic, Persian, Urdu and Hebrew by their letters, vowels unwritten", () => {
    expect(slugify("서울 시장 선거")).toBe("seoul-sijang-seongeo");
    expect(slugify("대한민국 국회, 예산안 통과")).toBe("daehanminguk-gukhoe-yesanan-tonggwa");
    expect(slugify("부산 2030")).toBe("busan-2030");
    expect(slugify("مجلس المدينة يوافق على الميزانية")).toBe("mjls-almdyna-ywafq-ala-almyzanya");
    // Vowel signs and hamza marks are not letters of their own; alef with hamza is alef.
    expect(slugify("مَدِينَة أسوان")).toBe("mdyna-aswan");
    expect(slugify("انتخابات پارلمان در تهران")).toBe("antkhabat-parlman-dr-thran");
    expect(slugify("کراچی میں بارش")).toBe("krachy-myn-barsh");
    expect(slugify("ראש העיר בירושלים")).toBe("rash-hayr-byrvshlym");
    // Points do not split a word; the maqaf (a hyphen) does.
    expect(slugify("שָׁלוֹם תל־אביב")).toBe("shlvm-tl-abyb");
  });

  it("cuts at maxLength without leaving a hyphen, and falls back when nothing is left", () => {
    expect(slugify("one two three", 8)).toBe("one-two");
    expect(slugify("日本の選挙")).toBe("article");
    expect(slugify("🔥", 60, "")).toBe("");
  });
});

describe("the newsroom's article list filters, read as far as they are valid", () => {
  it("keeps the valid filters and names the ones left out", () => {
    const { data, ignored } = parseValidFilters(articleListQuerySchema, { status: "bogus", section: "politics", q: "x".repeat(201), sort: "headline" });
    expect(ignored.sort()).toEqual(["q", "status"]);
    expect(data).toEqual({ section: "politics", sort: "headline", order: "desc", page: 1, perPage: 25 });
  });

  it("ignores nothing when everything is valid", () => {
    expect(parseValidFilters(articleListQuerySchema, { status: "DRAFT", page: "2" })).toEqual({ data: expect.objectContaining({ status: "DRAFT", page: 2 }), ignored: [] });
  });
});
