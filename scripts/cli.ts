// Parallax command line: `npm run --silent cli -- <command> [options]`.
// Each command lives in scripts/commands/<name>.ts and exports `run(argv): Promise<number>` (the exit code).
// Progress goes to stderr, results to stdout.
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: (argv: string[]) => Promise<number> }> }> =
  {
    analyze: {
      summary: "analyze [--json] FILE...   attributions (and more) for text or JSON files",
      load: () => import("./commands/analyze"),
    },
    import: {
      summary: "import PATH|URL... [--comparison ID] [--json]   bring articles into the library",
      load: () => import("./commands/import"),
    },
    related: {
      summary: "related --json [--k N]   related coverage for every article in the library",
      load: () => import("./commands/related"),
    },
    compare: {
      summary:
        "compare [--name NAME] [--focal N] [--json] PATH|URL|ID...   make a comparison of these articles, in this order",
      load: () => import("./commands/compare"),
    },
    list: { summary: "list [--json]   the comparisons and their articles", load: () => import("./commands/list") },
    export: { summary: "export --comparison ID --format json|csv --out DIR", load: () => import("./commands/export") },
    backup: { summary: "backup FILE   the whole library as one JSON file", load: () => import("./commands/backup") },
    restore: {
      summary: "restore FILE   bring a backup into an empty database",
      load: () => import("./commands/restore"),
    },
    methods: {
      summary: "methods   every measure, rule, lexicon and accuracy figure, as Markdown",
      load: () => import("./commands/methods"),
    },
    corrections: {
      summary:
        "corrections export --comparison ID [--coder NAME] FILE | corrections import FILE   people's corrections as JSON",
      load: () => import("./commands/corrections"),
    },
    user: {
      summary: "user add NAME --role owner|editor|viewer | user list   accounts for a shared instance",
      load: () => import("./commands/user"),
    },
  };

function usage(): string {
  return [
    "usage: npm run --silent cli -- <command> [options]",
    "",
    ...Object.values(COMMANDS).map((c) => "  " + c.summary),
  ].join("\n");
}

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.error(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    console.error(`unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  let mod;
  try {
    mod = await cmd.load();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") {
      console.error(`the "${name}" command is not available in this version`);
      return 2;
    }
    throw e;
  }
  return mod.run(rest);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  },
);
