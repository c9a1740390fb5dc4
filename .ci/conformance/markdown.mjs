// Parses a Markdown document with the CommonMark reference parser
// (commonmark.js) and with markdown-it in its default GitHub-like mode plus
// linkify (GitHub turns bare URLs into links), and reports the blocks each
// one sees, in document order: headings with their level, paragraphs,
// code blocks and raw HTML, each with its text and the kinds of inline
// nodes it is made of.
//
// stdin:  {markdown}
// stdout: {commonmark: {version, blocks}, markdownit: {version, blocks}}

import { input, output, tools, version } from './lib.mjs';

const require = tools();
const commonmark = require('commonmark');
const MarkdownIt = require('markdown-it');

const { markdown } = await input();
output({
  commonmark: { version: version('commonmark'), blocks: fromCommonmark(markdown) },
  markdownit: { version: version('markdown-it'), blocks: fromMarkdownIt(markdown) },
});

// A block is {type, level?, info?, container, text, inlines}: container is
// the innermost enclosing block ('document', 'item', 'block_quote'), so a
// section's paragraphs can be told from a list's.
function fromCommonmark(src) {
  const doc = new commonmark.Parser().parse(src);
  const blocks = [];
  const walker = doc.walker();
  let ev;
  while ((ev = walker.next())) {
    const n = ev.node;
    if (!ev.entering) continue;
    const container = n.parent ? n.parent.type : 'document';
    switch (n.type) {
      case 'heading':
      case 'paragraph': {
        const b = { type: n.type, container, ...inlineText(n) };
        if (n.type === 'heading') b.level = n.level;
        blocks.push(b);
        break;
      }
      case 'code_block':
        blocks.push({ type: 'code', info: n.info || '', container, text: n.literal, inlines: [] });
        break;
      case 'html_block':
        blocks.push({ type: 'html', container, text: n.literal, inlines: [] });
        break;
    }
  }
  return blocks;
}

function inlineText(block) {
  let text = '';
  const inlines = new Set();
  const w = block.walker();
  let ev;
  while ((ev = w.next())) {
    const n = ev.node;
    if (!ev.entering || n === block) continue;
    inlines.add(n.type);
    if (n.type === 'text' || n.type === 'code') text += n.literal;
    else if (n.type === 'softbreak' || n.type === 'linebreak') text += '\n';
  }
  return { text, inlines: [...inlines].sort() };
}

function fromMarkdownIt(src) {
  const md = new MarkdownIt({ html: true, linkify: true });
  const tokens = md.parse(src, {});
  const blocks = [];
  const stack = ['document'];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const container = stack[stack.length - 1];
    if (t.nesting === 1) {
      if (t.type === 'heading_open' || t.type === 'paragraph_open') {
        const b = { type: t.type === 'heading_open' ? 'heading' : 'paragraph', container, ...inlineTokens(tokens[i + 1]) };
        if (b.type === 'heading') b.level = Number(t.tag.slice(1));
        blocks.push(b);
      }
      stack.push(containerName(t.type));
    } else if (t.nesting === -1) {
      stack.pop();
    } else if (t.type === 'fence' || t.type === 'code_block') {
      blocks.push({ type: 'code', info: t.info || '', container, text: t.content, inlines: [] });
    } else if (t.type === 'html_block') {
      blocks.push({ type: 'html', container, text: t.content, inlines: [] });
    }
  }
  return blocks;
}

// containerName names markdown-it's containers as commonmark.js does.
function containerName(open) {
  return { list_item_open: 'item', blockquote_open: 'block_quote', heading_open: 'heading', paragraph_open: 'paragraph' }[open] || open.replace(/_open$/, '');
}

// commonmarkName names markdown-it's inline tokens as commonmark.js names
// its nodes, so the two parsers' findings can be compared.
function commonmarkName(t) {
  return { em: 'emph', code_inline: 'code', hardbreak: 'linebreak', s: 'strikethrough' }[t] || t;
}

function inlineTokens(inline) {
  let text = '';
  const inlines = new Set();
  for (const c of inline.children || []) {
    inlines.add(commonmarkName(c.type.replace(/_(open|close)$/, '')));
    if (c.type === 'text' || c.type === 'code_inline') text += c.content;
    else if (c.type === 'softbreak' || c.type === 'hardbreak') text += '\n';
  }
  return { text, inlines: [...inlines].sort() };
}
