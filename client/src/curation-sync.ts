/**
 * Keeps the canvas in step with a curation decision the server has just applied or undone (ui/curation.ts asks):
 * fetches the entities the decision names and hands them to the pure canvas updates of model/curation.ts.
 */
import type { CurationCreated, CurationDecision, CurationRequest, EntityDetail } from '../../contract/api.ts';
import { namedIds, producedId } from '../../core/curation.ts';
import { api } from './api.ts';
import * as S from './model/app-state.ts';
import { dropEdge, replaceNode, updateNode } from './model/curation.ts';
import type { CurationHost } from './ui/curation.ts';
import type { Host } from './wiring.ts';

const fetchEntity = (id: string): Promise<EntityDetail | null> => api.entity(id).catch(() => null);

export function curationHost(app: Host): CurationHost {
  const onCanvas = (id: string) => app.state.model.nodes.has(id);
  /**
   * A label changed in place: Cytoscape keeps the label's old bounds (a data update inside sync's batch does not
   * dirty them), so the next animated layout draws the new text clipped to the old width. Setting the position
   * again dirties them.
   */
  const relabelled = (ids: Iterable<string>) => {
    for (const id of ids) {
      const ele = app.view.cy.getElementById(id);
      if (ele.nonempty()) ele.position({ ...ele.position() });
    }
  };
  /** Shows an entity: its node refreshed (or placed) and selected, its details drawn again. */
  const show = async (d: EntityDetail) => {
    const node = S.entityNode(d);
    if (onCanvas(d.id)) {
      await app.commit(updateNode(app.state, d.id, { label: node.label, mentionCount: node.mentionCount }));
      relabelled([d.id]);
      app.select(d.id, true);
      void app.panels.details.showNode(app.state.model.nodes.get(d.id)!);
    } else await app.place(node);
  };

  return {
    labelOf: (id) => app.labelOf(id),
    toast: (m, kind) => app.toast(m, kind),

    async applied(input: CurationRequest, result: CurationCreated) {
      const shown = result.entityId ? await fetchEntity(result.entityId) : null;
      switch (input.action) {
        case 'merge':
        case 'retype': {
          const from = input.action === 'merge' ? input.from : input.id;
          if (shown && onCanvas(from)) await app.commit(replaceNode(app.state, from, S.entityNode(shown)));
          break;
        }
        case 'delete':
          if (onCanvas(input.id)) await app.commit(S.remove(app.state, input.id));
          app.panels.details.empty();
          return;
        case 'reject-relation':
          await app.commit(dropEdge(app.state, input.source, input.type, input.target));
          break;
        case 'split-alias': {
          if (result.gone.includes(input.id)) {
            if (onCanvas(input.id)) await app.commit(S.remove(app.state, input.id));
            break;
          }
          const rest = await fetchEntity(input.id);
          if (rest && onCanvas(input.id)) await app.commit(updateNode(app.state, input.id, { mentionCount: rest.mentionCount }));
          break;
        }
        default:
          break;
      }
      if (shown) await show(shown);
    },

    async undone(decision: CurationDecision, gone: readonly string[]) {
      const input = decision.input;
      const made = producedId(input);
      const ids = [...new Set([...namedIds(input), ...(made ? [made] : [])])];
      const found = new Map(await Promise.all(ids.map(async (id) => [id, gone.includes(id) ? null : await fetchEntity(id)] as const)));
      let s = app.state;
      // A retype undone: the original id comes back where the retyped node was.
      const original = input.action === 'retype' ? found.get(input.id) : null;
      if (made && original && s.model.nodes.has(made) && !found.get(made)) s = replaceNode(s, made, S.entityNode(original));
      for (const id of ids) {
        const d = found.get(id);
        if (!s.model.nodes.has(id)) continue;
        s = d ? updateNode(s, id, { label: d.name, mentionCount: d.mentionCount }) : S.remove(s, id);
      }
      await app.commit(s);
      relabelled(ids);
      const primary = input.action === 'merge' ? input.from : input.action === 'reject-relation' ? input.source : input.id;
      const d = found.get(primary);
      // From the Curation tab (undoing several in a row): the entity comes back on the canvas, the tab stays, and
      // the details behind it are drawn again for whatever is selected.
      if (app.state.tab === 'curation') {
        if (d && !onCanvas(d.id)) await app.commit(S.place(app.state, S.entityNode(d)), { layout: 'incremental' });
        const focus = app.state.focus ? app.state.model.nodes.get(app.state.focus) : undefined;
        if (focus) void app.panels.details.showNode(focus);
        else app.panels.details.empty();
      } else if (d) await show(d);
    },
  };
}
