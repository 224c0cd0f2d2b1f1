// Writes the fictional registration export that the README's quick start imports:
//   registrations.csv   one row per participant, as a conference registration system exports it
//   panels.csv          one row per panel
//   registration.xlsx   the same two tables as the sheets "Registrations" and "Panels" of one workbook
//   map.yaml            the headers the importer does not know, the convention's name and its policy
// Run `npx tsx scenarios/registration/generate.ts` to rewrite them; the same seed always writes the same tables.
//
// Every name is fictional: a given name and a family name drawn at random from lists of common names of the
// participant's region, some in their own script (Cyrillic, Greek, Hebrew, Arabic, Devanagari, Han, Hangul,
// Armenian, Georgian, Thai), some with apostrophes or a comma (", Jr."). One registration is hostile on purpose:
// its name holds HTML, a spreadsheet formula, a Markdown pipe and a bidirectional override, so every export
// path is exercised against it. The program underneath (who may chair, opt-outs, slots, pins, the policy) is
// `generateProgram` of src/generate with a fixed seed, which is feasible by construction.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { countries } from "countries-list";
import { stringify as stringifyCsv } from "csv-stringify/sync";
import { stringify } from "yaml";
import { generateProgram } from "../../src/generate/generate.js";
import type { ProgramInput } from "../../src/model/schema.js";
import { Random } from "../../src/random.js";

export const SEED = 2027;
export const PARTICIPANTS = 224;
const DIR = import.meta.dirname;

type Region = { given: string[]; family: string[]; native?: [string, string][] };

