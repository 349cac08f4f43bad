/**
 * UiState <-> query string. Parameters (all optional):
 *   focus=NAME   from=NAME&to=NAME  max=N  sign=positive|negative  via=A,B  avoid=A,B  min=KIND
 *   rank=length (shortest first; best-supported first otherwise)  assoc=1 (follow non-causal edges)  path=N (1-based)  step=N (1-based)  perturb=NAME&dir=up|down
 *   view=local&expand=A,B  hide=CATEGORY,..  nokind=KIND,..  nosign=positive,negative,none
 *   noncausal=hide  presenter=1  sel=ID  collapse=MODULE,.. (diagram boxes drawn collapsed)
 *   lesson=ID&slide=N (a lesson step; the other view parameters come from the lesson)
 * Names are kept as typed and resolved like the CLI when the view is derived.
 */
import { DEFAULT_MAX_LENGTH, initialState, type NetSign, type SignFilter, type UiState } from './ui-state.js';

const SIGN_WORD: Record<string, SignFilter> = { positive: '+', negative: '-', none: 'none', '+': '+', '-': '-', ' ': '+' };
/** A sign word from the URL (data: "constructor" is not a key of SIGN_WORD). */
const signOfWord = (w: string): SignFilter | undefined => (Object.hasOwn(SIGN_WORD, w) ? SIGN_WORD[w] : undefined);
const WORD_OF_SIGN: Record<SignFilter, string> = { '+': 'positive', '-': 'negative', none: 'none' };

function list(v: string | null): string[] {
  return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

function positiveInt(v: string | null): number | null {
  if (v === null || !/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n >= 1 ? n : null;
}

export function stateFromSearch(search: string): UiState {
  const p = new URLSearchParams(search);
  const s = initialState();
  s.focus = p.get('focus') || null;
  s.selected = p.get('sel') || null;
  const from = p.get('from');
  const to = p.get('to');
  if (from && to) {
    const signWord = p.get('sign');
    const sign = signWord ? signOfWord(signWord) : undefined;
    s.query = {
      from,
      to,
      maxLength: Math.min(12, positiveInt(p.get('max')) ?? DEFAULT_MAX_LENGTH),
      sign: (sign === '+' || sign === '-' ? sign : 'any') as NetSign,
      via: list(p.get('via')),
      avoid: list(p.get('avoid')),
      minEvidence: p.get('min') ?? '',
      rank: p.get('rank') === 'length' ? 'length' : 'evidence',
      associations: p.get('assoc') === '1',
    };
    s.pathIndex = (positiveInt(p.get('path')) ?? 1) - 1;
    const step = positiveInt(p.get('step'));
    s.step = step === null ? null : step - 1;
  }
  const perturb = p.get('perturb');
  if (perturb) {
    const depth = positiveInt(p.get('depth'));
    s.perturb = { node: perturb, direction: p.get('dir') === 'up' ? 'up' : 'down', depth: depth === null ? null : Math.min(depth, 12) };
  }
  if (p.get('view') === 'local') s.scope = 'local';
  s.expanded = list(p.get('expand'));
  s.filters = {
    hiddenCategories: list(p.get('hide')),
    hiddenKinds: list(p.get('nokind')),
    hiddenSigns: list(p.get('nosign'))
      .map(signOfWord)
      .filter((x): x is SignFilter => x !== undefined),
    showNonCausal: p.get('noncausal') !== 'hide',
  };
  s.presenter = p.get('presenter') === '1';
  s.collapsed = list(p.get('collapse'));
  const lesson = p.get('lesson');
  if (lesson) s.lesson = { id: lesson, step: (positiveInt(p.get('slide')) ?? 1) - 1 };
  return s;
}

/** The query string for a state; `keep` carries parameters that are not UI state (data, limit). */
export function searchFromState(s: UiState, keep: URLSearchParams): string {
  const p = new URLSearchParams();
  for (const k of ['data', 'limit', 'graph']) {
    const v = keep.get(k);
    if (v) p.set(k, v);
  }
  // A lesson step is a view of its own: the link names the lesson and the step, nothing else.
  if (s.lesson) {
    p.set('lesson', s.lesson.id);
    p.set('slide', String(s.lesson.step + 1));
    if (s.collapsed.length) p.set('collapse', s.collapsed.join(','));
    if (s.selected && s.selected !== s.focus) p.set('sel', s.selected);
    return `?${p.toString()}`;
  }
  if (s.focus) p.set('focus', s.focus);
  if (s.query) {
    p.set('from', s.query.from);
    p.set('to', s.query.to);
    if (s.query.maxLength !== DEFAULT_MAX_LENGTH) p.set('max', String(s.query.maxLength));
    if (s.query.sign !== 'any') p.set('sign', WORD_OF_SIGN[s.query.sign]);
    if (s.query.via.length) p.set('via', s.query.via.join(','));
    if (s.query.avoid.length) p.set('avoid', s.query.avoid.join(','));
    if (s.query.minEvidence) p.set('min', s.query.minEvidence);
    if (s.query.rank !== 'evidence') p.set('rank', s.query.rank);
    if (s.query.associations) p.set('assoc', '1');
    if (s.pathIndex > 0) p.set('path', String(s.pathIndex + 1));
    if (s.step !== null) p.set('step', String(s.step + 1));
  }
  if (s.perturb) {
    p.set('perturb', s.perturb.node);
    p.set('dir', s.perturb.direction);
    if (s.perturb.depth !== null) p.set('depth', String(s.perturb.depth));
  }
  if (s.scope === 'local') p.set('view', 'local');
  if (s.expanded.length) p.set('expand', s.expanded.join(','));
  if (s.filters.hiddenCategories.length) p.set('hide', s.filters.hiddenCategories.join(','));
  if (s.filters.hiddenKinds.length) p.set('nokind', s.filters.hiddenKinds.join(','));
  if (s.filters.hiddenSigns.length) p.set('nosign', s.filters.hiddenSigns.map((x) => WORD_OF_SIGN[x]).join(','));
  if (!s.filters.showNonCausal) p.set('noncausal', 'hide');
  if (s.presenter) p.set('presenter', '1');
  if (s.collapsed.length) p.set('collapse', s.collapsed.join(','));
  if (s.selected && s.selected !== s.focus) p.set('sel', s.selected);
  const q = p.toString();
  return q ? `?${q}` : '';
}
