/** The slug part of an entity id (`Type:slug`): the extractor names new entities with it, and so does curation. */

/** Id slug: "Nathan Lambert" → "nathan-lambert"; long paper titles are cut and suffixed by a hash. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/\^/g, '-pow-')
    .replace(/\*/g, '-star')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.(?![0-9])/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (s.length <= 64) return s || 'x';
  return `${s.slice(0, 56).replace(/-[^-]*$/, '')}-${fnv(s)}`;
}

function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0').slice(0, 6);
}
