/**
 * The Cypher console: CodeMirror 6 with Cypher highlighting and completion (keywords, labels, relationship
 * types, property keys from the graph), a JSON parameters box, Ctrl-Enter to run, examples, results as a table
 * (the graph goes to the canvas), errors and refusals inline.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, closeCompletion, completionKeymap, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, indentOnInput, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';
import { EditorState, Prec } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import type { CypherResponse } from '../../../contract/api.ts';
import { api, ApiError } from '../api.ts';
import { editorOffset, NODE_KEYS_QUERY, propertyKeysFor, REL_KEYS_QUERY, tokenEnd, variableBefore, type PropertySchema } from '../model/cypher-text.ts';
import { formatValue, relationshipParts, valueContext, type ValueContext } from '../model/cypher-values.ts';
import { clear, errorBox, h, spinner } from './dom.ts';

const EXAMPLES: { title: string; query: string; params?: Record<string, unknown> }[] = [
  {
    title: 'Methods that improve on GRPO',
    query: 'MATCH (m:Method)-[r:IMPROVES_ON|VARIANT_OF]->(g:Method)\nWHERE toLower(g.name) = toLower($name)\nRETURN m, r, g',
    params: { name: 'GRPO' },
  },
  {
    title: 'Every issue mentioning NVIDIA',
    query: 'MATCH (d:Document)-[r:MENTIONS]->(e:Entity)\nWHERE toLower(e.name) CONTAINS toLower($name)\nRETURN d, r, e\nORDER BY d.date',
    params: { name: 'NVIDIA' },
  },
  { title: 'People and their labs', query: 'MATCH (p:Person)-[r:AFFILIATED_WITH|FROM_LAB]->(l:Lab)\nRETURN p, r, l\nLIMIT 100' },
  { title: 'Benchmarks methods were evaluated on', query: 'MATCH (m)-[r:EVALUATED_ON]->(b:Benchmark)\nRETURN m, r, b\nLIMIT 150' },
  { title: 'Method lineages (improves on / variant of)', query: 'MATCH p = (:Method)-[:IMPROVES_ON|VARIANT_OF*1..3]->(:Method)\nRETURN p\nLIMIT 100' },
  { title: 'What papers propose', query: 'MATCH (p:Paper)-[r:PROPOSES|INTRODUCES]->(x)\nRETURN p, r, x\nLIMIT 100' },
  { title: 'Tools and what uses them', query: 'MATCH (x)-[r:USES]->(t:Tool)\nRETURN x, r, t\nLIMIT 100' },
  {
    title: 'Most-mentioned entities (table)',
    query: 'MATCH (:Document)-[r:MENTIONS]->(e:Entity)\nRETURN e.type AS type, e.name AS name, sum(r.count) AS mentions\nORDER BY mentions DESC\nLIMIT 25',
  },
];

const KEYWORDS = [
  'MATCH', 'OPTIONAL MATCH', 'WHERE', 'RETURN', 'WITH', 'UNWIND', 'ORDER BY', 'LIMIT', 'SKIP', 'DISTINCT', 'AS', 'AND', 'OR', 'NOT',
  'IN', 'IS NULL', 'IS NOT NULL', 'CONTAINS', 'STARTS WITH', 'ENDS WITH', 'CALL', 'YIELD', 'UNION', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END',
  'EXISTS', 'COUNT', 'DESC', 'ASC',
];
const FUNCTIONS = ['count', 'collect', 'sum', 'avg', 'min', 'max', 'toLower', 'toUpper', 'size', 'labels', 'type', 'id', 'elementId', 'nodes', 'relationships', 'coalesce', 'head', 'last', 'keys', 'properties', 'startNode', 'endNode', 'shortestPath', 'allShortestPaths', 'length', 'date', 'toString', 'toInteger'];

export interface Vocabulary {
  labels: string[];
  relTypes: string[];
  propertyKeys: string[];
  /** Property keys per label and per relationship type (sampled), for `n.` after `(n:Label)`. */
  schema?: PropertySchema;
}


