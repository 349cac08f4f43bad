/**
 * Start-up and wiring: load the graph through the library's loader, then on every state change derive
 * the view (state/view.ts), apply it to Cytoscape (render/renderer.ts), refresh the panels and write the URL.
 */
import { formatProblem, ValidationError, type KnowledgeGraph } from '../../src/index.js';
import { BUNDLED_POSITIONS, fixturesAvailable, loadBundledGraph, loadFixtureGraph, loadUserFiles } from '../data/load-data.js';
import { byId, h, replaceChildren } from '../ui/dom.js';
import { renderDetails } from '../panels/details.js';
import { elementCount, nameOf, resolveName, runEffects } from '../state/engine.js';
import { setUpExportMenu } from '../panels/export-menu.js';
import type { ExportContext } from '../exports/index.js';
import { renderHelp } from '../panels/help.js';
import { renderLegend } from '../panels/legend.js';
import { renderMessages } from '../panels/messages.js';
import { renderModules } from '../panels/modules.js';
import { createPathPanel } from '../panels/paths.js';
import { createPerturbPanel } from '../panels/perturb.js';
import { Renderer } from '../render/renderer.js';
import { combobox } from '../panels/search-box.js';
import { createStore, initialState, type HistoryMode, type UiState } from '../state/ui-state.js';
import { renderTeach } from '../panels/step-through.js';
import { installTestHook } from './test-hook.js';
import { searchFromState, stateFromSearch } from '../state/url-state.js';
import { deriveView, type Message, type View } from '../state/view.js';
import { findLesson, lessonStepState } from '../state/lesson-state.js';
import { renderLessonList, renderLessonStrip } from '../lessons/lesson-panel.js';
import { createObservationPanel, observationLevel, type ObservationTable } from '../panels/observations.js';
import type { HypothesisOverlay } from '../state/view.js';
type HypothesisPanelFactory = typeof import('../panels/hypotheses.js').createHypothesisPanel;
type HypothesisPanel = ReturnType<HypothesisPanelFactory>;

const DEFAULT_LIMIT = 3000;

