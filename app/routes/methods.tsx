import type { MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "#app/components/error-panel";
import { methodsContent } from "#app/models/methods.server";
import { libraryChangeCounts } from "#app/models/corrections.server";
import { LibraryCorrections } from "#app/components/corrections-notice";
import { getDb } from "#app/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Methods · Parallax" }];

export async function loader() {
  // Corrections hook (issue 17): how many values people changed across the library.
  return { ...methodsContent(), corrections: await libraryChangeCounts(getDb()) };
}

export default function Methods() {
  const m = useLoaderData<typeof loader>();
  return (
    <article className="stack" style={{ maxWidth: "62rem" }}>
      <header>
        <p className="meta ui">Methods</p>
        <h1>How Parallax measures</h1>
        <p className="lede">
          Every number in Parallax is counted by a rule or a lexicon entry listed on this page, and traces back to
          highlighted words in the text. Parallax measures and shows what texts do; it does not rate outlets, and its
          categories describe words and sources, never the actors they are about.
        </p>
        <p className="meta">
          Analyser version <code>{m.analyserVersion}</code> · codebook {m.codebook.version}
        </p>
      </header>

      <section aria-labelledby="measures">
        <h2 id="measures">Measures</h2>
        <dl>
          {m.measures.map((x) => (
            <div key={x.id} style={{ marginBottom: "0.9rem" }}>
              <dt>
                <strong>{x.name}</strong> <span className="meta">({x.unit})</span>
              </dt>
              <dd style={{ marginLeft: 0 }}>
                {x.how}
                {x.rules.length ? (
                  <span className="meta">
                    {" "}
                    Rules:{" "}
                    {x.rules.map((r, i) => (
                      <span key={r}>
                        {i ? ", " : ""}
                        <a href={`#rule-${r}`}>
                          <code>{r}</code>
                        </a>
                      </span>
                    ))}
                    .
                  </span>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <LibraryCorrections counts={m.corrections} />

      <section aria-labelledby="accuracy">
        <h2 id="accuracy">Accuracy</h2>
        {m.accuracy ? (
          <>
            <p className="meta">
              Measured {m.accuracy.date ?? "(date not recorded)"} by <code>npm run eval</code> on the shared dev sets;
              read from the file it writes.
            </p>
            <table>
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {m.accuracy.rows.map((r) => (
                  <tr key={r.key}>
                    <td>{r.label}</td>
                    <td>{r.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p>
            Not measured yet: run <code>npm run eval</code>.
          </p>
        )}
      </section>

      <section aria-labelledby="lexicons">
        <h2 id="lexicons">Lexicons</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Lexicon</th>
              <th scope="col">Version</th>
              <th scope="col">Entries</th>
              <th scope="col">Origin, licence and how it was built</th>
            </tr>
          </thead>
          <tbody>
            {m.lexicons.map((l) => (
              <tr key={l.file}>
                <td>
                  <code>{l.file}</code>
                  <div className="meta">{l.name}</div>
                </td>
                <td>{l.version}</td>
                <td>
                  {l.entries.toLocaleString("en-GB")}
                  {l.parts.length ? (
                    <div className="meta">
                      {l.parts.map((p) => `${p.name.replace(/_/g, " ")} ${p.entries}`).join(" · ")}
                    </div>
                  ) : null}
                </td>
                <td>
                  {l.origin} <em>Licence: {l.licence}.</em>
                  <div className="meta">{l.built}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="rules">
        <h2 id="rules">Rules ({m.rules.length})</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Rule id</th>
              <th scope="col">What it does</th>
            </tr>
          </thead>
          <tbody>
            {m.rules.map((r) => (
              <tr key={r.id} id={`rule-${r.id}`}>
                <td>
                  <code>{r.id}</code>
                </td>
                <td>{r.sentence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="codebook">
        <h2 id="codebook">Codebook {m.codebook.version}</h2>
        <p className="meta">
          {m.codebook.origin} Licence: {m.codebook.licence}. {m.codebook.built}
        </p>
        {m.codebook.sections.map((s) => (
          <div key={s.id}>
            <h3>{s.title}</h3>
            <dl>
              {s.entries.map((e) => (
                <div key={e.id} style={{ marginBottom: "0.4rem" }}>
                  <dt>
                    <strong>{e.label}</strong> <code className="meta">{e.id}</code>
                  </dt>
                  <dd style={{ marginLeft: 0 }}>{e.definition}</dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
