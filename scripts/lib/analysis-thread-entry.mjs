// Worker-thread entry: Node 20 does not pass tsx's loader to a worker's first module, so register it here.
import { register } from "tsx/esm/api";
register();
await import("./analysis-thread-main.ts");
