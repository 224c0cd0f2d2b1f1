// What every benchmark report names: the machine it ran on and the code that ran (the solver matrix, the MDGP bench
// and the others).
import { execFileSync } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import type { Machine, Revision } from "./report.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

export function machineInfo(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown cpu",
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  };
}

/**
 * The commit of `root` and whether src/ or bench/ had uncommitted changes; null outside a git work tree. Take it
 * before solving: the code may change on disk during a long run, the loaded modules do not.
 */
export function revision(root: string = ROOT): Revision | null {
  try {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return { commit: git("rev-parse", "--short=12", "HEAD"), dirty: git("status", "--porcelain", "--", "src", "bench").length > 0 };
  } catch {
    return null;
  }
}

export function machineSlug(machine: Machine): string {
  const cpu = machine.cpu.toLowerCase().replace(/\(r\)|\(tm\)|cpu|processor|@.*$/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `${cpu || "cpu"}-${machine.cores}c`;
}

/** The median (the mean of the two middle values for an even count), for every bench's summaries. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