async function start(): Promise<void> {
  performance.mark('mechkg:start');
  const params = new URLSearchParams(location.search);
  const limitParam = Number(params.get('limit'));
  const limit = Number.isInteger(limitParam) && limitParam >= 100 ? Math.min(limitParam, 20000) : DEFAULT_LIMIT;
  const dataName = params.get('data');
  let graph: KnowledgeGraph;
  try {
    graph = dataName && fixturesAvailable ? await loadFixtureGraph(dataName) : await loadBundledGraph();
  } catch (err) {
    showFatal(err);
    return;
  }
  performance.mark('mechkg:graph-loaded');
  const extraMessages: Message[] = [];
  if (dataName && !fixturesAvailable) extraMessages.push({ level: 'info', text: `data=${dataName} is ignored: test fixtures exist only in the test build. Showing the curated graph.` });

  // A link to a graph opened from a local file cannot reopen it: say so rather than switch silently.
  const linkedGraph = params.get('graph');
  if (linkedGraph) {
    extraMessages.push({ level: 'info', text: `This link was made while viewing "${linkedGraph.replace(/^file:/, '')}", a graph opened from a local file, which a link cannot reopen. Showing the curated graph; use Open graph… to open that file again.` });
    const clean = new URLSearchParams(location.search);
    clean.delete('graph');
    history.replaceState(null, '', clean.toString() ? `?${clean}` : location.pathname);
  }
  let localGraphName: string | null = null;

  const store = createStore(stateFromSearch(location.search));
  /** Applies a lesson step (or says the lesson does not exist). */
  const playLesson = (id: string, step: number, history: HistoryMode) => {
    const lesson = findLesson(graph, id);
    if (!lesson) {
      const known = (graph.getAttribute('lessons') ?? []).map((l) => l.lesson.id);
      extraMessages.push({ level: 'error', text: `No lesson named "${id}". ${known.length ? `Lessons: ${known.join(', ')}.` : 'This graph has no lessons.'}` });
      store.update({ lesson: null }, history);
      return;
    }
    const s = store.get();
    const next = lessonStepState(lesson, step, { filters: s.filters, collapsed: s.collapsed });
    store.update(next, history);
    showLessonObservations(lesson, next.lesson!.step);
  };
  /** A lesson step's observation overlay and chosen hypothesis (they live beside the UI state, like a pasted table). */
  const showLessonObservations = (lesson: NonNullable<ReturnType<typeof findLesson>>, i: number) => {
    const step = lesson.steps[i]!;
    if (step.observations.length === 0) {
      if (lessonOverlay) {
        lessonOverlay = null;
        observationPanel.reset();
      }
      return;
    }
    lessonOverlay = { id: lesson.lesson.id, step: i };
    observationPanel.load(`lesson ${lesson.lesson.id} step ${i + 1}`, ['node,direction', ...step.observations.map((o) => `${o.node},${o.direction}`)].join('\n'));
    const wanted = step.hypothesis;
    if (wanted) {
      withHypotheses((panel) => {
        if (panel.chooseBy(wanted.node, wanted.direction)) return;
        const label = graph.hasNode(wanted.node) ? graph.getNodeAttribute(wanted.node, 'label') : wanted.node;
        extraMessages.push({ level: 'error', text: `Lesson step ${i + 1}: "${label}" ${wanted.direction === 'up' ? 'raised' : 'lowered'} is not among the hypotheses ranked for its observations.` });
        schedule('none');
      });
    }
  };
  // Focus to move once the next render is done (what an action opened), as a CSS selector.
  let pendingFocus: string | null = null;
  const focusAfterRender = (selector: string) => {
    pendingFocus = selector;
  };
  const renderWaiters: (() => void)[] = [];
  const nextRender = () => new Promise<void>((resolve) => renderWaiters.push(resolve));
  let observations: ObservationTable | null = null;
  /** The hypothesis chosen in the hypotheses panel (local, like the observations: not in the link). */
  let hypothesis: HypothesisOverlay | null = null;
  /** The lesson step whose observations (and hypothesis) are shown, if they came from a lesson. */
  let lessonOverlay: { id: string; step: number } | null = null;
  const lessonOwnsOverlay = (s: UiState) => lessonOverlay !== null && s.lesson?.id === lessonOverlay.id && s.lesson.step === lessonOverlay.step;
  const observationMap = () => {
    if (!observations?.observations.length) return undefined;
    const maxAbs = Math.max(0, ...observations.observations.map((o) => Math.abs(o.value ?? 0)));
    return new Map(observations.observations.filter((o) => o.direction !== 'unchanged').map((o) => [o.id, { direction: o.direction as 'up' | 'down', level: observationLevel(o.value, maxAbs) }] as const));
  };
  const renderer = new Renderer(byId('cy'), graph, limit, dataName && fixturesAvailable ? null : BUNDLED_POSITIONS);
  const cy = renderer.cy;
  let view: View = deriveView({ graph, limit, effects: runEffects, observations: observationMap(), hypothesis }, store.get());
  const hook = installTestHook({ renderer, graph: () => graph, view: () => view, state: () => store.get() });

  // Panels
  const search = combobox({
    id: 'search-input',
    label: 'Search nodes',
    hiddenLabel: true,
    placeholder: 'Search a node: name, synonym, abbreviation or CURIE  ( / )',
    graph: () => graph,
    onPick: (hit) => {
      search.setValue('');
      focusNode(hit.id);
    },
    onEnter: (text) => {
      if (!text) return;
      const r = resolveName(graph, text);
      if (r.ok) {
        search.setValue('');
        focusNode(r.value);
      } else store.update({ focus: text }, 'push');
    },
  });
  replaceChildren(byId('search'), search.root);

  const focusNode = (id: string) => {
    const s = store.get();
    const local = s.scope === 'local' || elementCount(graph) > limit;
    store.update({ focus: id, selected: id, query: null, step: null, expanded: local && !view.expandedIds.includes(id) ? [...view.expandedIds, id] : view.expandedIds }, 'push');
  };
  const pathPanel = createPathPanel(byId('path-panel'), () => graph, {
    run: (q) => {
      focusAfterRender('#path-results .path-item[aria-pressed="true"], #messages .message');
      store.update({ query: q, pathIndex: 0, step: null, focus: null }, 'push');
    },
    selectPath: (i) => store.update({ pathIndex: i, step: store.get().step === null ? null : 0 }, 'push'),
    step: (hop) => {
      focusAfterRender(hop === null ? '#step-start' : '#teach-title');
      store.update({ step: hop }, 'replace');
    },
    clear: () => store.update({ query: null, step: null, pathIndex: 0 }, 'push'),
  });
  const perturbPanel = createPerturbPanel(byId('perturb-panel'), () => graph, {
    perturb: (p) => store.update({ perturb: p, query: null, step: null }, 'push'),
    select: (id) => store.update({ selected: id }, 'replace'),
    explain: (from, to) => store.update({ query: { ...initialQuery(), from: nameOf(graph, from), to: nameOf(graph, to) }, pathIndex: 0, step: null }, 'push'),
  });
  const detailsActions = {
    select: (id: string) => {
      focusAfterRender('#details h2');
      store.update({ selected: id }, 'replace');
    },
    focus: (id: string) => focusNode(id),
    toggleExpand: (id: string) => {
      const s = store.get();
      const expanded = view.expandedIds.includes(id) ? view.expandedIds.filter((x) => x !== id) : [...view.expandedIds, id];
      store.update({ expanded, scope: 'local', focus: s.focus ?? id }, 'push');
    },
    pathFrom: (id: string) => pathPanel.setEndpoint('from', nameOf(graph, id)),
    pathTo: (id: string) => pathPanel.setEndpoint('to', nameOf(graph, id)),
    perturb: (id: string, direction: 'up' | 'down') => store.update({ perturb: { node: nameOf(graph, id), direction, depth: null }, query: null, step: null }, 'push'),
  };
  const drawLegend = () => renderLegend(byId('legend'), graph, store.get().filters, (filters) => store.update({ filters }, 'replace'));
  drawLegend();
  renderHelp(byId('help'), byId('btn-help'));
  const exportContext = (): ExportContext => ({ cy, graph, positions: renderer.storedPositions(), title: viewTitle(graph, store.get(), view), paths: view.activePath ? [{ nodes: view.activePath.nodes.map((n) => n.id), edges: view.activePath.edges.map((e) => e.id), sign: view.activePath.sign }] : undefined });
  setUpExportMenu(byId<HTMLDetailsElement>('export-menu'), byId('export-body'), exportContext, (message) => {
    extraMessages.push({ level: 'error', text: `Export failed: ${message}` });
    schedule('none');
  });

  // Toolbar
  byId('btn-overview').addEventListener('click', () => store.update({ focus: null, selected: null, query: null, step: null, perturb: null, scope: 'all', expanded: [] }, 'push'));
  byId('btn-local').addEventListener('click', () => {
    const s = store.get();
    const focus = s.focus ? resolveName(graph, s.focus) : null;
    const expanded = s.scope === 'local' ? [] : focus?.ok && !view.expandedIds.includes(focus.value) ? [...view.expandedIds, focus.value] : view.expandedIds;
    store.update({ scope: s.scope === 'local' ? 'all' : 'local', expanded }, 'push');
  });
  byId('btn-presenter').addEventListener('click', () => store.update({ presenter: !store.get().presenter }, 'replace'));
  byId<HTMLInputElement>('open-files').addEventListener('change', async (ev) => {
    const input = ev.target as HTMLInputElement;
    if (!input.files?.length) return;
    try {
      graph = await loadUserFiles(input.files);
      localGraphName = String(graph.getAttribute('name'));
      observationPanel.reset();
      extraMessages.length = 0;
      extraMessages.push({ level: 'info', text: `Opened ${graph.getAttribute('name')}: ${graph.order} nodes, ${graph.size} edges.` });
      renderer.setGraph(graph, null);
      drawLegend();
      store.update(initialState(), 'push');
    } catch (err) {
      extraMessages.length = 0;
      extraMessages.push({ level: 'error', text: loadErrorText(err) });
      schedule('none');
    } finally {
      input.value = '';
    }
  });

  // Graph interaction: a tap shows details, a double tap focuses (and expands in neighbourhood view).
  // A module box: double tap collapses it; a collapsed module box: a tap opens it again.
  const toggleModule = (module: string) => {
    const c = store.get().collapsed;
    store.update({ collapsed: c.includes(module) ? c.filter((m) => m !== module) : [...c, module] }, 'replace');
  };
  cy.on('tap', 'node, edge', (ev) => {
    const box = ev.target.data('box');
    if (box === 'collapsed') toggleModule(ev.target.data('module'));
    else if (box === undefined && ev.target.data('meta') !== true) store.update({ selected: ev.target.id() }, 'replace');
  });
  cy.on('dbltap', 'node[box = "module"]', (ev) => toggleModule(ev.target.data('module')));
  cy.on('tap', (ev) => {
    if (ev.target === cy) store.update({ selected: null }, 'replace');
  });
  cy.on('dbltap', 'node[!box]', (ev) => focusNode(ev.target.id()));

  // Keyboard
  document.addEventListener('keydown', (ev) => {
    const typing = ev.target instanceof HTMLInputElement || ev.target instanceof HTMLSelectElement || ev.target instanceof HTMLTextAreaElement;
    const s = store.get();
    if (s.lesson && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      const lesson = findLesson(graph, s.lesson.id);
      const last = (lesson?.steps.length ?? 1) - 1;
      const go = (step: number) => {
        ev.preventDefault();
        focusAfterRender('#lesson-title');
        playLesson(s.lesson!.id, Math.min(last, Math.max(0, step)), 'push');
      };
      if (ev.key === 'ArrowRight' || ev.key === 'PageDown' || (ev.key === ' ' && ev.target === document.body)) return go(s.lesson.step + 1);
      if (ev.key === 'ArrowLeft' || ev.key === 'PageUp') return go(s.lesson.step - 1);
      if (ev.key === 'Home') return go(0);
      if (ev.key === 'End') return go(last);
      if (ev.key === 'Escape') {
        lessonActions.exit();
        return;
      }
    }
    if (ev.key === 'Escape') {
      if (s.step !== null) {
        focusAfterRender('#step-start');
        store.update({ step: null }, 'replace');
      }
      else if (!typing && (s.focus || s.selected)) store.update({ focus: null, selected: null }, 'push');
      return;
    }
    if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === '/') {
      ev.preventDefault();
      search.input.focus();
    } else if (s.step !== null && (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft')) {
      ev.preventDefault();
      const max = (view.activePath?.edges.length ?? 1) - 1;
      store.update({ step: Math.min(max, Math.max(0, s.step + (ev.key === 'ArrowRight' ? 1 : -1))) }, 'replace');
    } else if (ev.key === 'o') byId('btn-overview').click();
    else if (ev.key === 'p') byId('btn-presenter').click();
    else if (ev.key === 'f') cy.fit(cy.elements(':visible'), 30);
  });

  // The folded modules panel (a button per module) is drawn when it opens, not for the first picture.
  const drawModules = whenOpen(byId<HTMLDetailsElement>('panel-modules'));

  // Rendering: one at a time, always of the latest state.
  let fontScale = 0;
  let running = false;
  let pending: HistoryMode | null = null;
  const renderOnce = async (history: HistoryMode) => {
    const state = store.get();
    if (history !== 'none') {
      const keep = new URLSearchParams(location.search);
      if (localGraphName) keep.set('graph', `file:${localGraphName}`);
      else keep.delete('graph');
      const search = searchFromState(state, keep);
      if (search !== location.search) {
        if (history === 'push') window.history.pushState(null, '', search || location.pathname);
        else window.history.replaceState(null, '', search || location.pathname);
      }
    }
    // A path, perturbation or lesson chosen since the hypothesis takes the diagram back.
    if (hypothesis && (state.query || state.perturb || (state.lesson && !lessonOwnsOverlay(state)))) {
      hypothesis = null;
      withHypotheses((panel) => panel.release());
    }
    // Leaving the lesson leaves its observations too.
    if (lessonOverlay && state.lesson?.id !== lessonOverlay.id) {
      lessonOverlay = null;
      hypothesis = null;
      observationPanel.reset();
    }
    view = deriveView({ graph, limit, effects: runEffects, observations: observationMap(), hypothesis }, state);
    document.body.classList.toggle('presenter', state.presenter);
    document.body.classList.toggle('stepping', state.step !== null && view.activePath !== null);
    const scale = state.presenter ? 1.6 : 1;
    if (scale !== fontScale) {
      fontScale = scale;
      renderer.setFontScale(scale);
    }
    byId('btn-local').setAttribute('aria-pressed', String(state.scope === 'local'));
    byId('btn-presenter').setAttribute('aria-pressed', String(state.presenter));
    renderMessages(byId('messages'), view.messages, extraMessages, (field, id) => {
      const name = nameOf(graph, id);
      const s = store.get();
      if (field === 'focus') focusNode(id);
      else if (field === 'select') store.update({ selected: id }, 'replace');
      else if (field === 'perturb' && s.perturb) store.update({ perturb: { ...s.perturb, node: name } }, 'push');
      else if ((field === 'from' || field === 'to') && s.query) store.update({ query: { ...s.query, [field]: name } }, 'push');
    });
    drawModules(() => renderModules(byId('modules'), graph, store.get().collapsed, (collapsed) => store.update({ collapsed }, 'replace')));
    pathPanel.update(state, view);
    perturbPanel.update(state, view);
    renderDetails(byId('details'), graph, view.selectedId ?? view.focusId, view.expandedIds, view.activePath, detailsActions);
    renderTeach(byId('teach'), graph, state.lesson ? null : view.activePath, state.step, {
      step: (hop) => {
        focusAfterRender(hop === null ? '#step-start' : '#teach-title');
        store.update({ step: hop }, 'replace');
      },
    });
    const lesson = state.lesson ? findLesson(graph, state.lesson.id) : null;
    document.body.classList.toggle('lesson-playing', lesson !== null);
    renderLessonList(byId('lessons'), graph, lesson?.lesson.id ?? null, lessonActions);
    renderLessonStrip(byId('lesson-strip'), graph, lesson, state.lesson?.step ?? 0, lessonActions);
    await renderer.apply(view);
    const drawn = cy.elements().filter((e) => !e.hasClass('hidden'));
    byId('status').textContent = `${graph.getAttribute('name')}${localGraphName ? ' (opened from a local file: links to this view will not reopen it)' : ''}: ${graph.order} nodes, ${graph.size} edges${observations?.observations.length ? ` · overlay: ${observations.observations.length} observations (not in the link)` : ''} · drawn: ${drawn.nodes().length} nodes, ${drawn.edges().length} edges · ${view.mode} view${elementCount(graph) > limit ? ` (graph above the ${limit}-element drawing limit)` : ''}`;
    hook.rendered();
    if (renderer.stats.renders === 1) setTimeout(() => void loadHypotheses().catch(() => undefined), 0);
    if (pendingFocus) {
      const target = document.querySelector<HTMLElement>(pendingFocus);
      pendingFocus = null;
      if (target) {
        if (!target.matches('button, a, input, select, textarea, summary, [tabindex]')) target.setAttribute('tabindex', '-1');
        target.focus();
      }
    }
  };
  const schedule = (history: HistoryMode) => {
    if (running) {
      // Keep the strongest history request (push beats replace beats none).
      pending = pending === 'push' || history === 'push' ? 'push' : pending === 'replace' || history === 'replace' ? 'replace' : 'none';
      return;
    }
    running = true;
    void (async () => {
      let h: HistoryMode | null = history;
      while (h !== null) {
        await renderOnce(h);
        h = pending;
        pending = null;
      }
      running = false;
      // Waiters (lesson figure capture) want the view once every change so far is drawn.
      for (const resolve of renderWaiters.splice(0)) resolve();
    })();
  };
  store.subscribe((_s, history) => schedule(history));

  // Lessons: presenter mode, one link per step, and the handout / slide exports (figures rendered step by step).
  const captureFigures = async (id: string) => {
    const lesson = findLesson(graph, id);
    if (!lesson) throw new Error(`no lesson named "${id}"`);
    await loadHypotheses();
    const saved = store.get();
    const figures: { dataUrl: string; width: number; height: number }[] = [];
    try {
      for (let i = 0; i < lesson.steps.length; i++) {
        const done = nextRender();
        playLesson(id, i, 'none');
        await done;
        const scale = 2;
        figures.push({ dataUrl: cy.png({ output: 'base64uri', bg: '#ffffff', full: false, scale }) as unknown as string, width: Math.round(cy.width() * scale), height: Math.round(cy.height() * scale) });
      }
    } finally {
      const done = nextRender();
      store.update(saved, 'none');
      await done;
    }
    return { lesson, figures };
  };
  const lessonActions = {
    play: (id: string, step: number) => {
      focusAfterRender('#lesson-title');
      playLesson(id, step, 'push');
    },
    exit: () => {
      const id = store.get().lesson?.id;
      if (id) focusAfterRender(`#lessons li[data-lesson="${id}"] button[data-action="play"]`);
      const s = store.get();
      store.update({ ...initialState(), filters: s.filters, collapsed: s.collapsed }, 'push');
    },
    exportHandout: (id: string) => void runExport(async () => {
      const { exportHandout } = await import('../lessons/lesson-exports.js');
      const { lesson, figures } = await captureFigures(id);
      exportHandout(graph, lesson, figures);
    }),
    exportSlides: (id: string) => void runExport(async () => {
      const { exportSlides } = await import('../lessons/lesson-exports.js');
      const { lesson, figures } = await captureFigures(id);
      await exportSlides(graph, lesson, figures);
    }),
  };
  const runExport = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      extraMessages.push({ level: 'error', text: `Export failed: ${err instanceof Error ? err.message : String(err)}` });
      schedule('none');
    }
  };
  // The hypotheses panel (and explainObservations) is not needed for the first picture: it loads right after
  // the first render, or on first use if that comes sooner. Once loaded, calls run at once, in order.
  let hypothesisPanel: HypothesisPanel | null = null;
  let hypothesisLoad: Promise<HypothesisPanel> | null = null;
  const loadHypotheses = () =>
    (hypothesisLoad ??= import('../panels/hypotheses.js').then(({ createHypothesisPanel }) => (hypothesisPanel = createHypothesisPanel(byId('hypotheses'), () => graph, hypothesisActions))));
  const withHypotheses = (use: (panel: HypothesisPanel) => void) => {
    if (hypothesisPanel) use(hypothesisPanel);
    else
      void loadHypotheses().then(use, (err: unknown) => {
        extraMessages.push({ level: 'error', text: `The hypotheses panel did not load: ${err instanceof Error ? err.message : String(err)}` });
        schedule('none');
      });
  };
  const hypothesisActions: Parameters<HypothesisPanelFactory>[2] = {
    choose: (overlay) => {
      hypothesis = overlay;
      const s = store.get();
      // The hypothesis replaces a path or perturbation on the diagram (they would hide it), unless a lesson step chose it.
      if (overlay && !lessonOwnsOverlay(s) && (s.query || s.perturb || s.lesson)) store.update({ query: null, perturb: null, step: null, lesson: null, highlight: [], compartment: null }, 'push');
      else schedule('none');
    },
    select: (id) => {
      focusAfterRender('#details h2');
      store.update({ selected: id }, 'replace');
    },
  };
  const observationPanel = createObservationPanel(byId('observations'), () => graph, (table) => {
    observations = table;
    schedule('none');
  });
  observationPanel.onChange((table) => withHypotheses((panel) => panel.update(table)));
  const startLesson = store.get().lesson;
  if (startLesson) {
    // A lesson step may choose a hypothesis: the panel must be there when the step is drawn.
    await loadHypotheses().catch(() => undefined);
    playLesson(startLesson.id, startLesson.step, 'replace');
  }
  window.addEventListener('popstate', () => store.update(stateFromSearch(location.search), 'none'));
  schedule('none');
}