/** Completion from the keywords and the graph's vocabulary: `:` → labels/types, `.` → property keys, `$` → params. */
function cypherCompletion(vocab: () => Vocabulary, params: () => string[]) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const word = ctx.matchBefore(/[:.$]?[\w`]*/);
    if (!word || (word.from === word.to && !ctx.explicit)) return null;
    const v = vocab();
    const first = word.text[0];
    if (first === ':') {
      const before = ctx.state.sliceDoc(Math.max(0, word.from - 40), word.from);
      const inRel = before.lastIndexOf('[') > before.lastIndexOf(']') && before.lastIndexOf('[') > before.lastIndexOf('(');
      const opts: Completion[] = inRel
        ? v.relTypes.map((l) => ({ label: l, type: 'type', detail: 'relationship' }))
        : [...v.labels.map((l) => ({ label: l, type: 'class', detail: 'label' })), ...v.relTypes.map((l) => ({ label: l, type: 'type', detail: 'relationship', boost: -1 }))];
      return { from: word.from + 1, options: opts, validFor: /^[\w`]*$/ };
    }
    if (first === '.') {
      // Only the keys of the label the variable was given, when the query says which (`(n:Lab)` … `n.`).
      const variable = variableBefore(ctx.state.sliceDoc(0, word.from), word.from);
      const keys = variable && v.schema ? propertyKeysFor(variable, ctx.state.doc.toString(), v.schema) : v.propertyKeys;
      return { from: word.from + 1, options: keys.map((k) => ({ label: k, type: 'property' })), validFor: /^\w*$/ };
    }
    if (first === '$') return { from: word.from + 1, options: params().map((k) => ({ label: k, type: 'variable', detail: 'param' })), validFor: /^\w*$/ };
    return {
      from: word.from,
      options: [
        ...KEYWORDS.map((k) => ({ label: k, type: 'keyword' })),
        ...FUNCTIONS.map((f) => ({ label: f, type: 'function', apply: `${f}(` })),
        ...v.labels.map((l) => ({ label: l, type: 'class', detail: 'label', boost: -2 })),
      ],
      validFor: /^\w*$/,
    };
  };
}

const highlight = HighlightStyle.define([
  { tag: t.keyword, color: '#c792ea', fontWeight: '600' },
  { tag: [t.string, t.special(t.string)], color: '#c3e88d' },
  { tag: [t.number, t.bool, t.null], color: '#f78c6c' },
  { tag: [t.variableName, t.name], color: '#e6edf3' },
  { tag: [t.function(t.variableName), t.standard(t.name)], color: '#82aaff' },
  { tag: [t.typeName, t.atom, t.propertyName], color: '#ffcb6b' },
  { tag: t.comment, color: '#6b7687', fontStyle: 'italic' },
  { tag: [t.operator, t.punctuation, t.bracket], color: '#89ddff' },
]);

const theme = EditorView.theme(
  {
    '&': { backgroundColor: '#0b1016', color: '#e6edf3', fontSize: '13px', height: '100%' },
    '.cm-content': { fontFamily: 'JetBrains Mono, ui-monospace, SFMono-Regular, Menlo, monospace', caretColor: '#ffd166' },
    '.cm-gutters': { backgroundColor: '#0b1016', color: '#4b5666', border: 'none' },
    '.cm-activeLine': { backgroundColor: '#ffffff08' },
    '.cm-activeLineGutter': { backgroundColor: '#ffffff08' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: '#3a4a63 !important' },
    '.cm-tooltip': { backgroundColor: '#17202b', border: '1px solid #2c3644', color: '#e6edf3' },
    '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: '#2b3f5c', color: '#fff' },
    '.cm-tooltip-lint': { maxWidth: '480px' },
    '&.cm-focused': { outline: 'none' },
    '.cm-scroller': { overflow: 'auto' },
  },
  { dark: true },
);

export interface ConsoleActions {
  /** Puts the result graph on the canvas; returns how many nodes were drawn. */
  showGraph(res: CypherResponse, query: string, params: string): number;
  stateChanged(query: string, params: string): void;
}

export class CypherConsole {
  readonly el: HTMLElement;
  readonly view: EditorView;
  private readonly params = h('textarea', { class: 'params', spellcheck: false, testid: 'console-params', 'aria-label': 'Query parameters (JSON)', placeholder: '{ "name": "GRPO" }', rows: 3 });
  private readonly results = h('div', { class: 'results', testid: 'console-results' });
  private readonly runBtn: HTMLButtonElement;
  private vocab: Vocabulary = { labels: [], relTypes: [], propertyKeys: [] };
  private vocabLoaded = false;
  private ctrl: AbortController | null = null;

