// Discussion prompts from app/compare/prompts.ts (computed in the loader); each links to its evidence in the reader.
export interface PromptItem {
  id: string;
  text: string;
  token: string;
  spans: number;
}

export function DiscussionPrompts({ prompts, href }: { prompts: PromptItem[]; href: (token: string) => string }) {
  if (!prompts.length) return null;
  return (
    <section aria-labelledby="prompts-h" className="panel prompts">
      <h2 id="prompts-h" style={{ marginTop: 0 }}>
        Key differences: questions for discussion
      </h2>
      <ol>
        {prompts.map((p) => (
          <li key={p.id}>
            {p.text}{" "}
            {p.spans ? (
              <a href={href(p.token)} className="meta no-print">
                see the evidence ({p.spans} span{p.spans === 1 ? "" : "s"})
              </a>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