const REGIONS: Record<string, Region> = {
  anglo: {
    given: ["Emily", "James", "Grace", "Oliver", "Hannah", "Liam", "Chloe", "Noah", "Siobhan", "Patrick", "Megan", "Daniel", "Aisling", "Marcus", "Ruth", "Samuel", "Tessa", "Callum", "Imogen", "Declan"],
    family: ["Walker", "Bennett", "O'Connor", "Hughes", "O'Neill", "Fraser", "Murphy", "Clarke", "Whitfield", "Reid, Jr.", "Thornton", "Ellis", "McAllister", "Pryce", "Hadley", "Okonkwo-Smith", "Garrity", "Lowell", "Ashby", "Quinlan"],
  },
  germanic: { given: ["Lena", "Jonas", "Sophie", "Lukas", "Ingrid", "Henrik", "Anouk", "Daan", "Freya", "Matthias"], family: ["Becker", "Schneider", "van Dijk", "Lindqvist", "Hansen", "Müller", "Janssens", "Virtanen", "Gruber", "de Vries"] },
  romance: { given: ["Chiara", "Luca", "Camille", "Hugo", "Inès", "Matteo", "Lucía", "Tomás", "Beatriz", "João"], family: ["D'Amico", "Rossi", "Dubois", "Lefèvre", "Dell'Acqua", "García", "Fernández", "Silva", "Moreau", "Costa"] },
  latin: { given: ["Valentina", "Mateo", "Camila", "Santiago", "Isabela", "Joaquín", "Renata", "Diego", "Luana", "Sebastián"], family: ["Rodríguez", "Pereira", "González", "Oliveira", "Herrera", "Santos", "Castillo", "Araújo", "Vargas", "Mendoza"] },
  russian: { given: ["Anna", "Dmitri", "Olga", "Sergei", "Irina", "Pavel"], family: ["Smirnova", "Volkov", "Kuznetsova", "Orlov", "Petrova", "Sokolov"], native: [["Ольга", "Смирнова"], ["Дмитрий", "Волков"], ["Ирина", "Орлова"]] },
  ukrainian: { given: ["Olena", "Taras", "Oksana", "Andriy", "Iryna", "Bohdan"], family: ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachuk", "Melnyk", "Kravets"], native: [["Олена", "Коваленко"], ["Тарас", "Мельник"], ["Оксана", "Ткачук"]] },
  central: { given: ["Katarzyna", "Tomasz", "Eszter", "Bence", "Ioana", "Radu", "Petra", "Jakub", "Elena", "Georgi"], family: ["Nowak", "Kowalska", "Horváth", "Nagy", "Popescu", "Ionescu", "Novák", "Dvořák", "Petrova", "Dimitrov"] },
  balkan: { given: ["Milica", "Nikola", "Arta", "Driton", "Jelena", "Besnik"], family: ["Jovanović", "Petrović", "Krasniqi", "Gashi", "Marković", "Berisha"] },
  greek: { given: ["Eleni", "Nikos", "Sofia", "Giorgos"], family: ["Papadopoulou", "Georgiou", "Karamanlis", "Nikolaidis"], native: [["Ελένη", "Παπαδοπούλου"], ["Δημήτρης", "Γεωργίου"]] },
  turkish: { given: ["Zeynep", "Emre", "Elif", "Mehmet", "Ayşe", "Burak"], family: ["Yılmaz", "Demir", "Şahin", "Çelik", "Aydın", "Öztürk"] },
  caucasus: { given: ["Anahit", "Aram", "Leyla", "Rashad", "Nino", "Giorgi", "Aigerim", "Nursultan"], family: ["Sargsyan", "Hakobyan", "Aliyeva", "Mammadov", "Beridze", "Kapanadze", "Abenova", "Seitkali"], native: [["Անի", "Սարգսյան"], ["ნინო", "ბერიძე"]] },
  arabic: { given: ["Layla", "Omar", "Nour", "Karim", "Rania", "Yousef", "Salma", "Tariq"], family: ["Haddad", "Khalil", "Mansour", "El-Sayed", "Nasser", "Barakat", "Al-Farsi", "Saleh"], native: [["ليلى", "حداد"], ["عمر", "منصور"], ["نور", "خليل"]] },
  hebrew: { given: ["Noa", "Yonatan", "Tamar", "Eitan", "Maya", "Ariel"], family: ["Cohen", "Levi", "Mizrahi", "Peretz", "Friedman", "Ben-David"], native: [["נועה", "כהן"], ["יונתן", "לוי"]] },
  persian: { given: ["Shirin", "Reza", "Parisa", "Arash", "Neda", "Kaveh"], family: ["Hosseini", "Moradi", "Rahimi", "Karimi", "Tehrani", "Jafari"], native: [["شیرین", "حسینی"]] },
  southasia: { given: ["Priya", "Arjun", "Ayesha", "Imran", "Nusrat", "Ravi", "Sanjana", "Bilal", "Dilani", "Suman"], family: ["Sharma", "Iyer", "Khan", "Qureshi", "Rahman", "Chowdhury", "Perera", "Thapa", "Malik", "Nair"], native: [["प्रिया", "शर्मा"], ["आरव", "पटेल"]] },
  chinese: { given: ["Wei", "Mei", "Jun", "Xin", "Yu-Ting", "Chih-Hao"], family: ["Wang", "Li", "Zhang", "Chen", "Lin", "Huang"], native: [["芳", "王"], ["伟", "张"], ["怡婷", "林"]] },
  japanese: { given: ["Haruka", "Kenji", "Yui", "Takeshi", "Aiko", "Ren"], family: ["Sato", "Tanaka", "Yamada", "Nakamura", "Kobayashi", "Watanabe"], native: [["花子", "山田"], ["健二", "田中"]] },
  korean: { given: ["Ji-min", "Seo-yeon", "Min-jun", "Ha-eun", "Do-hyun"], family: ["Kim", "Park", "Lee", "Choi", "Jung"], native: [["지민", "김"], ["서연", "박"]] },
  seasia: { given: ["Linh", "Minh", "Putri", "Budi", "Siti", "Farid", "Maria", "Jose", "Somchai", "Mei Ling"], family: ["Nguyen", "Tran", "Santoso", "Wijaya", "Abdullah", "Rahim", "Reyes", "Cruz", "Srisuk", "Tan"], native: [["สมชาย", "ใจดี"]] },
  african: { given: ["Amara", "Kwame", "Adaeze", "Tendai", "Selam", "Yonas", "Wanjiru", "Kofi", "Thandiwe", "Aster"], family: ["Okafor", "Mensah", "Adeyemi", "Ndlovu", "Tesfaye", "Haile", "Kamau", "Owusu", "N'Diaye", "Bekele"] },
  maghreb: { given: ["Yasmine", "Mehdi", "Salma", "Hamza"], family: ["Benali", "El Amrani", "Trabelsi", "Bouazizi"] },
};

const REGION_OF: Record<string, string> = {
  US: "anglo", GB: "anglo", CA: "anglo", AU: "anglo", IE: "anglo", NZ: "anglo",
  DE: "germanic", NL: "germanic", SE: "germanic", CH: "germanic", NO: "germanic", DK: "germanic", FI: "germanic", BE: "germanic", AT: "germanic",
  FR: "romance", IT: "romance", ES: "romance", PT: "romance",
  BR: "latin", MX: "latin", AR: "latin", CL: "latin", CO: "latin", UY: "latin",
  RU: "russian", UA: "ukrainian", KZ: "caucasus",
  PL: "central", CZ: "central", HU: "central", RO: "central", BG: "central",
  RS: "balkan", XK: "balkan", GR: "greek", TR: "turkish", AM: "caucasus", AZ: "caucasus", GE: "caucasus",
  SA: "arabic", EG: "arabic", PS: "arabic", LB: "arabic", JO: "arabic", IL: "hebrew", IR: "persian", MA: "maghreb", TN: "maghreb",
  IN: "southasia", PK: "southasia", BD: "southasia", LK: "southasia", NP: "southasia",
  CN: "chinese", TW: "chinese", JP: "japanese", KR: "korean",
  ID: "seasia", MY: "seasia", SG: "seasia", TH: "seasia", VN: "seasia", PH: "seasia",
  ZA: "african", NG: "african", ET: "african", ER: "african", KE: "african", GH: "african",
};

/** How registrants wrote their citizenship: English names, official names, codes, adjectives. */
const COUNTRY_SPELLINGS: Record<string, string[]> = {
  US: ["United States", "USA", "United States of America", "US"], GB: ["United Kingdom", "UK", "British"], RU: ["Russia", "Russian Federation", "RU"],
  UA: ["Ukraine", "Ukrainian", "UA"], KR: ["South Korea", "Korea, Republic of", "KR"], TW: ["Taiwan", "Taiwanese"], IR: ["Iran", "Iranian"],
  PS: ["Palestine", "State of Palestine", "PS"], XK: ["Kosovo", "XK"], CZ: ["Czechia", "Czech Republic"], TR: ["Türkiye", "Turkey", "Turkish"],
  DE: ["Germany", "German", "DE"], NL: ["Netherlands", "The Netherlands", "Dutch"], CI: ["Côte d'Ivoire"], VN: ["Vietnam", "Vietnamese"],
};

const FIELDS = ["Security Studies", "International Relations", "Peace Research", "Public Policy", "Political Economy", "Global Affairs", "Conflict Studies", "Regional Studies"];

const TITLES: Record<string, string[]> = {
  security: ["Deterrence and Its Discontents", "Security Guarantees after the War", "Alliances under Strain", "The Politics of Ceasefires"],
  energy: ["Pipelines, Power and Dependence", "Energy Transitions and Geopolitics", "Gas, Grids and Sovereignty"],
  climate: ["Climate Diplomacy between Rivals", "Adaptation across Borders", "Carbon, Trade and Justice"],
  trade: ["Sanctions and Their Costs", "Trade Corridors in Contested Regions", "Economic Statecraft Revisited"],
  migration: ["Displacement and Return", "Borders, Camps and Corridors", "Diasporas as Bridges"],
  media: ["Disinformation and Its Publics", "Journalism in Wartime", "Platforms, Propaganda and Trust"],
  "human-rights": ["Accountability after Atrocity", "Minority Rights in Divided Societies", "Transitional Justice Compared"],
  health: ["Health Diplomacy in Conflict Zones", "Pandemics and Cooperation"],
  water: ["Shared Rivers, Divided Politics", "Water Security and Cooperation"],
  cyber: ["Norms for Cyberspace", "Cyber Conflict below the Threshold"],
  "arms-control": ["Arms Control without Trust", "Nuclear Risk Reduction Today"],
  reconciliation: ["Memory, History and Reconciliation", "Dialogue Processes that Worked", "Track Two in Practice"],
};

const ROOMS = ["Aula Magna", "Senate Hall", "Room 1.12", "Room 1.14", "Room 2.03", "Room 2.07", "Library Forum", "Seminar Room B"];

export interface RegistrationExport {
  readonly registrations: string[][];
  readonly panels: string[][];
  readonly map: string;
}

/** The two tables and the map, as cells and text. */
export function registrationExport(seed = SEED, participants = PARTICIPANTS): RegistrationExport {
  const program = generateProgram({ participants, seed, name: "Tbilisi Convention on Dialogue and Security 2027 (fictional)" });
  const rng = new Random(seed * 7919 + 13);
  const idOf = (id: string) => `R-${String(1000 + Number(id.replace(/\D/g, "")))}`;
  const slotLabel = new Map((program.slots ?? []).map((s) => [s.id, s.label ?? s.id]));
  const policy = program.policy ?? {};

  const countryCell = (codes: readonly string[]) => {
    const names = codes.map((c) => rng.pick(COUNTRY_SPELLINGS[c] ?? [englishName(c), c]));
    return names.join(rng.chance(0.5) ? "; " : " / ");
  };
  const hostileAt = Math.floor(participants / 3);
  // Two people of one name on one panel would read as a mistake; a name is drawn again until it is new.
  const taken = new Set<string>();
  const uniqueName = (region: Region): [string, string] => {
    for (let attempt = 0; ; attempt++) {
      const [given, family] = region.native !== undefined && rng.chance(0.35) ? rng.pick(region.native) : [rng.pick(region.given), rng.pick(region.family)];
      const initial = attempt < 40 ? "" : ` ${String.fromCharCode(65 + rng.int(26))}.`;
      const name = `${given}${initial} ${family}`;
      if (!taken.has(name)) {
        taken.add(name);
        return [`${given}${initial}`, family];
      }
    }
  };
  const registrations: string[][] = [[
    "Registration ID", "First name", "Last name", "Email", "Citizenship", "Affiliation", "Career stage", "Gender", "Presentations",
    "Willing to chair", "Willing to be discussant", "Topics", "Not available", "Co-author group", "Avoid",
    "Open to dialogue panels?", "Safety concern (confidential)", "Dietary requirements", "Registered on",
  ]];
  program.participants.forEach((p, k) => {
    const region = REGIONS[REGION_OF[p.nationalities[0]!] ?? "anglo"]!;
    let [given, family] = uniqueName(region);
    if (k === hostileAt) [given, family] = ['=HYPERLINK("https://example.invalid")', "<img src=x onerror=alert(1)> | \u202eyrollaM"];
    const attributes = p.attributes ?? {};
    const avoid = [...(p.avoid?.participants ?? []).map(idOf), ...(p.avoid?.nationalities ?? []).map((c) => englishName(c))];
    registrations.push([
      idOf(p.id),
      given!,
      family!,
      `${asciiHandle(given!, k)}@example.org`,
      countryCell(p.nationalities),
      `Institute of ${rng.pick(FIELDS)}, ${englishName(attributes["institution"] ?? p.nationalities[0]!)}`,
      { senior: "Senior", mid: "Mid-career", early: "Early career" }[attributes["career"] ?? ""] ?? "",
      { f: "Woman", m: "Man", x: "Non-binary" }[attributes["gender"] ?? ""] ?? "",
      String(p.presents ?? 1),
      (p.mayChair ?? 0) > 0 ? (p.mayChair === 1 ? "Yes" : String(p.mayChair)) : "No",
      (p.mayDiscuss ?? 0) > 0 ? "Yes" : "No",
      (p.topics ?? []).join(", "),
      (p.unavailable ?? []).map((s) => slotLabel.get(s) ?? s).join("; "),
      p.group ?? "",
      avoid.join("; "),
      p.dialogue === undefined ? "" : p.dialogue === "in" ? "Yes" : "No",
      p.atRisk === true ? "Yes" : "",
      rng.pick(["", "", "", "vegetarian", "vegan", "halal", "kosher", "no nuts"]),
      `2027-0${1 + rng.int(4)}-${String(1 + rng.int(28)).padStart(2, "0")}`,
    ]);
  });

  const usedTitles = new Set<string>();
  const titleFor = (topics: readonly string[], id: string) => {
    const pool = TITLES[topics[0] ?? ""] ?? ["Open Panel"];
    const fresh = pool.filter((t) => !usedTitles.has(t));
    const title = fresh.length > 0 ? rng.pick(fresh) : `${rng.pick(pool)} (${id})`;
    usedTitles.add(title);
    return title;
  };
  const roomsUsed = new Map<string, number>();
  const panels: string[][] = [[
    "Panel", "Title", "Day and time", "Room", "Topics", "Min presenters", "Max presenters", "Recorded", "Needs chair", "Needs discussant", "Pinned chair", "Pinned presenters",
  ]];
  const bySlot = [...program.panels].sort((a, b) => (a.slot ?? "").localeCompare(b.slot ?? ""));
  for (const panel of bySlot) {
    const roomIndex = roomsUsed.get(panel.slot ?? "") ?? 0;
    roomsUsed.set(panel.slot ?? "", roomIndex + 1);
    const size = panel.size ?? policy.panelSize ?? { min: 3, max: 5 };
    panels.push([
      panel.id,
      titleFor(panel.topics ?? [], panel.id),
      panel.slot === undefined ? "" : (slotLabel.get(panel.slot) ?? panel.slot),
      ROOMS[roomIndex % ROOMS.length]!,
      (panel.topics ?? []).join(", "),
      String(size.min),
      String(size.max),
      panel.recorded === true ? "Yes" : "No",
      (panel.chair ?? policy.chair ?? false) ? "Yes" : "No",
      (panel.discussant ?? policy.discussant ?? false) ? "Yes" : "No",
      panel.pinned?.chair === undefined ? "" : idOf(panel.pinned.chair),
      (panel.pinned?.presenters ?? []).map(idOf).join("; "),
    ]);
  }

  const renamedPolicy = {
    ...policy,
    keepApart: (policy.keepApart ?? []).map(([a, b]): [string, string] => [idOf(a), idOf(b)]),
    affinities: (policy.affinities ?? []).map((a) => ({ ...a, between: [idOf(a.between[0]), idOf(a.between[1])] as [string, string] })),
  };
  const map = [
    "# How to read registrations.csv / panels.csv (or registration.xlsx), for `tracktwo import --map`.",
    "# Headers the importer recognises by itself (Registration ID, First name, Citizenship, Willing to chair, ...) need",
    "# no entry; `tracktwo schema --map` describes every field. Written by scenarios/registration/generate.ts.",
    stringify({
      name: program.name,
      participants: {
        sheet: "Registrations",
        columns: { dialogue: "Open to dialogue panels?", atRisk: "Safety concern (confidential)" },
        attributes: { institution: "Affiliation" },
        ignore: ["Dietary requirements", "Registered on"],
      },
      panels: { sheet: "Panels" },
      policy: renamedPolicy,
    } satisfies { name?: string; policy: NonNullable<ProgramInput["policy"]> } & Record<string, unknown>, { lineWidth: 120, flowCollectionPadding: true }),
  ].join("\n");
  return { registrations, panels, map };
}

function englishName(code: string): string {
  return (countries as Record<string, { name: string } | undefined>)[code]?.name ?? code;
}

/**
 * As a registration system writes CSV: UTF-8 with a byte-order mark, CRLF, cells as they are. No formula is
 * neutralised and no control character made visible: that is the importer's input to cope with.
 */
export function rawCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${stringifyCsv(rows as string[][], { record_delimiter: "windows" })}`;
}

function asciiHandle(given: string, k: number): string {
  const ascii = given.normalize("NFKD").replace(/[^a-zA-Z]/g, "").toLowerCase();
  return `${ascii === "" ? "participant" : ascii}.${k + 1}`;
}

/** Writes the four files next to this script. */
export async function writeRegistrationExport(): Promise<void> {
  const { registrations, panels, map } = registrationExport();
  writeFileSync(join(DIR, "registrations.csv"), rawCsv(registrations));
  writeFileSync(join(DIR, "panels.csv"), rawCsv(panels));
  writeFileSync(join(DIR, "map.yaml"), map);
  const { default: writeXlsxFile } = await import("write-excel-file/node");
  const sheet = (name: string, rows: string[][]) => ({ sheet: name, data: rows.map((row) => row.map((value) => (value === "" ? null : { value }))) });
  await writeXlsxFile([sheet("Registrations", registrations), sheet("Panels", panels)]).toFile(join(DIR, "registration.xlsx"));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await writeRegistrationExport();
