// The machine and the code a bench ran on, recorded with every result (shared by the solver matrix and the MDGP bench).
import { execFileSync } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import type { Machine, Revision } from "./report.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

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

/** Taken before solving: the code may change on disk during a long run, the loaded modules do not. */
export function revision(): Revision | null {
  try {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return { commit: git("rev-parse", "--short=12", "HEAD"), dirty: git("status", "--porcelain", "--", "src", "bench").length > 0 };
  } catch {
    return null;
  }
}

export function machineSlug(machine: Machine): string {
  const cpu = machine.cpu.toLowerCase().replace(/\(r\)|\(tm\)|cpu|processor|@.*$/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `${cpu || "cpu"}-${machine.cores}c`;
}
