// The embed contract in types (web/EMBED.md has the prose): the host helper openpick-embed.js and
// the messages it exchanges with the planner's guest, openpick-embed-guest.js. Version 1.

export interface ShareProfile { [field: string]: unknown }  // assets/schema/profile.schema.json
export interface SharePlan { [field: string]: unknown }     // the plan export format

/** What the applicant chose to send, exactly as the Share tab showed it. */
export interface SharePayload {
  openpick_share: 1;
  profile: ShareProfile;
  plan: SharePlan | null;
}

export interface Dataset {  // assets/schema/dataset.schema.json
  programs: object[];
  [field: string]: unknown;
}

export interface MountOptions {
  /** The planner's address; its origin is the only one messages go to or are taken from. */
  url: string;
  /** A dataset object, or a URL on the host page's own origin (fetched by the helper). */
  dataset?: Dataset | string;
  theme?: 'light' | 'dark';
  /** Exact origin (scheme://host[:port]) the planner expects; default location.origin. */
  hostOrigin?: string;
  title?: string;
  onReady?(info: { version: string }): void;
  onDataset?(result: { ok: boolean; programCount: number }): void;
  /** Only after the applicant pressed Send in the Share tab. */
  onShare?(payload: SharePayload): void;
  onError?(error: Error): void;
}

export interface PlannerHandle {
  readonly iframe: HTMLIFrameElement;
  readonly channel: string;
  readonly plannerOrigin: string;
  readonly ready: boolean;
  setDataset(dataset: Dataset | string, format?: 'json' | 'csv'): void;
  setTheme(theme: 'light' | 'dark'): void;
  /** Removes the iframe and the one message listener; idempotent. */
  destroy(): void;
}

export interface OpenPickEmbed {
  readonly version: 1;
  mount(element: Element, options: MountOptions): PlannerHandle;
}

declare global {
  interface Window { OpenPick: OpenPickEmbed }
}

// --- messages (postMessage data), both directions -----------------------------------------------

interface Envelope<T extends string> {
  openpick: 1;
  channel: string;  // the mount's random channel, [A-Za-z0-9_-]{1,64}
  type: T;
}

export type HostToPlanner =
  | (Envelope<'setDataset'> & { dataset: Dataset | string; format?: 'json' | 'csv' })
  | (Envelope<'setTheme'> & { theme: 'light' | 'dark' });

export type PlannerToHost =
  | (Envelope<'ready'> & { version: string })
  | (Envelope<'datasetResult'> & { ok: boolean; programCount: number })
  | (Envelope<'share'> & { payload: SharePayload });
