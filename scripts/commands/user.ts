import { ROLES, type Role } from "#db/schema";
import { prepareDatabase } from "#db/prepare";
import { createUser, findUserByName, listUsers, setPassword } from "#app/models/auth.server";
import { InputError } from "#app/models/articles.server";

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  return data.split(/\r?\n/)[0] ?? "";
}

/** `user add NAME --role owner|editor|viewer`, `user passwd NAME` (password from PARALLAX_PASSWORD or the first line of stdin), `user list`. */
export async function run(argv: string[]): Promise<number> {
  const [sub, name] = argv;
  const db = await prepareDatabase({ seed: false });
  try {
    if (sub === "list") {
      for (const u of await listUsers(db)) console.log(`${u.username}\t${u.role}\t${u.createdAt}`);
      return 0;
    }
    if (sub === "add" && name) {
      const i = argv.indexOf("--role");
      const role = (i >= 0 ? argv[i + 1] : "viewer") as Role;
      if (!ROLES.includes(role)) {
        console.error(`--role must be one of ${ROLES.join(", ")}`);
        return 2;
      }
      const password = process.env.PARALLAX_PASSWORD ?? (await readStdin());
      if (!password) {
        console.error("Give the password in PARALLAX_PASSWORD or on standard input.");
        return 2;
      }
      const u = await createUser(db, { username: name, password, role });
      console.error(`created ${u.username} (${u.role})`);
      return 0;
    }
    if (sub === "passwd" && name) {
      const user = await findUserByName(db, name);
      if (!user) {
        console.error(`No account “${name}”. See them with: npm run --silent cli -- user list`);
        return 1;
      }
      const password = process.env.PARALLAX_PASSWORD ?? (await readStdin());
      if (!password) {
        console.error("Give the new password in PARALLAX_PASSWORD or on standard input.");
        return 2;
      }
      await setPassword(db, user.id, password);
      console.error(`new password set for ${user.username}; its sessions were ended`);
      return 0;
    }
    console.error(
      "usage: user add NAME --role owner|editor|viewer   (password from PARALLAX_PASSWORD or stdin)\n" +
        "       user passwd NAME                          (new password from PARALLAX_PASSWORD or stdin)\n" +
        "       user list",
    );
    return 2;
  } catch (e) {
    if (e instanceof InputError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    db.$client.close();
  }
}
