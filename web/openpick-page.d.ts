// The contract between the wasm app and its page, in types: every function the page's JS calls
// in the module (Module._openpick_*, exported from web/page_api.cpp with EMSCRIPTEN_KEEPALIVE;
// the runtime pieces in web/CMakeLists.txt's EXPORTED_FUNCTIONS and EXPORTED_RUNTIME_METHODS),
// every JS function the C++ calls (window.openpickPage, from web/main_web.cpp, web/input_web.cpp
// and web/platform_web.cpp), and window.openpick, whose getState() tests and the embed guest read.
// The embed contract with a host page is web/openpick-embed.d.ts.
//
// tests/web/page_contract.test.mjs fails when a function is exported or called on one side and not
// declared here (or declared here and gone), and when getState() gains a key this file lacks.
//
// Strings cross as pointers to NUL-terminated UTF-8 in wasm memory (Ptr): the page makes them
// with _malloc + stringToUTF8 and frees them after the call; the app's answers stay valid until
// the next call of the same function.

export type Ptr = number;

/** Module._openpick_*: web/page_api.cpp. Each only queues an action or reads state; none draws. */
export interface OpenPickExports {
  /** window.openpick.getState()'s JSON (OpenPickState). */
  _openpick_state_json(): Ptr;
  /** Frames drawn since the last call and where their time went (FrameStats); resets the counts. */
  _openpick_frame_stats_json(): Ptr;
  /** The labelled widgets of the last frame (Item[]); the first call turns recording on. */
  _openpick_items_json(): Ptr;
  /** Room for `len` bytes of a file about to be handed over; the app takes the buffer over. */
  _openpick_file_buffer(len: number): Ptr;
  /** The file the app asked for (openpickPage.openFile's requestId) is in the buffer. */
  _openpick_file_opened(requestId: number, name: Ptr): void;
  /** A dropped file, or the sample list the page fetched (isSample 1), is in the buffer. */
  _openpick_load_file(name: Ptr, isSample: 0 | 1): void;
  /** 1 while a program list is being read or a plan made (in steps between frames). */
  _openpick_busy(): 0 | 1;
  /** The embed guest checked the host's exact origin: shows the Share panel. */
  _openpick_set_embedded(hostOrigin: Ptr): void;
  /** Light (0) or dark (1) interface. */
  _openpick_set_theme(dark: 0 | 1): void;
  /** Text typed into the hidden field (keyboard, IME, on-screen keyboard, dead keys). */
  _openpick_text_input(utf8: Ptr): void;
  /** Whether a text widget is active (asked inside a tap, to open the on-screen keyboard). */
  _openpick_wants_text_input(): 0 | 1;
  /** A paste event's text: becomes the clipboard, then Ctrl+V is pressed for one frame. */
  _openpick_paste(utf8: Ptr): void;
  /** A key the page presses (a DOM KeyboardEvent.code such as "Backspace"). */
  _openpick_key_tap(code: Ptr): void;
}

/** The Emscripten module as the page sets it up (openpick-page.js) and uses it. */
export interface OpenPickModule extends OpenPickExports {
  // EXPORTED_FUNCTIONS (web/CMakeLists.txt); _main is Emscripten's own entry point.
  _main(): number;
  _malloc(bytes: number): Ptr;
  _free(p: Ptr): void;
  // EXPORTED_RUNTIME_METHODS
  UTF8ToString(p: Ptr): string;
  stringToUTF8(text: string, p: Ptr, maxBytes: number): void;
  lengthBytesUTF8(text: string): number;
  // Emscripten's runtime
  readonly HEAPU8: Uint8Array;
  readonly calledRun?: boolean;
  // Set by the page before openpick.js loads.
  canvas: HTMLCanvasElement;
  print(text: string): void;
  printErr(text: string): void;
  onAbort(what: unknown): void;
}

/** window.openpickPage: what the C++ calls (EM_ASM, EM_JS), and the page's own loader. */
export interface OpenPickPage {
  // web/main_web.cpp
  /** The first frame is drawn. */
  appReady(): void;
  /** A new plan (or none): the page mirrors it into its off-screen table for screen readers. */
  planChanged(): void;
  /** The app cannot run (no WebGL2): an error over the canvas. */
  fatal(text: string): void;
  /** A text widget became active (1) or inactive (0): focus moves to the hidden field or back. */
  textInputWanted(on: 0 | 1): void;
  // web/input_web.cpp
  /** The text cursor's position (CSS px), so an IME's candidate window appears there. */
  placeTextField(x: number, y: number): void;
  // web/platform_web.cpp (shell::Platform). Each fails softly: the app keeps running.
  openFile(requestId: number, accept: string): void;
  saveFile(name: string, mime: string, bytes: Uint8Array): void;
  /**
   * Storage is window.localStorage. The keys are the app's own, named once in
   * shell/include/openpick/shell/app_state.h (kStorage*Key); the page names none of them.
   * null for an absent key and for a storage that cannot be read (storageBlocked tells which).
   */
  storageGet(key: string): string | null;
  /** null once saved, else why not (QuotaExceededError, SecurityError). */
  storageSet(key: string, value: string): string | null;
  storageRemove(key: string): void;
  /** Why this page cannot use storage at all, or null when it can. */
  storageBlocked(): string | null;
  setClipboard(text: string): void;
  openUrl(url: string): void;
  /** The applicant pressed Send in the Share panel: the embed guest posts it to the host. */
  shareWithHost(json: string): void;
  // The page's own (openpick-page.js, openpick-embed-guest.js)
  loadBytes(name: string, bytes: Uint8Array, isSample: boolean): void;
  embedGuest: { host: string; share(json: string): void } | null;
}

