#!/usr/bin/env node
// The `tracktwo` command (package.json `bin`): compiled to dist/cli/bin.js, so an installed package starts plain
// JavaScript. From a clone, `npm run tracktwo -- ...` runs the TypeScript sources through tsx instead.
import { runCli } from "./main.js";

await runCli(process.argv.slice(2));
