import Link from "next/link";
import { Fragment, useMemo } from "react";

import {
  parseMarkdown,
  type Block,
  type Inline,
  type ListItem,
} from "@/lib/markdown";

// Answers link items by path; the app shows them in the chat's sidebar.
const ITEM_PATH = /^\/(task|note)s\/(\d+)$/;

function appHref(href: string): string {
  const item = ITEM_PATH.exec(href);
  return item ? `/?${item[1]}=${item[2]}` : href;
}

function InlineNodes({ nodes }: { nodes: Inline[] }) {
  return nodes.map((node, index) => <InlineNode key={index} node={node} />);
}

function InlineNode({ node }: { node: Inline }) {
  switch (node.type) {
    case "text":
      return node.text;
    case "code":
      return (
        <code className="rounded bg-stone-100 px-1 font-mono text-[0.9em] dark:bg-stone-800">
          {node.text}
        </code>
      );
    case "strong":
      return (
        <strong className="font-semibold">
          <InlineNodes nodes={node.children} />
        </strong>
      );
    case "em":
      return (
        <em>
          <InlineNodes nodes={node.children} />
        </em>
      );
    case "link":
      return <MarkdownLink href={node.href} nodes={node.children} />;
  }
}

function MarkdownLink({ href, nodes }: { href: string; nodes: Inline[] }) {
  const style =
    "text-teal-700 underline underline-offset-2 hover:text-teal-900 dark:text-teal-400 dark:hover:text-teal-300";
  if (/^https?:/i.test(href)) {
    return (
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        className={style}
      >
        <InlineNodes nodes={nodes} />
      </a>
    );
  }
  return (
    <Link href={appHref(href)} className={style}>
      <InlineNodes nodes={nodes} />
    </Link>
  );
}

function Item({ item }: { item: ListItem }) {
  if (item.checked === null)
    return (
      <li>
        <InlineNodes nodes={item.children} />
      </li>
    );
  return (
    <li className="list-none">
      <span aria-hidden className="mr-1.5">
        {item.checked ? "☑" : "☐"}
      </span>
      <span className="sr-only">{item.checked ? "Done: " : "To do: "}</span>
      <InlineNodes nodes={item.children} />
    </li>
  );
}

const HEADINGS = ["h3", "h4", "h5", "h6"] as const;

function BlockNode({ block }: { block: Block }) {
  switch (block.type) {
    case "heading": {
      // Below the page's own headings, whatever level the text asked for.
      const Heading =
        HEADINGS[Math.min(block.level, HEADINGS.length) - 1] ?? "h6";
      return (
        <Heading className="text-[1em] font-semibold">
          <InlineNodes nodes={block.children} />
        </Heading>
      );
    }
    case "paragraph":
      return (
        <p>
          {block.lines.map((line, index) => (
            <Fragment key={index}>
              {index > 0 && <br />}
              <InlineNodes nodes={line} />
            </Fragment>
          ))}
        </p>
      );
    case "list": {
      const List = block.ordered ? "ol" : "ul";
      return (
        <List
          className={`space-y-0.5 pl-5 ${block.ordered ? "list-decimal" : "list-disc"}`}
        >
          {block.items.map((item, index) => (
            <Item key={index} item={item} />
          ))}
        </List>
      );
    }
  }
}

/** Markdown text (a reply, a note body) as safe elements. */
export function Markdown({
  text,
  className = "",
}: {
  text: string;
  className?: string;
}) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return (
    <div className={`space-y-2 break-words ${className}`}>
      {blocks.map((block, index) => (
        <BlockNode key={index} block={block} />
      ))}
    </div>
  );
}
