/**
 * The model-name grammar: a family word, a version, then size and variant parts — "Family 4 Variant",
 * "Family3-235B-A22B", "Family3-8B-Base", "Family3-1.7B/4B/8B-Base" (slash-compressed sizes, one model each),
 * and the lower-case shapes "o3", "o4-mini", "gpt-oss-120b". Names only, no list of this corpus's models: what
 * makes a run a model is its shape, and each row says which shape is enough on its own.
 */
export interface ModelShapeRule {
  reason: string;
  /** Whole-name test on the candidate run (family, version, parts already split out). */
  accept: (run: ModelRun) => boolean;
  /** 2: the name is a model by shape alone (a size like 7B); 1: a family + version that context must not veto. */
  strength: number;
}

export interface ModelRun {
  family: string;
  version: string | null;
  /** Size parts: "7B", "A22B", "8x7B". */
  sizes: string[];
  /** Variant words: "Instruct", "Base", "Pro", "mini". */
  variants: string[];
  knownFamily: boolean;
  /** The family word is an English word ("Plague Opus 4.5" is a headline, not a family). */
  familyIsWord: boolean;
}

/** Variant words a model name may carry after its version or size. */
export const VARIANT_WORDS = [
  'Instruct', 'Base', 'Chat', 'Pro', 'Flash', 'Lite', 'Mini', 'mini', 'Nano', 'nano', 'Max', 'Plus', 'Turbo', 'Ultra', 'Sonnet', 'Opus',
  'Haiku', 'Thinking', 'Reasoning', 'Reasoner', 'Coder', 'Code', 'Math', 'VL', 'Vision', 'Omni', 'Preview', 'Exp', 'Distill', 'Small',
  'Medium', 'Large', 'XL', 'it', 'Air', 'Next', 'Fast', 'High', 'Codex', 'Spark', 'Dev', 'Edge', 'Audio', 'Image', 'Video', 'Embedding',
  'Guard', 'Zero', 'Maverick', 'Scout', 'Behemoth', 'Omni', 'Realtime', 'Live', 'Deep', 'Think', 'Instant', 'Heavy', 'Speciale', 'Terminus',
];

/**
 * Words that head a "Word 3" run without naming a model: document structure, calendars, products that are not
 * models, hardware lines and languages. A family word must not be one of these.
 */
export const NOT_A_FAMILY = new Set([
  'Table', 'Figure', 'Fig', 'Section', 'Chapter', 'Step', 'Steps', 'Top', 'Part', 'Phase', 'Stage', 'Level', 'Round', 'Day', 'Week', 'Month',
  'Year', 'Episode', 'Issue', 'Edition', 'Version', 'Series', 'Season', 'Volume', 'Vol', 'Page', 'Line', 'Item', 'Point', 'Number', 'No',
  'Rule', 'Type', 'Class', 'Group', 'Team', 'Tier', 'Grade', 'Lesson', 'Lecture', 'Exercise', 'Question', 'Appendix', 'Equation', 'Eq',
  'Windows', 'Android', 'iOS', 'macOS', 'Ubuntu', 'Python', 'Java', 'CUDA', 'PCIe', 'USB', 'HDMI', 'DDR', 'LPDDR', 'GDDR', 'HBM', 'RTX',
  'GTX', 'Xeon', 'Ryzen', 'Core', 'Pixel', 'iPhone', 'iPad', 'Galaxy', 'Mac', 'MacBook', 'Switch', 'PlayStation', 'Xbox', 'Tesla',
  'Model', 'Models', 'Gen', 'Generation', 'Wave', 'Batch', 'Layer', 'Layers', 'Block', 'Epoch', 'Epochs', 'Run', 'Test', 'Tests', 'Trial',
  'Ep', 'Act', 'Scene', 'Verse', 'Q', 'Quarter', 'FY', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov',
  'Dec', 'January', 'February', 'March', 'April', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Monday',
  'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Top-K', 'Pass', 'Rank', 'Score', 'Scores', 'Tokens', 'Context',
  'Agents', 'Agent', 'Web', 'Wi-Fi', 'SM', 'Blackwell', 'Hopper', 'Ampere', 'Lovelace', 'Rubin', 'Vera', 'Grace', 'Apple', 'Snapdragon',
  'Dimensity', 'Exynos', 'Jetson', 'Orin', 'DGX', 'HGX', 'Covid', 'COVID', 'Web3', 'Industry', 'Cat', 'Category', 'Area', 'Zone',
]);

const hasSize = (r: ModelRun) => r.sizes.length > 0;

export const MODEL_SHAPE_RULES: ModelShapeRule[] = [
  // "Wren-7B", "Family3-235B-A22B": a parameter count names a model whatever the family.
  { reason: 'model-size-suffix', accept: hasSize, strength: 2 },
  // "Family 4", "Family-3.5 Pro" of a family the lexicon knows.
  { reason: 'known-family-version', accept: (r) => r.knownFamily && r.version !== null, strength: 2 },
  // "Newfam3-Instruct", "Newfam 2 Pro": an unknown family needs a version AND a variant word.
  { reason: 'family-version-variant', accept: (r) => r.version !== null && r.variants.length > 0 && !r.familyIsWord, strength: 1 },
];

/** "o1", "o3-mini", "o4-mini-high", "gpt-oss-120b": lower-case shapes that are models by their whole spelling. */
export const LOWERCASE_MODEL = /(?<![\p{L}\p{N}_.-])(?:o[1-9](?:-(?:mini|pro|preview|high|low|deep-research))*|gpt-oss(?:-\d+b)?|gpt-\d(?:\.\d)?(?:-[a-z0-9]+)*)(?![\p{L}\p{N}_-]|\.\p{L})/gu;
