import { describe, expect, it } from "vitest";
import { countryIndex, parseNationalityCell } from "../../../src/import/countries.js";

describe("country names", () => {
  it("resolve English names, official names, aliases, adjectives and codes to ISO alpha-2", () => {
    const cases: [string, string][] = [
      ["Russia", "RU"], ["Russian Federation", "RU"], ["ukrainian", "UA"], ["United Kingdom", "GB"], ["UK", "GB"],
      ["USA", "US"], ["Côte d’Ivoire", "CI"], ["Korea, Republic of", "KR"], ["Syria", "SY"], ["Kosovo", "XK"],
      ["The Netherlands", "NL"], ["Türkiye", "TR"], ["de", "DE"], ["RUS", "RU"],
    ];
    for (const [name, code] of cases) expect(countryIndex().resolve(name), name).toEqual({ kind: "found", code });
  });

  it("know the well-known names the libraries lack (Holland was 'did you mean Poland?'), and Welsh is British", () => {
    const cases: [string, string][] = [
      ["Holland", "NL"], ["England", "GB"], ["Scotland", "GB"], ["Welsh", "GB"], ["Northern Irish", "GB"], ["Burma", "MM"],
      ["Swaziland", "SZ"], ["Macedonia", "MK"], ["DR Congo", "CD"], ["Congo-Brazzaville", "CG"], ["Byelorussia", "BY"],
      ["St Lucia", "LC"], ["St. Kitts and Nevis", "KN"], ["Wallis and Futuna", "WF"],
    ];
    for (const [name, code] of cases) expect(countryIndex().resolve(name), name).toEqual({ kind: "found", code });
  });

  it("never guesses between two countries that share a name", () => {
    expect(countryIndex().resolve("Congo")).toEqual({ kind: "ambiguous", codes: ["CD", "CG"] });
  });

  it("suggest the nearest names for a misspelling", () => {
    const miss = countryIndex().resolve("Rusia");
    expect(miss.kind).toBe("unknown");
    expect(miss.kind === "unknown" && miss.suggestions[0]).toBe("Russia (RU)");
    const partial = countryIndex().resolve("Bosnia");
    expect(partial.kind === "unknown" && partial.suggestions).toContain("Bosnia and Herzegovina (BA)");
  });
});

describe("nationality cells", () => {
  it("hold several nationalities, however they are separated, and keep names with commas or 'and' whole", () => {
    expect(parseNationalityCell("Russia; Germany").codes).toEqual(["RU", "DE"]);
    expect(parseNationalityCell("RU/DE").codes).toEqual(["RU", "DE"]);
    expect(parseNationalityCell("German, Turkish").codes).toEqual(["DE", "TR"]);
    expect(parseNationalityCell("Germany and Turkey").codes).toEqual(["DE", "TR"]);
    expect(parseNationalityCell("Bosnia and Herzegovina").codes).toEqual(["BA"]);
    expect(parseNationalityCell("Korea, Republic of").codes).toEqual(["KR"]);
    expect(parseNationalityCell("UA; Ukraine").codes).toEqual(["UA"]);
  });

  it("name every piece it cannot read, with suggestions", () => {
    const cell = parseNationalityCell("Germny; Congo; Ukraine");
    expect(cell.codes).toEqual(["UA"]);
    expect(cell.problems).toEqual([
      'unknown country "Germny" (did you mean Germany (DE)?)',
      '"Congo" could be Democratic Republic of the Congo (CD) or Republic of the Congo (CG)',
    ]);
  });
});
