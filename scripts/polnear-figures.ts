// `tsx scripts/polnear-figures.ts [DIR]`: the PolNeAR figures of a split (train unless told) as JSON on stdout.
// The train floor test runs it in a child process: a minute of analysis would block a test worker's event loop.
import { POLNEAR_TRAIN_DIR, evalPolnear } from "./lib/sourcing-eval";

console.log(JSON.stringify(evalPolnear(process.argv[2] ?? POLNEAR_TRAIN_DIR)));
