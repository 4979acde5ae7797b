/**
 * The time filter, the issue browser and "What is new" as bridge actions: each reads the current state, fetches,
 * hands the answer to a pure action of model/app-state.ts and commits — like restore.ts, on the Host of main.ts.
 */
import type { TrendsResponse } from '../../contract/api.ts';
import { api } from './api.ts';
import * as S from './model/app-state.ts';
import { rangeQuery, sameRange, type DateRange } from './model/time-range.ts';
import { trendsElements } from './model/trends-graph.ts';
import type { Host } from './wiring.ts';

/** Entities whose in-range mention counts are fetched after a change of range (the rest keep theirs). */
const MARK_LIMIT = 60;

/**
 * A new time filter: the canvas is rebuilt under it — pinned nodes stay, every expansion is fetched again with the
 * range, nodes without a mention in it are faded, a compared pair is connected again — and the open panels follow.
 */
export function applyRange(app: Host, range: DateRange | null): Promise<void> {
  // One rebuild at a time, and only for the latest range asked for: two quick changes (the two day inputs) must not
  // interleave their expansions (an expansion fetched for the first would land after the second's rebuild).
  wanted = range;
  rebuilding = rebuilding.then(() => (sameRange(wanted, range) ? rebuildForRange(app, range) : undefined));
  return rebuilding;
}
let wanted: DateRange | null = null;
let rebuilding: Promise<void> = Promise.resolve();

async function rebuildForRange(app: Host, range: DateRange | null): Promise<void> {
  if (sameRange(range, app.state.range)) return;
  await app.commit(S.setRange(app.state, range));
  const { state, expand } = S.rangeRebuild(app.state);
  await app.commit(state);
  await app.busy(async () => {
    for (const id of expand) await app.expand(id);
    await markPinned(app, { layout: 'full' });
    if (app.state.compare) await app.panels.connect.run();
  });
  const focus = app.state.focus ? app.state.model.nodes.get(app.state.focus) : undefined;
  if (focus) void app.panels.details.showNode(focus);
  refreshTab(app);
}

/** Pinned entities get their mention counts in the range; those with none are faded (model/app-state.ts markInRange). */
export async function markPinned(app: Host, opts: { layout?: 'full' | false } = {}): Promise<void> {
  const r = rangeQuery(app.state.range);
  const entities = [...app.state.model.pinned].filter((id) => app.state.model.nodes.get(id)?.kind === 'entity').slice(0, MARK_LIMIT);
  const counts = await Promise.all(entities.map(async (id) => [id, (await api.entity(id, undefined, r).catch(() => null))?.mentionCount ?? null] as const));
  await app.commit(S.markInRange(app.state, new Map(counts.filter((c): c is readonly [string, number] => c[1] !== null))), { layout: opts.layout ?? false });
}

/** The Issues and New tabs list what the time filter lets through: reload the one showing. */
export function refreshTab(app: Host): void {
  if (app.state.tab === 'issues') void app.panels.issues.load();
  if (app.state.tab === 'new') void app.panels.whatsNew.load();
}

/** Opens an issue: it and its most mentioned entities, with the relations it states, replace the canvas. */
export async function openIssue(app: Host, id: string, opts: { select?: boolean } = {}): Promise<void> {
  await app.busy(async () => {
    const res = await api.documentGraph(id, { limit: 40 });
    app.view.markPath(null); // a path marked before fades what is not on it
    await app.commit(S.showIssue(app.state, res), { layout: 'full' });
    app.panels.issues.setCurrent(id);
    // A node selected before stays selected in Cytoscape unless told otherwise (and its details would stay).
    app.select(opts.select ? id : null, true);
    if (!opts.select) app.view.fit();
    if (res.more) app.toast(`${res.elements.nodes.length - 1} of the issue's ${res.total} entities shown (most mentioned first)`);
  });
}

/** Connect, starting from an issue: the Connect tab with it as the first end, the second asked for. */
export function connectFrom(app: Host, id: string, label: string): void {
  app.openTab('connect');
  app.panels.connect.startFrom(id, label);
}

/** What is new, on the canvas: new and rising entities joined by the relations first stated in the period. */
export async function showTrends(app: Host, res: TrendsResponse): Promise<void> {
  const elements = trendsElements(res);
  if (!elements.nodes.length) return app.toast('Nothing new in this period');
  app.view.markPath(null);
  await app.commit(S.trendsResult(app.state, elements), { layout: 'full' });
  app.view.fit();
}
