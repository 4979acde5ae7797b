/**
 * Restoring a shared URL: filters and layout, the console's query, the placed nodes, the expansions, the compared
 * pair — fetched in that order and applied through the state's actions — then one full layout, the focus and the panel.
 */
import { api } from './api.ts';
import * as S from './model/app-state.ts';
import type { ViewState } from './model/url-state.ts';
import { markPinned } from './time-and-issues.ts';
import type { Host } from './wiring.ts';

/** The fetching part, while commits neither lay out nor write the URL. */
export async function restoreView(app: Host, v: ViewState): Promise<void> {
  await app.commit(S.fromViewState(app.state, v));
  if (v.issue) {
    const res = await api.documentGraph(v.issue, { limit: 40 }).catch(() => null);
    if (res) await app.commit(S.showIssue(app.state, res));
    else app.toast('The issue in the link no longer exists');
  }
  if (v.query) {
    app.panels.console.setQuery(v.query, v.params ?? '{}');
    await app.panels.console.run();
  }
  await app.busy(async () => {
    const details = await Promise.all(v.nodes.map((id) => api.entity(id).catch(() => null)));
    const nodes = details.filter((d): d is NonNullable<typeof d> => !!d).map(S.entityNode);
    await app.commit(S.restoreNodes(app.state, nodes));
    if (v.nodes.length > nodes.length) app.toast(`${v.nodes.length - nodes.length} node(s) from the link no longer exist`);
  });
  for (const id of v.expanded) {
    if (!app.state.model.nodes.has(id)) {
      const d = await api.entity(id).catch(() => null);
      if (!d) continue;
      await app.commit(S.addNode(app.state, S.entityNode(d)));
    }
    await app.expand(id);
  }
  // A shared range: placed nodes without a mention in it are faded, as after choosing it.
  if (app.state.range) await markPinned(app);
  if (v.compare) {
    app.openTab('connect');
    await app.panels.connect.connect(v.compare[0], v.compare[1]);
  }
}

/** Then: the full layout, the path marked again after it, the focus, the panel, the URL. */
export async function restoreFinish(app: Host, v: ViewState): Promise<void> {
  await app.commit(app.state, { layout: 'full' });
  if (v.compare) await app.panels.connect.run();
  if (v.focus && app.state.model.nodes.has(v.focus)) app.select(v.focus, true);
  if (v.panel === 'console') app.toggleConsole(true);
  else if (v.panel === 'connect' || v.panel === 'issues' || v.panel === 'new') app.openTab(v.panel);
  await app.commit(app.state);
}
