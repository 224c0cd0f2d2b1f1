// Helpers for the counting checks each rule of the catalogue runs for explanations (its `explain.checks` face):
// how a check is made, and the words and numbers its message quotes.
import type { Problem } from "../model/problem.js";
import type { CheckCode, NecessaryCheck } from "./types.js";

/** A check; a passing one says so at the end of its message. */
export const check = (code: CheckCode, ok: boolean, path: string, numbers: Record<string, number>, message: string): NecessaryCheck => ({
  code,
  ok,
  path,
  numbers,
  message: ok ? `${message} - fine` : message,
});

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);
export const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** Fewest and most members panel p can have: its presenter bounds plus the chair and discussant it needs. */
export function membersRange(problem: Problem, p: number): [number, number] {
  const extra = problem.needsChairByPanel[p]! + problem.needsDiscussantByPanel[p]!;
  return [problem.minPresentersByPanel[p]! + extra, problem.maxPresentersByPanel[p]! + extra];
}

export function sizeWords(problem: Problem): string {
  const max = new Set(Array.from(problem.maxPresentersByPanel));
  return max.size === 1 ? `of at most ${[...max][0]} presenters` : "of their sizes";
}

/** minDistinct binds only non-empty panels: it can rule a program out only when some panel must have members. */
export function somePanelMustFill(problem: Problem): boolean {
  for (let p = 0; p < problem.panelCount; p++) if (membersRange(problem, p)[0] > 0) return true;
  return false;
}
