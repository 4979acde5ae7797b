import type { EntityType } from '../model.ts';

/**
 * Surfaces that are never one of our entities whatever rule proposed them: hardware, memory and compute units,
 * programming languages, generic software acronyms, measurements, job titles. Shapes and small closed classes,
 * not names from any corpus; each row's reason says which class a dropped surface fell in.
 */
export interface NotEntityRule {
  match: RegExp;
  reason: string;
  /** Only for these types (a row about people's titles does not veto a Lab). Default: every type but Paper. */
  types?: EntityType[];
}

export const NOT_ENTITY_RULES: NotEntityRule[] = [
  { reason: 'hardware', match: /^(?:[A-Z]{1,2}\d{2,4}[A-Za-z]{0,3}s?|(?:RTX|GTX|RX|Arc)\s?\d{3,4}(?:\s?Ti)?|M\d(?:\s(?:Pro|Max|Ultra))?|TPU\s?v?\d+\w*|(?:GB|HGX|DGX|NVL)\d+\w*)$/ },
  { reason: 'compute-unit', match: /^(?:V?RAM|VRAM|HBM\d*e?|DRAM|SRAM|GPUs?|CPUs?|TPUs?|NPUs?|ASICs?|FPGAs?|FLOPs?|TFLOPs?|PFLOPs?|FP\d+|BF16|INT\d+|MXFP\d+|NVFP\d+|SoC|PCIe|NVLink|InfiniBand|CUDA|ROCm)$/i },
  { reason: 'programming-language', match: /^(?:Python|JavaScript|TypeScript|Rust|Go|Golang|Java|C\+\+|C#|Ruby|Swift|Kotlin|Scala|Julia|Haskell|Lua|PHP|Perl|Bash|SQL|HTML|CSS|Mojo|Zig|Elixir|OCaml|Fortran|MATLAB)$/ },
  { reason: 'software-acronym', match: /^(?:SDKs?|APIs?|UIs?|UX|CLIs?|IDEs?|OS|URLs?|HTTPS?|JSON|YAML|XML|CSV|PDFs?|RSS|SaaS|OSS|LLMs?|VLMs?|SLMs?|AGI|ASI|AI|ML|SOTA|UI\/UX|F1|P99|QPS|TPS|ETA|FAQ|TL;DR|PR|PRs|CI|CD|QA|R&D|IPO|GDP|ROI|B2B|B2C|CEO|CTO|VP|PhD|MVP|DM|DMs|NDA|AMA|Q&A)$/ },
  { reason: 'measurement', match: /^(?:~|\$)?\d[\d.,]*\s?(?:[KMGTP]B|[KMBT]|ms|s|x|×|%|tok\/s|tokens?|params?|k|h|hrs?|min|USD|bn)?$/i },
  { reason: 'job-title', types: ['Person', 'Method', 'Model', 'Tool'], match: /^(?:(?:Chief|Senior|Staff|Principal|Lead|Head|Founding|Former|Co-?)\s)?(?:CEO|CTO|CFO|COO|VP|President|Founder|Co-?founder|Director|Engineer|Researcher|Scientist|Professor|Manager|Analyst|Investor|Partner|Intern|Officer|Executive|Editor|Host|Guest|Author)s?(?:\sof\s.+)?$/i },
  { reason: 'place', types: ['Method', 'Model', 'Benchmark', 'Tool', 'Person', 'Dataset'], match: /^(?:United States|United Kingdom|European Union|U\.S\.|U\.K\.|US|UK|EU|China|India|Japan|Korea|South Korea|France|Germany|Canada|Europe|Asia|America|Silicon Valley|San Francisco|New York|London|Paris|Beijing|Shanghai|Shenzhen|Hangzhou|Taiwan|Singapore|Israel|Washington|Texas|California)$/ },
];

/** The rule that vetoes a surface of a type, if any. */
export function notAnEntity(surface: string, type: EntityType): NotEntityRule | undefined {
  if (type === 'Paper') return undefined;
  const s = surface.trim();
  return NOT_ENTITY_RULES.find((r) => (!r.types || r.types.includes(type)) && r.match.test(s));
}
