/** Type badges and legend glyphs (the node shape in its colour, as a small SVG). */
import { nodeLook, edgeLook } from '../model/palette.ts';
import { h, svg } from './dom.ts';

const SHAPES: Record<string, string> = {
  'round-rectangle': 'M3,4 h10 a2,2 0 0 1 2,2 v4 a2,2 0 0 1 -2,2 h-10 a2,2 0 0 1 -2,-2 v-4 a2,2 0 0 1 2,-2 z',
  'round-hexagon': 'M4.5,2 L11.5,2 L15,8 L11.5,14 L4.5,14 L1,8 Z',
  ellipse: 'M8,1.5 a6.5,6.5 0 1 0 0.01,0 z',
  'round-diamond': 'M8,1 L15,8 L8,15 L1,8 Z',
  'round-triangle': 'M8,1.5 L15,14 L1,14 Z',
  'round-octagon': 'M5,1.5 L11,1.5 L14.5,5 L14.5,11 L11,14.5 L5,14.5 L1.5,11 L1.5,5 Z',
  barrel: 'M3,2 Q8,0.5 13,2 Q15,8 13,14 Q8,15.5 3,14 Q1,8 3,2 Z',
  rhomboid: 'M5,3 L15,3 L11,13 L1,13 Z',
  'round-tag': 'M1.5,3 L11,3 L15,8 L11,13 L1.5,13 Z',
};

export function shapeGlyph(type: string, size = 14): SVGSVGElement {
  const look = nodeLook(type);
  const d = SHAPES[look.shape] ?? SHAPES.ellipse!;
  return svg('svg', { width: size, height: size, viewBox: '0 0 16 16', class: 'glyph', 'aria-hidden': 'true' }, svg('path', { d, fill: look.color }));
}

export function edgeGlyph(type: string): SVGSVGElement {
  const look = edgeLook(type);
  const dash = look.line === 'dashed' ? '4 3' : look.line === 'dotted' ? '1.5 2.5' : '';
  return svg(
    'svg',
    { width: 22, height: 10, viewBox: '0 0 22 10', class: 'glyph', 'aria-hidden': 'true' },
    svg('line', { x1: 1, y1: 5, x2: look.arrow ? 16 : 21, y2: 5, stroke: look.color, 'stroke-width': 2, 'stroke-dasharray': dash }),
    look.arrow ? svg('path', { d: 'M15,1.5 L21,5 L15,8.5 Z', fill: look.color }) : null,
  );
}

export function typeBadge(type: string): HTMLElement {
  const look = nodeLook(type);
  return h('span', { class: 'badge', style: `--c:${look.color}` }, shapeGlyph(type, 11), type);
}