/** window.openpick.items(): a labelled widget of the last frame, CSS px from the canvas corner. */
export interface Item { label: string; x: number; y: number; w: number; h: number }

/** window.openpick.frameStats(): means over the frames since the last call (ms). */
export interface FrameStats {
  frames: number;
  ui_ms: number;
  gl_ms: number;
  work_ms: number;
  worst_ms: number;
  /** The slowest frame's ui, gl and work parts. */
  worst_ui_gl_work_ms: [number, number, number];
}

/** The plan as `openpick plan` prints it (core plan_to_json, declared in core io.h). */
export interface PlanJson {
  p_match: number;
  p_match_one_year: number;
  p_match_range: { low: number; high: number };
  p_match_percentiles: [number, number];
  p_match_extremes: { low: number; high: number };
  conditional_on: string[];
  p_match_sensitivity: { assumption: string; plain: string; low: number; high: number }[];
  p_interview_any: number;
  expected_interviews: number;
  expected_utility: number;
  cost_usd: number;
  cost_by_service: {
    service: string; season: string; applications: number; applications_usd: number;
    assistance_discount_usd: number; transcript_usd: number; cost_usd: number; source: string;
  }[];
  applications: number;
  candidates: number;
  diminishing_returns_at: number;
  length_rule: string;
  match_value_usd: number;
  preferred_share: number;
  preferred_share_cost: number;
  /** In application order. */
  programs: {
    id: string; name: string; specialty: string; track: string; state: string;
    application_service: string; p_interview: number; p_match: number; p_match_here: number;
    tier: string; signal: string; pinned: boolean; reasons: string[];
  }[];
  excluded: { id: string; reason: string }[];
  curve: { applications: number; p_match: number; cost_usd: number }[];
  signals: { specialty: string; gold_available: number; gold_used: number; silver_available: number; silver_used: number }[];
  whatif: { id: string; change: string; p_match: number; gain: number }[];
  research_next: { id: string; on_list: boolean; fields: string[]; gain: number; how: string[] }[];
  advice: { id: string; title: string; why: string; source: string }[];
  notes: string[];
}

/** window.openpick.getState() (shell state_to_json, shell/src/app_state.cpp). */
export interface OpenPickState {
  product: string;
  version: string;
  dataset: { name: string; version: string; as_of: string; program_count: number; is_sample: boolean };
  /** The profile in its document format (assets/schema/profile.schema.json), or null. */
  profile: { [field: string]: unknown } | null;
  plan: PlanJson | null;
  persist: boolean;
  /** What happened with storage, as the Data tab says it. */
  storage_status: string;
  work: { busy: boolean; importing: string | null; planning: boolean; progress: number };
  ui: {
    active_panel: string; unanswered: string[]; plan_revision: number;
    programs_search: string; programs_shown: number;
  };
  embed: { host: string | null; theme: 'light' | 'dark'; confirming_share: boolean; shares_sent: number };
  /** The applicant's own sheet read last (a CSV whose columns are not the template's), or null:
   *  each column's header and the field it is read as (null: not read). */
  sheet: {
    file: string; loaded: boolean; edited: boolean;
    columns: { header: string; field: string | null }[];
  } | null;
  /** Columns fixed by hand are remembered for the next file from the same sheet. */
  sheet_columns_remembered: boolean;
  /** The applicant's workspace (core workspace.h) in counts: research entries, added and hidden
   *  programs, tracked programs, programs carrying the applicant's own facts, and the notes of
   *  applying it to the loaded list (ids not in the list, kept). */
  workspace: { research: number; added: number; hidden: number; tracked: number; own_programs: number; notes: string[] };
  /** The tracker as in the workspace file: per program id its status and the optional fields. */
  tracker: {
    [id: string]: {
      status: 'considering' | 'applied' | 'invited' | 'interviewed' | 'ranked' | 'withdrawn' | 'rejected';
      rank?: number; dates?: { [what: string]: string }; notes?: string;
      checklist?: { email_coordinator?: boolean; open_house?: boolean; thank_you_sent?: boolean; top_choice_letter?: boolean };
    };
  };
  /** Why the page refused the last tracker change (a second top-choice letter), or "". */
  tracker_refusal: string;
  /** The applicant's research: the entries as in the workspace file (per program id the facts
   *  they set and their sources), the ids of the programs they added and hid, what Undo would undo
   *  (null: nothing) and how many steps it holds, and the research form (the Programs tab's detail
   *  view: open, adding a program by hand, the program's id, why the last save was refused). */
  research: {
    entries: { [id: string]: { [field: string]: unknown; sources?: { what: string; url?: string; date: string; by?: string }[] } };
    added: string[];
    hidden: string[];
    undo: string | null;
    undo_steps: number;
    form: { open: boolean; adding: boolean; id: string; error: string };
  };
  /** The rank list after interviews, in rank order, with core's rank-list outcome (null p_match:
   *  no list yet). */
  rank_list: { ids: string[]; notes: string[]; p_match: number | null; p_match_here?: number[]; extra_rank_fee_usd?: number };
  messages: { severity: 'error' | 'warning'; text: string; details: string[] }[];
}

/** window.openpick: for tests and the embed guest. Everything is null/empty before the app runs. */
export interface OpenPickApi {
  /** The first frame is drawn, the sample list loaded (or not) and the app idle. */
  readonly ready: Promise<void>;
  getState(): OpenPickState | null;
  frameStats(): FrameStats | null;
  items(): Item[];
}

declare global {
  interface Window {
    openpick: OpenPickApi;
    openpickPage: OpenPickPage;
    Module: OpenPickModule;
  }
}
