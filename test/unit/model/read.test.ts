// The one reading function's text rules: UTF-8 only (located where it breaks), no NUL, no UTF-16; sizes in words.
import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeUtf8, firstInvalidUtf8, formatBytes, readInputText, STDIN } from "../../../src/model/read.js";
import { runs } from "../../helpers/runs.js";

const fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function decodes(bytes: Uint8Array): boolean {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Byte strings near UTF-8: encoded text with a few bytes inserted, changed or cut. */
const nearUtf8 = fc
  .tuple(fc.string({ unit: "grapheme", maxLength: 12 }), fc.array(fc.tuple(fc.nat(40), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }), fc.nat(3))
  .map(([text, edits, cut]) => {
    const bytes = [...Buffer.from(text, "utf8")];
    for (const [at, byte] of edits) bytes.splice(at % (bytes.length + 1), 0, byte);
    return Uint8Array.from(bytes.slice(0, Math.max(0, bytes.length - cut)));
  });

describe("firstInvalidUtf8", () => {
  it("agrees with the platform's strict decoder: the bytes before it decode, and it is the end only for valid text", () => {
    fc.assert(
      fc.property(nearUtf8, (bytes) => {
        const at = firstInvalidUtf8(bytes);
        expect(at === bytes.length).toBe(decodes(bytes));
        expect(decodes(bytes.subarray(0, at))).toBe(true);
      }),
      { numRuns: runs(3000) },
    );
  });

  it("rejects overlong forms, surrogates and code points past U+10FFFF", () => {
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from("Zoë · 王芳 · 🙂"))).toBe(Buffer.from("Zoë · 王芳 · 🙂").length);
  });
});

describe("decodeUtf8", () => {
  it("locates a broken byte by line and column", () => {
    expect(decodeUtf8(Uint8Array.from([0x61, 0x0a, 0x62, 0x63, 0xff]))).toEqual({ ok: false, problem: "is not valid UTF-8: byte 0xff at line 2, column 3", expected: "UTF-8 text" });
  });
  it("names UTF-16 and NUL bytes for what they are", () => {
    expect(decodeUtf8(Uint8Array.from([0xfe, 0xff, 0x00, 0x41]))).toMatchObject({ ok: false, problem: "is UTF-16 text" });
    expect(decodeUtf8(Buffer.from("ab\ncd\u0000"))).toMatchObject({ ok: false, problem: "holds a NUL byte at line 2, column 3 (a binary file?)" });
  });
  it("keeps a UTF-8 byte-order mark for the parser to skip", () => {
    expect(decodeUtf8(Buffer.from("\ufeff{}"))).toEqual({ ok: true, text: "\ufeff{}" });
  });
});

describe("readInputText", () => {
  it("reads a file up to exactly its limit, and refuses one byte more", () => {
    const file = join(mkdtempSync(join(tmpdir(), "tracktwo-read-")), "ten.txt");
    writeFileSync(file, "0123456789");
    expect(readInputText(file, { maxInputBytes: 10 })).toEqual({ ok: true, text: "0123456789" });
    expect(readInputText(file, { maxInputBytes: 9 })).toMatchObject({ ok: false, problem: "is larger than the input size limit of 9 bytes" });
  });
  it('reads "-" from the standard input text the caller read, and only from there', () => {
    expect(readInputText(STDIN, { stdinText: "{}" })).toEqual({ ok: true, text: "{}" });
    expect(readInputText(STDIN)).toMatchObject({ ok: false, problem: "standard input is not available here" });
  });
});

describe("formatBytes", () => {
  it("says sizes as people do", () => {
    expect([formatBytes(900), formatBytes(1536), formatBytes(32 * 2 ** 20), formatBytes(512 * 2 ** 20)]).toEqual(["900 bytes", "1.5 KiB", "32 MiB", "512 MiB"]);
  });
});
