// The parts of a zip archive (an .xlsx workbook is one), unpacked with a bound. A workbook of 11 MB can hold a
// million rows that unpack to 100 MB of XML and take a spreadsheet reader minutes and gigabytes, so the size limit
// that bounds what tracktwo reads must bound what it unpacks too. The sizes the archive declares are read from its
// central directory and summed before anything is inflated; each part is then inflated by Node's zlib with that
// declared size as its most output (zlib stops at once when a part lies about its size). Only the parts `wanted`
// are unpacked; the caller hands what it checked to the reader as a stored archive (rezip), so the reader never
// meets a byte that was not counted.
import { zipSync } from "fflate";
import { inflateRawSync } from "node:zlib";
import { formatBytes } from "../model/read.js";

export type Unzipped =
  | { readonly ok: true; readonly parts: ReadonlyMap<string, Uint8Array> }
  /** `broken`: not a readable archive, for the caller to word ("not a readable .xlsx workbook (...)"). */
  | { readonly ok: false; readonly problem: string; readonly expected?: string; readonly broken?: true };

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** The parts whose names are `wanted`, unless they unpack to more than `limit` bytes in all. */
export function unzipBounded(bytes: Uint8Array, wanted: (name: string) => boolean, limit: number): Unzipped {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (why: string): Unzipped => ({ ok: false, problem: why, broken: true });
  let end = -1;
  for (let k = bytes.length - 22; k >= Math.max(0, bytes.length - 22 - 0xffff); k--) {
    if (view.getUint32(k, true) === END_OF_DIRECTORY) {
      end = k;
      break;
    }
  }
  if (end === -1) return corrupt("no central directory");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) return { ok: false, problem: "is a ZIP64 archive, larger than any registration export", expected: "an .xlsx workbook saved by a spreadsheet program" };

  const entries: { name: string; method: number; compressed: number; size: number; local: number }[] = [];
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return corrupt("a broken central directory");
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const entry = {
      name,
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      local: view.getUint32(at + 42, true),
    };
    if ((view.getUint16(at + 8, true) & 1) !== 0) return { ok: false, problem: "is encrypted (password-protected)", expected: "a workbook saved without a password" };
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (!wanted(name)) continue;
    entries.push(entry);
    total += entry.size;
  }
  if (total > limit) {
    return {
      ok: false,
      problem: `unpacks to ${formatBytes(total)}, more than the input size limit of ${formatBytes(limit)}`,
      expected: `a workbook that unpacks to at most ${formatBytes(limit)} (--max-input-size raises the limit, for the packed and the unpacked size alike)`,
    };
  }

  const parts = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const local = entry.local;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER) return corrupt(`no data for ${entry.name}`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + entry.compressed);
    if (data.length !== entry.compressed) return corrupt(`${entry.name} is cut short`);
    if (entry.method === 0) {
      if (entry.compressed !== entry.size) return corrupt(`${entry.name} has two sizes`);
      parts.set(entry.name, data);
    } else if (entry.method === 8) {
      try {
        parts.set(entry.name, inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) }).subarray(0, entry.size));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return corrupt(code === "ERR_BUFFER_TOO_LARGE" ? `${entry.name} unpacks to more than the archive says` : `${entry.name} does not inflate`);
      }
    } else {
      return corrupt(`${entry.name} is compressed with method ${entry.method}, not deflate`);
    }
  }
  return { ok: true, parts };
}

/** The parts as an archive again, stored (not compressed): what a reader unpacks is exactly what was checked. */
export function rezip(parts: ReadonlyMap<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(parts), { level: 0 });
}
