// The solvers draw from the project's one seeded PRNG (src/random.ts).
import { Random as SeededRandom } from "../../random.js";

export type Random = Pick<SeededRandom, "next" | "int" | "shuffle">;

export function createRandom(seed: number): Random {
  return new SeededRandom(seed);
}

/** Fisher-Yates in place. */
export function shuffle<T>(items: T[], random: Random): T[] {
  return random.shuffle(items);
}
