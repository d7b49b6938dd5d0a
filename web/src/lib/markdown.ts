/** A small, safe subset of Markdown for replies and note bodies: headings,
 * lists, paragraphs, bold, italics, inline code and links. There is no raw
 * HTML and no images: everything else is shown as the text it is. The result
 * is a tree that React renders as elements, never as an HTML string. */

export type Inline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "strong" | "em"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] };

export type ListItem = { checked: boolean | null; children: Inline[] };

export type Block =
  | { type: "heading"; level: number; children: Inline[] }
  | { type: "paragraph"; lines: Inline[][] }
  | { type: "list"; ordered: boolean; items: ListItem[] };

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};
// Sticky: matched where the scan stands, without copying the rest.
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/y;
const ESCAPABLE = /^[!-/:-@[-`{-~]$/;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

function decodeEntity(source: string, at: number): [string, number] | null {
  ENTITY.lastIndex = at;
  const match = ENTITY.exec(source);
  if (!match) return null;
  const [whole, decimal, hex, name] = match;
  const code = decimal ? Number(decimal) : hex ? parseInt(hex, 16) : null;
  if (code !== null) {
    const valid = code > 0 && code <= 0x10ffff;
    return [valid ? String.fromCodePoint(code) : "\ufffd", whole.length];
  }
  const named = ENTITIES[name ?? ""];
  return named === undefined ? null : [named, whole.length];
}

/** An address the app may link to: http(s), or relative to this site.
 * Anything with another scheme (javascript:, data:, …) or with characters a
 * browser would silently drop (tabs, newlines) is refused. */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  if (!href || /[\s\u0000-\u001f\u007f\\]/.test(href)) return null;
  if (href.startsWith("//")) return null;
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  if (scheme === undefined) return href;
  if (scheme !== "http" && scheme !== "https") return null;
  try {
    return new URL(href).href;
  } catch {
    return null;
  }
}

/** Where `[label](url)` ends in `source` from `start` (at "["), with its
 * parts; null when it is not a link. Brackets and parentheses must balance. */
function scanLink(
  source: string,
  start: number,
): { label: string; url: string; end: number } | null {
  let depth = 0;
  let index = start;
  for (; index < source.length; index += 1) {
    const char = source[index];
    if (char === "\\") index += 1;
    else if (char === "[") depth += 1;
    else if (char === "]" && --depth === 0) break;
  }
  if (depth !== 0 || source[index + 1] !== "(") return null;
  const close = closingParen(source, index + 1);
  if (close < 0) return null;
  return {
    label: source.slice(start + 1, index),
    url: source.slice(index + 2, close),
    end: close + 1,
  };
}

/** The ")" that balances the "(" at `open`, or -1. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let index = open; index < source.length; index += 1) {
    const char = source[index];
    if (char === "\\") index += 1;
    else if (char === "(") depth += 1;
    else if (char === ")" && --depth === 0) return index;
  }
  return -1;
}

function findClosing(source: string, marker: string, from: number): number {
  for (let index = from; index < source.length; index += 1) {
    if (source[index] === "\\") index += 1;
    else if (source.startsWith(marker, index) && index > from) return index;
  }
  return -1;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** Emphasis markers: `**`/`__` for bold, `*`/`_` for italics; an underscore
 * inside a word (snake_case) is only text. */
function emphasisAt(
  source: string,
  index: number,
): { marker: string; type: "strong" | "em" } | null {
  const char = source[index];
  if (char !== "*" && char !== "_") return null;
  if (char === "_" && isWordChar(source[index - 1])) return null;
  const double = source[index + 1] === char;
  const marker = double ? char + char : char;
  const next = source[index + marker.length];
  if (next === undefined || next === " ") return null;
  return { marker, type: double ? "strong" : "em" };
}

export function parseInline(source: string): Inline[] {
  const nodes: Inline[] = [];
  let text = "";
  const flush = () => {
    if (text) nodes.push({ type: "text", text });
    text = "";
  };
  let index = 0;
  while (index < source.length) {
    const char = source[index] ?? "";
    if (char === "\\" && ESCAPABLE.test(source[index + 1] ?? "")) {
      text += source[index + 1];
      index += 2;
      continue;
    }
    if (char === "&") {
      const entity = decodeEntity(source, index);
      if (entity) {
        text += entity[0];
        index += entity[1];
        continue;
      }
    }
    if (char === "`") {
      const close = source.indexOf("`", index + 1);
      if (close > index + 1) {
        flush();
        nodes.push({ type: "code", text: source.slice(index + 1, close) });
        index = close + 1;
        continue;
      }
    }
    const image = char === "!" && source[index + 1] === "[";
    if (char === "[" || image) {
      const link = scanLink(source, image ? index + 1 : index);
      if (link) {
        flush();
        const children = parseInline(link.label);
        const href = safeHref(link.url);
        // Images are never fetched: their description stands in for them.
        if (href && !image) nodes.push({ type: "link", href, children });
        else nodes.push(...children);
        index = link.end;
        continue;
      }
    }
    const emphasis = emphasisAt(source, index);
    if (emphasis) {
      const start = index + emphasis.marker.length;
      const close = findClosing(source, emphasis.marker, start);
      const closeOk =
        close > 0 &&
        source[close - 1] !== " " &&
        !(emphasis.marker[0] === "_" && isWordChar(source[close + 1]));
      if (closeOk) {
        flush();
        const children = parseInline(source.slice(start, close));
        nodes.push({ type: emphasis.type, children });
        index = close + emphasis.marker.length;
        continue;
      }
    }
    text += char;
    index += 1;
  }
  flush();
  return nodes;
}

const HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const CHECKBOX = /^\[([ xX])\]\s+(.*)$/;

function listItem(text: string): ListItem {
  const box = CHECKBOX.exec(text);
  if (!box) return { checked: null, children: parseInline(text) };
  return { checked: box[1] !== " ", children: parseInline(box[2] ?? "") };
}

type Open = { paragraph?: Inline[][]; list?: Extract<Block, { type: "list" }> };

/** Blocks of a Markdown text; every line break inside a paragraph is kept, as
 * people write them in chat. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let open: Open = {};
  for (const line of source.replace(/\r\n?/g, "\n").split("\n")) {
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (!line.trim()) {
      open = {};
    } else if (heading) {
      const level = heading[1]?.length ?? 1;
      const children = parseInline(heading[2] ?? "");
      blocks.push({ type: "heading", level, children });
      open = {};
    } else if (item) {
      const ordered = numbered !== null;
      if (open.list?.ordered === ordered) {
        open.list.items.push(listItem(item[1] ?? ""));
      } else {
        const list = {
          type: "list" as const,
          ordered,
          items: [listItem(item[1] ?? "")],
        };
        blocks.push(list);
        open = { list };
      }
    } else if (open.paragraph) {
      open.paragraph.push(parseInline(line));
    } else {
      const paragraph = [parseInline(line)];
      blocks.push({ type: "paragraph", lines: paragraph });
      open = { paragraph };
    }
  }
  return blocks;
}
