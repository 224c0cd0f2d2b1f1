// Development only (see start.ts): register tsx in this worker thread, then load the TypeScript entry whose URL
// the parent appended to argv. Never used by the built package, which starts compiled entries directly.
import { register } from "tsx/esm/api";

register();
await import(process.argv.at(-1));
