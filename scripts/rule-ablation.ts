// `npx tsx scripts/rule-ablation.ts`: switches each rule of the registry off in turn (a call parameter,
// nothing global) and shows that its worked examples then fail. Exit code 1 when a rule is not pinned.
import { ablation } from "./lib/rule-examples";

let bad = 0;
console.log("rule id".padEnd(30), "examples", "fail on", "fail off");
for (const r of ablation()) {
  const ok = r.examples > 0 && r.failWhenOn === 0 && r.failWhenOff > 0;
  if (!ok) bad++;
  console.log(
    r.id.padEnd(30),
    String(r.examples).padStart(8),
    String(r.failWhenOn).padStart(7),
    String(r.failWhenOff).padStart(8),
    ok ? "" : "  NOT PINNED",
  );
}
process.exitCode = bad ? 1 : 0;
