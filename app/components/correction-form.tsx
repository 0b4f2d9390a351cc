import { Form } from "@remix-run/react";
import { useState } from "react";

export interface CorrectionFormProps {
  article: { id: number; title: string };
  layer: string;
  field: string | null;
  fields: { id: string; label: string }[];
  target: { start: number; end: number; field: "body" | "title"; words: string } | null;
  currentValue: unknown;
  machineValue: unknown;
  options: Record<string, { id: string; label: string }[]>;
  sources: { key: string; name: string; span: string }[];
  back: string;
}

function shown(v: unknown): string {
  if (v === null || v === undefined) return "none";
  return typeof v === "string" ? v : JSON.stringify(v);
}

/**
 * One correction of one item: what to change, the new value, and a note (required). Plain form fields, so it
 * works by keyboard and without scripts; words to add are typed or pasted exactly as they stand in the text.
 */
export function CorrectionForm(p: CorrectionFormProps) {
  const [field, setField] = useState(p.field ?? p.fields[0]?.id ?? "");
  const key = `${p.layer}.${field}`;
  const options = p.options[key] ?? (key === "attribution.add" ? p.options["source.kind"] : undefined);
  const needsTarget = !(key === "attribution.add" || (key === "marker.add" && !p.target));
  return (
    <Form method="post" className="panel stack correction-form" aria-labelledby="corr-form-h">
      <h2 id="corr-form-h" style={{ marginTop: 0 }}>
        {p.layer === "source"
          ? "A source"
          : p.layer === "attribution"
            ? "An attribution"
            : p.layer === "claim"
              ? "A claim"
              : p.layer === "marker"
                ? "A marker"
                : "A descriptor"}
      </h2>
      {p.target ? (
        <p>
          Words: <q>{p.target.words}</q>
          <span className="meta">
            {" "}
            ({p.target.field === "title" ? "headline, " : ""}characters {p.target.start}–{p.target.end}) · the machine
            says <b>{shown(p.machineValue)}</b>
            {JSON.stringify(p.currentValue) !== JSON.stringify(p.machineValue) ? (
              <>
                , corrected to <b>{shown(p.currentValue)}</b>
              </>
            ) : null}
          </span>
        </p>
      ) : null}
      <input type="hidden" name="intent" value="correct" />
      <input type="hidden" name="layer" value={p.layer} />
      <input type="hidden" name="back" value={p.back} />
      {p.target && needsTarget ? (
        <>
          <input type="hidden" name="start" value={p.target.start} />
          <input type="hidden" name="end" value={p.target.end} />
          <input type="hidden" name="tf" value={p.target.field} />
        </>
      ) : null}
      <fieldset className="field">
        <legend>What to change</legend>
        {p.fields.map((f) => (
          <label key={f.id} style={{ display: "block" }}>
            <input type="radio" name="field" value={f.id} checked={field === f.id} onChange={() => setField(f.id)} />{" "}
            {f.label}
          </label>
        ))}
      </fieldset>
      {!needsTarget ? (
        <div className="field">
          <label htmlFor="corr-content">
            {p.layer === "marker" ? "The marked words" : "The content (what is reported)"}, exactly as in the text
          </label>
          <textarea id="corr-content" name="content" rows={3} required />
        </div>
      ) : null}
      {key === "attribution.add" ? (
        <>
          <div className="field">
            <label htmlFor="corr-source">The source&apos;s words (who says it; leave empty if nobody is named)</label>
            <input id="corr-source" name="source" type="text" />
          </div>
          <div className="field">
            <label htmlFor="corr-cue">The reporting word (said, told, according to…)</label>
            <input id="corr-cue" name="cue" type="text" />
          </div>
        </>
      ) : null}
      {options ? (
        <div className="field">
          <label htmlFor="corr-value">
            {key === "attribution.add" ? "The source's kind" : key === "marker.add" ? "Marker type" : "New value"}
          </label>
          <select
            id="corr-value"
            name="value"
            defaultValue={
              typeof p.currentValue === "string" && options.some((o) => o.id === p.currentValue)
                ? p.currentValue
                : undefined
            }
          >
            {key === "attribution.add" ? <option value="">as the source already has, or other</option> : null}
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ) : key === "source.affiliation" || key === "source.name" || key === "source.split" ? (
        <div className="field">
          <label htmlFor="corr-value">
            {key === "source.affiliation"
              ? "Affiliation (empty for none)"
              : key === "source.name"
                ? "Name"
                : "Name of the new source (optional)"}
          </label>
          <input
            id="corr-value"
            name="value"
            type="text"
            required={key === "source.name"}
            defaultValue={key === "source.name" && typeof p.currentValue === "string" ? p.currentValue : ""}
          />
        </div>
      ) : key === "claim.group" ? (
        <>
          <div className="field">
            <label htmlFor="corr-into-article">Article number of the claim to join (empty: this article)</label>
            <input id="corr-into-article" name="intoArticle" type="number" min={1} />
          </div>
          <div className="field">
            <label htmlFor="corr-content">
              Words of the claim whose group to join, exactly as in its text (empty: take this claim out of its group)
            </label>
            <textarea id="corr-content" name="content" rows={2} />
          </div>
        </>
      ) : key === "source.merge" ? (
        <div className="field">
          <label htmlFor="corr-into">Merge into</label>
          <select id="corr-into" name="into" required>
            {p.sources.map((s) => (
              <option key={s.key} value={s.span}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="corr-note">Note: why (required)</label>
        <textarea id="corr-note" name="note" rows={2} required />
      </div>
      <button type="submit">Save the correction</button>
    </Form>
  );
}
