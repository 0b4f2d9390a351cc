// One colour per source kind everywhere (Okabe–Ito, as the --kind-* variables in app.css), written out as hex
// because exported SVG files cannot resolve CSS variables. Articles get slate shades, distinct in greyscale.
import codebook from "#app/analysis/codebook.json";

export const KIND_COLOURS: Record<string, string> = {
  official: "#0072b2",
  armed_group: "#d55e00",
  politician: "#cc79a7",
  expert: "#009e73",
  media: "#56b4e9",
  document: "#e69f00",
  civil_society: "#f0e442",
  ordinary_person: "#999999",
  unnamed: "#000000",
  other: "#b5b5b5",
};

export type KindPattern = "diag" | "back" | "horiz" | "vert" | "dots" | "cross" | "xcross" | "rings" | "zigzag";

/** A different hatch per kind (none twice), so stacked segments stay apart in greyscale print (null: plain fill). */
export const KIND_PATTERNS: Record<string, KindPattern | null> = {
  official: null,
  armed_group: "diag",
  politician: "dots",
  expert: "horiz",
  media: "back",
  document: "vert",
  civil_society: "cross",
  ordinary_person: "xcross",
  unnamed: "rings",
  other: "zigzag",
};

const ARTICLE_SHADES = ["#1d2430", "#5b6a82", "#98a5ba", "#cfd6e1", "#3c4658", "#b3bdcc"];

export function articleColour(index: number): string {
  return ARTICLE_SHADES[index % ARTICLE_SHADES.length]!;
}

/** Value labels on dark bars need light ink. */
export function inkOn(fill: string): string {
  const n = parseInt(fill.slice(1), 16);
  const lum = 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  return lum < 140 ? "#ffffff" : "#1d2430";
}

export function codebookLabel(
  section: "sourceKinds" | "cueStances" | "markerTypes" | "frameDimensions" | "claimStances" | "labelClasses",
  id: string,
): string {
  return (codebook[section] as { id: string; label: string }[]).find((x) => x.id === id)?.label ?? id;
}

export function codebookDefinition(
  section: "sourceKinds" | "cueStances" | "markerTypes" | "frameDimensions" | "claimStances" | "labelClasses",
  id: string,
): string {
  return (codebook[section] as { id: string; definition: string }[]).find((x) => x.id === id)?.definition ?? "";
}
