// Seeded PRNG (sfc32 seeded through splitmix32): solvers must be deterministic per seed, so Math.random is banned.

export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, bound). */
  int(bound: number): number;
}

export function createRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let k = 0; k < 12; k++) next();
  return { next, int: (bound) => Math.floor(next() * bound) };
}

/** Fisher-Yates in place. */
export function shuffle<T>(items: T[], random: Random): T[] {
  for (let k = items.length - 1; k > 0; k--) {
    const r = random.int(k + 1);
    const tmp = items[k]!;
    items[k] = items[r]!;
    items[r] = tmp;
  }
  return items;
}