  constructor(private readonly actions: ConsoleActions) {
    this.view = new EditorView({
      parent: h('div'),
      state: EditorState.create({
        doc: EXAMPLES[0]!.query,
        extensions: [
          // Running closes the completion popup, which would otherwise stay open over the results.
          Prec.highest(
            keymap.of([
              { key: 'Mod-Enter', run: (v) => (closeCompletion(v), void this.run(), true) },
              { key: 'Shift-Enter', run: (v) => (closeCompletion(v), void this.run(), true) },
            ]),
          ),
          lintGutter(),
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
          StreamLanguage.define(cypher),
          syntaxHighlighting(highlight),
          theme,
          placeholder('MATCH (n:Method) RETURN n LIMIT 25'),
          autocompletion({ override: [cypherCompletion(() => this.vocab, () => this.paramNames())], activateOnTyping: true }),
          EditorView.contentAttributes.of({ 'aria-label': 'Cypher query', 'data-testid': 'console-editor' }),
        ],
      }),
    });
    this.params.value = JSON.stringify(EXAMPLES[0]!.params ?? {});
    this.params.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.run();
      }
    });
    this.runBtn = h('button', { class: 'primary', testid: 'console-run', title: 'Run (Ctrl-Enter)', onclick: () => void this.run() }, '▶ Run');
    const examples = h(
      'select',
      {
        testid: 'console-examples',
        'aria-label': 'Example queries',
        onchange: (e: Event) => {
          const sel = e.target as HTMLSelectElement;
          const ex = EXAMPLES[Number(sel.value)];
          if (ex) this.setQuery(ex.query, JSON.stringify(ex.params ?? {}));
          sel.value = '';
        },
      },
      h('option', { value: '' }, 'Examples…'),
      ...EXAMPLES.map((ex, i) => h('option', { value: String(i) }, ex.title)),
    );
    this.el = h(
      'div',
      { class: 'console', testid: 'console' },
      h(
        'div',
        { class: 'console-input' },
        h('div', { class: 'editor-wrap' }, this.view.dom),
        h(
          'div',
          { class: 'console-side' },
          h('label', null, 'Parameters (JSON)', this.params),
          h('div', { class: 'row' }, examples, this.runBtn),
          h('p', { class: 'muted hint' }, 'Ctrl-Enter runs · Ctrl-Space completes · read-only'),
        ),
      ),
      this.results,
    );
    clear(this.results, h('p', { class: 'muted' }, 'Results appear here; nodes and relationships are drawn on the canvas.'));
  }

  private paramNames(): string[] {
    try {
      return Object.keys(JSON.parse(this.params.value || '{}') as object);
    } catch {
      return [];
    }
  }

  setQuery(query: string, params = '{}'): void {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: query } });
    this.params.value = params;
  }

  get query(): string {
    return this.view.state.doc.toString();
  }
  get paramsText(): string {
    return this.params.value;
  }

  /** Loads labels, relationship types and property keys for completion (once). */
  async loadVocabulary(): Promise<void> {
    if (this.vocabLoaded) return;
    this.vocabLoaded = true;
    const col = async (q: string) => {
      try {
        const r = await api.cypher(q);
        return r.rows.map((row) => String(row[0]));
      } catch {
        return [];
      }
    };
    const keyTable = async (q: string) => {
      try {
        const r = await api.cypher(q);
        return new Map(r.rows.map((row) => [String(row[0]), (row[1] as unknown[]).map(String).sort()]));
      } catch {
        return new Map<string, string[]>();
      }
    };
    const [labels, relTypes, propertyKeys, nodeKeys, relKeys] = await Promise.all([
      col('CALL db.labels()'),
      col('CALL db.relationshipTypes()'),
      col('CALL db.propertyKeys()'),
      keyTable(NODE_KEYS_QUERY),
      keyTable(REL_KEYS_QUERY),
    ]);
    if (!labels.length) {
      try {
        const s = await api.stats();
        labels.push(...s.entitiesByType.map((x) => x.type), 'Document', 'Entity', 'Mention');
        relTypes.push(...s.relationsByType.map((x) => x.type), 'MENTIONS');
      } catch {
        /* completion falls back to keywords */
      }
    }
    this.vocab = { labels, relTypes, propertyKeys, schema: { nodeKeys, relKeys, all: propertyKeys } };
  }

  focus(): void {
    this.view.focus();
  }

  async run(): Promise<void> {
    closeCompletion(this.view);
    this.view.dispatch(setDiagnostics(this.view.state, []));
    const query = this.query.trim();
    if (!query) {
      clear(this.results, errorBox('Write a query first.'));
      return;
    }
    let params: Record<string, unknown> = {};
    const ptext = this.params.value.trim();
    if (ptext) {
      try {
        const parsed: unknown = JSON.parse(ptext);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('parameters must be a JSON object');
        params = parsed as Record<string, unknown>;
      } catch (err) {
        clear(this.results, errorBox(`Parameters: ${(err as Error).message}`));
        return;
      }
    }
    this.ctrl?.abort();
    this.ctrl = new AbortController();
    this.runBtn.disabled = true;
    clear(this.results, spinner('Running…'));
    try {
      const res = await api.cypher(query, params, this.ctrl.signal);
      const drawn = this.actions.showGraph(res, query, ptext);
      this.actions.stateChanged(query, ptext);
      this.renderTable(res, drawn);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      const e = err instanceof ApiError ? err : null;
      this.markError(e);
      clear(
        this.results,
        h(
          'div',
          { class: 'error-box', role: 'alert', testid: 'console-error' },
          h('b', null, e ? (/forbidden|refus|read.?only|write/i.test(e.code) || e.status === 403 ? 'Refused' : `${e.code}`) : 'Error'),
          ': ',
          e ? e.message : String(err),
        ),
      );
    } finally {
      this.runBtn.disabled = false;
    }
  }

  /** Underlines the error where the server says it is (in the query as sent) and puts the cursor there. */
  private markError(e: ApiError | null): void {
    const pos = (e?.details as { position?: { offset?: unknown } } | undefined)?.position;
    if (!e || typeof pos?.offset !== 'number') return;
    const doc = this.view.state.doc.toString();
    const from = editorOffset(doc, pos.offset);
    const to = Math.max(from + (from < doc.length ? 1 : 0), tokenEnd(doc, from));
    // Neo4j lists every token it expected: the underline's tooltip keeps the gist and the position.
    const first = e.message.split('\n')[0] ?? e.message;
    const where = /\(line \d+, column \d+/.exec(first)?.[0];
    const gist = first.split(/: expected /)[0]!;
    const message = gist.length < first.length && where ? `${gist} ${where})` : first.length > 160 ? `${first.slice(0, 159)}…` : first;
    this.view.dispatch(setDiagnostics(this.view.state, [{ from, to, severity: 'error', message, source: e.code }]), {
      selection: { anchor: from },
      scrollIntoView: true,
    });
  }

  private renderTable(res: CypherResponse, drawn: number) {
    const ctx = valueContext(res);
    const s = res.summary;
    const shown = res.rows.slice(0, 500);
    clear(
      this.results,
      h(
        'p',
        { class: 'summary', testid: 'console-summary' },
        `${s.rowCount.toLocaleString('en')} row${s.rowCount === 1 ? '' : 's'} · ${Math.round(s.timeMs)} ms`,
        drawn ? ` · ${res.graph.nodes.length} nodes, ${res.graph.edges.length} relationships drawn` : ' · no graph elements',
        s.truncated ? h('span', { class: 'warn' }, ' · truncated') : null,
      ),
      res.columns.length
        ? h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              { class: 'grid', testid: 'console-table' },
              h('thead', null, h('tr', null, ...res.columns.map((c) => h('th', null, c)))),
              h('tbody', null, ...shown.map((row) => h('tr', null, ...row.map((v) => cell(v, ctx))))),
            ),
          )
        : null,
      res.rows.length > shown.length ? h('p', { class: 'muted' }, `First ${shown.length} rows shown.`) : null,
    );
  }
}

/**
 * A compact cell (model/cypher-values.ts): nodes by name and label; a relationship as (a)-[:TYPE]->(b) with its
 * properties on a second, quieter line; the whole text in the tooltip.
 */
function cell(v: unknown, ctx: ValueContext): HTMLElement {
  const text = formatValue(v, ctx);
  const rel = relationshipParts(v, ctx);
  if (!rel) return h('td', { title: text.length > 60 ? text : undefined }, text);
  return h('td', { class: 'rel-cell', title: text }, h('div', { testid: 'rel-pattern' }, rel.pattern), rel.props ? h('div', { class: 'rel-props' }, rel.props) : null);
}
