import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { parseInline, parseMarkdown, safeHref } from "@/lib/markdown";

import { Markdown } from "./markdown";

function html(text: string): HTMLElement {
  return render(<Markdown text={text} />).container;
}

describe("safeHref", () => {
  it.each([
    ["https://example.com/a?b=1", "https://example.com/a?b=1"],
    ["HTTP://Example.com", "http://example.com/"],
    ["/tasks/3", "/tasks/3"],
    ["notes/3#top", "notes/3#top"],
  ])("keeps %s", (raw, kept) => {
    expect(safeHref(raw)).toBe(kept);
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "/\\evil.example",
    "mailto:a@example.com",
    "",
  ])("refuses %j", (raw) => {
    expect(safeHref(raw)).toBeNull();
  });
});

describe("parseInline", () => {
  it("reads bold, italics, code and links", () => {
    expect(parseInline("**a** *b* `c*d` [e](/f)")).toEqual([
      { type: "strong", children: [{ type: "text", text: "a" }] },
      { type: "text", text: " " },
      { type: "em", children: [{ type: "text", text: "b" }] },
      { type: "text", text: " " },
      { type: "code", text: "c*d" },
      { type: "text", text: " " },
      { type: "link", href: "/f", children: [{ type: "text", text: "e" }] },
    ]);
  });

  it("leaves snake_case words and lone stars alone", () => {
    expect(parseInline("my_file_name and 2 * 3 * 4")).toEqual([
      { type: "text", text: "my_file_name and 2 * 3 * 4" },
    ]);
  });
});

describe("parseMarkdown", () => {
  it("splits headings, lists and paragraphs, keeping line breaks", () => {
    const blocks = parseMarkdown(
      "## Plan\n- one\n- [x] two\n\n1. first\nline a\nline b",
    );
    expect(blocks.map((block) => block.type)).toEqual([
      "heading",
      "list",
      "list",
      "paragraph",
    ]);
    expect(blocks[1]).toMatchObject({
      ordered: false,
      items: [{ checked: null }, { checked: true }],
    });
    expect(blocks[3]).toMatchObject({ lines: [[{}], [{}]] });
  });
});

describe("Markdown", () => {
  it("renders bold text, lists and links", () => {
    const view = html(
      "**Due** this week:\n\n- [Call Ana](/tasks/4) (Fri)\n- [Docs](https://example.com/docs)",
    );

    expect(view.querySelector("strong")?.textContent).toBe("Due");
    expect(view.querySelectorAll("ul > li")).toHaveLength(2);
    const [inside, outside] = view.querySelectorAll("a");
    expect(inside?.getAttribute("href")).toBe("/?task=4");
    expect(inside?.textContent).toBe("Call Ana");
    expect(outside?.getAttribute("href")).toBe("https://example.com/docs");
    expect(outside?.getAttribute("rel")).toBe("noopener noreferrer");
    expect(outside?.getAttribute("target")).toBe("_blank");
  });

  it("shows escaped titles exactly as the user wrote them", () => {
    // What the API sends for a task titled: Fix *all* [bugs](x) <b>now</b> & go
    const reply =
      "- [Fix \\*all\\* \\[bugs\\]\\(x\\) &lt;b&gt;now&lt;/b&gt; & go](/tasks/9)";

    const link = html(reply).querySelector("a");

    expect(link?.textContent).toBe("Fix *all* [bugs](x) <b>now</b> & go");
    expect(link?.querySelector("b, em")).toBeNull();
  });

  it("never makes a javascript: link", () => {
    const view = html(
      "[click](javascript:alert(1)) [tab](java\tscript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)",
    );

    expect(view.querySelector("a")).toBeNull();
    expect(view.textContent).toBe("click tab data");
  });

  it("shows raw HTML as text and runs nothing", () => {
    const view = html(
      '<script>window.hacked = 1</script>\n<img src=x onerror="window.hacked = 2">',
    );

    expect(view.querySelector("script, img")).toBeNull();
    expect(view.textContent).toContain("<script>window.hacked = 1</script>");
    expect(view.textContent).toContain(
      '<img src=x onerror="window.hacked = 2">',
    );
    expect((window as { hacked?: number }).hacked).toBeUndefined();
  });

  it("never fetches an image: its description stands in", () => {
    const view = html("![a tracking pixel](https://tracker.example/p.gif)");

    expect(view.querySelector("img, a")).toBeNull();
    expect(view.textContent).toBe("a tracking pixel");
  });
});