/**
 * A panel inside a <details> that is drawn only while open: the returned function draws it now if the panel is
 * open, else once it opens (with the draw function last given, which reads the state of that moment).
 */
function whenOpen(details: HTMLDetailsElement): (draw: () => void) => void {
  let pending: (() => void) | null = null;
  details.addEventListener('toggle', () => {
    if (details.open && pending) {
      const draw = pending;
      pending = null;
      draw();
    }
  });
  return (draw) => {
    if (details.open) {
      pending = null;
      draw();
    } else pending = draw;
  };
}

function initialQuery() {
  return { from: '', to: '', maxLength: 6, sign: 'any' as const, via: [], avoid: [], minEvidence: '', rank: 'evidence' as const, associations: false };
}

function viewTitle(graph: KnowledgeGraph, state: UiState, view: View): string {
  if (view.activePath && view.paths?.ok) return `paths from ${view.paths.value.from.label} to ${view.paths.value.to.label}`;
  if (state.perturb && view.effects?.ok) return `${state.perturb.direction === 'up' ? 'raising' : 'lowering'} ${graph.getNodeAttribute(view.effects.value.source, 'label')}`;
  if (view.focusId) return `${graph.getNodeAttribute(view.focusId, 'label')} and neighbours`;
  return String(graph.getAttribute('name') ?? 'mechkg');
}

function loadErrorText(err: unknown): string {
  if (err instanceof ValidationError) {
    const errors = err.problems.filter((p) => p.level === 'error');
    return `The graph files did not load (${errors.length} error${errors.length === 1 ? '' : 's'}): ${errors.slice(0, 5).map(formatProblem).join(' | ')}`;
  }
  return `The graph did not load: ${err instanceof Error ? err.message : String(err)}`;
}

function showFatal(err: unknown): void {
  replaceChildren(byId('messages'), h('div', { class: 'message error', attrs: { role: 'alert' } }, loadErrorText(err)));
  document.documentElement.dataset.renders = 'failed';
}

void start();
