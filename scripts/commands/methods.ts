import { methodsMarkdown } from "#app/models/methods.server";

/** `methods`: the methods page as Markdown (every measure, rule, lexicon and the measured accuracy), for the README or a paper's appendix. */
export async function run(): Promise<number> {
  process.stdout.write(methodsMarkdown() + "\n");
  return 0;
}
