import type { StructureSpan } from '../model.ts';

/**
 * Speaker labels of transcripts and interviews: a short capitalised name at the start of a line (after an
 * optional timestamp or within a bold lead-in), then a colon, that recurs — one "Note:" is a heading, a name that
 * opens several turns is a speaker. Offsets cover the name only.
 */
const LABEL = /^(?:[[(]?\d{1,2}(?::\d{2}){1,2}[\])]?\s*[-–]?\s*)?([\p{Lu}][\p{L}’'.-]*(?: (?:[\p{Lu}][\p{L}’'.-]*|de|van|von|der|da|di|le|la)){0,3})\s*(?:\([^)\n]{1,40}\)\s*)?:(?=\s|$)/u;
/** Single words that open a line with a colon without naming anyone. */
const NOT_A_SPEAKER = /^(?:Note|Notes|Update|Edit|Source|Sources|Example|Examples|Answer|Question|Summary|Link|Links|Paper|Code|Disclaimer|Caveat|Correction|Context|Important|Warning|Tip|Bonus|Update|Why|What|How|Who|When|Where|Result|Results|Takeaway|Takeaways|Pros|Cons|Abstract|Tl;dr|TL;DR|Step|Part|Chapter|Section|Figure|Table|Date|Title|Published|Posted|Episode|Guest|Host|Transcript|Timestamps?|Chapters|Also|Plus|Verdict|Status|Problem|Solution|Goal|Idea|Thesis|Claim|Reason|Prompt|Response|User|Assistant|System|Model|Input|Output|Human|Q|A)$/;
const MIN_TURNS = 2;

export function speakerLabels(text: string, structure: StructureSpan[] = []): StructureSpan[] {
  const code = structure.filter((s) => s.kind === 'code');
  const found: Array<{ name: string; start: number; end: number }> = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd);
    const lead = /^(?:[•>]\s*)?/.exec(line)![0].length;
    const m = LABEL.exec(line.slice(lead));
    if (m && !code.some((c) => c.start <= lineStart && lineStart < c.end)) {
      const name = m[1]!.replace(/[.’'-]+$/, '');
      const start = lineStart + lead + m[0].indexOf(m[1]!);
      if (!NOT_A_SPEAKER.test(name) && name.length >= 2) found.push({ name, start, end: start + name.length });
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  const turns = new Map<string, number>();
  for (const f of found) turns.set(f.name, (turns.get(f.name) ?? 0) + 1);
  return found.filter((f) => (turns.get(f.name) ?? 0) >= MIN_TURNS).map((f) => ({ kind: 'speaker' as const, start: f.start, end: f.end }));
}
