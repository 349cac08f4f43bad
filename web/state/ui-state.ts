/**
 * All UI state in one small object. Nothing else holds view state: the URL is written from it, the
 * Cytoscape classes and the panels are re-derived from it after every change.
 */

export type SignFilter = '+' | '-' | 'none';
export type NetSign = 'any' | '+' | '-';

export interface Filters {
  hiddenCategories: string[];
  hiddenKinds: string[];
  hiddenSigns: SignFilter[];
  showNonCausal: boolean;
}

export interface PathQuery {
  /** Names as the user typed them; resolved like the CLI when the view is derived. */
  from: string;
  to: string;
  maxLength: number;
  sign: NetSign;
  via: string[];
  avoid: string[];
  /** Evidence kind: only edges with evidence at least this strong. Empty for no threshold. */
  minEvidence: string;
  /** 'length': shortest first; 'evidence': strongest weakest link first. */
  rank: 'length' | 'evidence';
  /** Also follow non-causal edges (correlations, associations). */
  associations: boolean;
}

export interface Perturbation {
  node: string;
  direction: 'up' | 'down';
  /** Most steps followed downstream (the library's default when null). */
  depth: number | null;
}

export interface UiState {
  /** A node name (resolved like the CLI) to centre on. */
  focus: string | null;
  /** Node or edge id whose details are shown. */
  selected: string | null;
  /** 'all' draws the whole graph; 'local' only the neighbourhoods of `expanded` (and any path). */
  scope: 'all' | 'local';
  expanded: string[];
  query: PathQuery | null;
  /** 0-based index into the ranked paths. */
  pathIndex: number;
  /** 0-based hop in step-through mode, or null when not stepping. */
  step: number | null;
  perturb: Perturbation | null;
  filters: Filters;
  presenter: boolean;
  /** Module ids drawn collapsed (one box per compartment) in the pathway diagram. */
  collapsed: string[];
  /** The lesson being presented and its 0-based step, or null. */
  lesson: { id: string; step: number } | null;
  /** Node ids a lesson step highlights. */
  highlight: string[];
  /** A compartment a lesson step shows (the view fits to it). */
  compartment: string | null;
}

export const DEFAULT_MAX_LENGTH = 6;

export function initialState(): UiState {
  return {
    focus: null,
    selected: null,
    scope: 'all',
    expanded: [],
    query: null,
    pathIndex: 0,
    step: null,
    perturb: null,
    filters: { hiddenCategories: [], hiddenKinds: [], hiddenSigns: [], showNonCausal: true },
    presenter: false,
    collapsed: [],
    lesson: null,
    highlight: [],
    compartment: null,
  };
}

/** How a change is recorded in the browser history: a new entry, the current one, or not at all. */
export type HistoryMode = 'push' | 'replace' | 'none';

export interface Store {
  get(): UiState;
  update(patch: Partial<UiState>, history?: HistoryMode): void;
  subscribe(listener: (state: UiState, history: HistoryMode) => void): void;
}

export function createStore(initial: UiState): Store {
  let state = initial;
  const listeners: ((s: UiState, h: HistoryMode) => void)[] = [];
  return {
    get: () => state,
    update(patch, history = 'push') {
      // Choosing another view by hand leaves the lesson (its steps are views too, set with `lesson`).
      if (!('lesson' in patch) && ['focus', 'query', 'perturb', 'scope'].some((k) => k in patch)) patch = { ...patch, lesson: null, highlight: [], compartment: null };
      state = { ...state, ...patch };
      for (const l of listeners) l(state, history);
    },
    subscribe(listener) {
      listeners.push(listener);
    },
  };
}
