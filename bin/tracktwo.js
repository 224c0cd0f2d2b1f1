#!/usr/bin/env node
// The package.json `bin` entry: runs the TypeScript CLI through tsx, so `npx tracktwo` works from a clone
// without a build step. tsImport keeps the TypeScript loader scoped to our own modules.
import { tsImport } from "tsx/esm/api";

const { runCli } = await tsImport("../src/cli/main.ts", import.meta.url);
await runCli(process.argv.slice(2));
