#!/usr/bin/env node
// The `kessai-reconcile` command (package.json "bin"): see reconcile-cli.ts.
import { reconcileCli } from './reconcile-cli.js';

process.exitCode = await reconcileCli(process.argv.slice(2));
