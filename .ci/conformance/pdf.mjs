// A reader for just enough of a tagged PDF, as Chromium writes it, to tell
// on which pages each <article> landed: it follows the structure tree
// (PDF 1.7, 14.7) from the catalog and collects the page of every piece of
// marked content under each /Art element. It reads only uncompressed
// objects, which is where Chromium (Skia) keeps the page and structure
// trees; it does not need the compressed content streams.

// articlePages returns the number of pages and, for each /Art structure
// element in document order, the sorted 1-based page numbers it touches.
export function articlePages(buf) {
  const objs = objects(buf.toString('latin1'));
  const get = (v) => (v && v.ref !== undefined ? objs.get(v.ref) : v);
  const catalog = [...objs.values()].find((o) => o && o.Type === 'Catalog');
  if (!catalog) throw new Error('pdf: no catalog');

  const pageNo = new Map();
  const walkPages = (node) => {
    for (const kid of node.Kids || []) {
      const o = get(kid);
      if (o.Type === 'Pages') walkPages(o);
      else pageNo.set(kid.ref, pageNo.size + 1);
    }
  };
  walkPages(get(catalog.Pages));

  const articles = [];
  const collect = (v, pg, into) => {
    if (Array.isArray(v)) {
      for (const k of v) collect(k, pg, into);
      return;
    }
    if (typeof v === 'number') { // a marked-content id on page pg
      if (pg) into.add(pageNo.get(pg.ref));
      return;
    }
    const o = get(v);
    if (!o || typeof o !== 'object') return;
    const here = o.Pg || pg;
    if (o.Type === 'MCR' || o.Type === 'OBJR') {
      if (here) into.add(pageNo.get(here.ref));
      return;
    }
    if (o.S === 'Art') {
      const mine = new Set();
      articles.push(mine);
      collect(o.K, here, mine);
      for (const p of mine) into.add(p);
      return;
    }
    collect(o.K, here, into);
  };
  if (!catalog.StructTreeRoot) throw new Error('pdf: not tagged (no StructTreeRoot)');
  collect(get(catalog.StructTreeRoot).K, null, new Set());
  return {
    pages: pageNo.size,
    articles: articles.map((s) => [...s].sort((a, b) => a - b)),
  };
}

// objects maps each object number to its parsed value (a stream's
// dictionary for a stream object).
function objects(s) {
  const out = new Map();
  const head = /(\d+) (\d+) obj\b/g;
  let m;
  while ((m = head.exec(s)) !== null) {
    const p = new Parser(s, head.lastIndex);
    out.set(Number(m[1]), p.value());
    p.space();
    if (s.startsWith('stream', p.i)) {
      const end = s.indexOf('endstream', p.i);
      if (end < 0) break;
      head.lastIndex = end;
    } else {
      head.lastIndex = p.i;
    }
  }
  return out;
}

// Parser reads PDF values: dictionaries, arrays, names, numbers, strings,
// references and keywords.
class Parser {
  constructor(s, i) {
    this.s = s;
    this.i = i;
  }

  space() {
    const s = this.s;
    for (;;) {
      while (this.i < s.length && ' \t\r\n\f\0'.includes(s[this.i])) this.i++;
      if (s[this.i] !== '%') return;
      while (this.i < s.length && s[this.i] !== '\n' && s[this.i] !== '\r') this.i++;
    }
  }

  value() {
    this.space();
    const s = this.s;
    if (s.startsWith('<<', this.i)) {
      this.i += 2;
      const d = {};
      for (;;) {
        this.space();
        if (s.startsWith('>>', this.i)) {
          this.i += 2;
          return d;
        }
        const key = this.value();
        if (typeof key !== 'object' || key.name === undefined) throw new Error(`pdf: bad key at ${this.i}`);
        d[key.name] = this.value();
        if (typeof d[key.name] === 'object' && d[key.name] !== null && d[key.name].name !== undefined) {
          d[key.name] = d[key.name].name;
        }
      }
    }
    const c = s[this.i];
    if (c === '[') {
      this.i++;
      const a = [];
      for (;;) {
        this.space();
        if (s[this.i] === ']') {
          this.i++;
          return a;
        }
        a.push(this.value());
      }
    }
    if (c === '/') {
      const m = /^\/[^\s/<>[\]()%{}]*/.exec(s.slice(this.i, this.i + 128));
      this.i += m[0].length;
      return { name: m[0].slice(1) };
    }
    if (c === '(') return this.string();
    if (c === '<') {
      const end = s.indexOf('>', this.i);
      const hex = s.slice(this.i + 1, end);
      this.i = end + 1;
      return { hex };
    }
    const num = /^[+-]?(\d+\.?\d*|\.\d+)/.exec(s.slice(this.i, this.i + 32));
    if (num) {
      this.i += num[0].length;
      const ref = /^\s+(\d+)\s+R\b/.exec(s.slice(this.i, this.i + 32));
      if (ref && Number.isInteger(Number(num[0]))) {
        this.i += ref[0].length;
        return { ref: Number(num[0]) };
      }
      return Number(num[0]);
    }
    const word = /^[a-z]+/.exec(s.slice(this.i, this.i + 16));
    if (word) {
      this.i += word[0].length;
      return { true: true, false: false, null: null }[word[0]];
    }
    throw new Error(`pdf: unexpected ${JSON.stringify(s.slice(this.i, this.i + 16))} at ${this.i}`);
  }

  string() {
    const s = this.s;
    let depth = 0;
    let out = '';
    for (this.i++; this.i < s.length; this.i++) {
      const c = s[this.i];
      if (c === '\\') {
        out += s[++this.i];
        continue;
      }
      if (c === '(') depth++;
      if (c === ')' && depth-- === 0) {
        this.i++;
        return { string: out };
      }
      out += c;
    }
    throw new Error('pdf: unterminated string');
  }
}
