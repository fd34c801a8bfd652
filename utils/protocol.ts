/**
 * Every message between content scripts, extension pages and the background, declared once: its
 * name, who may send it, the schema its data must parse as, and the schema of its answer. The
 * TypeScript types of both come from the schemas; background/handlers.ts checks the sender and
 * parses the data against this table before a route runs.
 */
import * as v from 'valibot';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { Detection, MAX_DETECTIONS } from './model/detection';
import { HistoryRow } from './model/history';
import { ImportChanges, ListQuery, ListSummary } from './model/list-summary';
import { Problem } from './model/integrity';
import { PageConfig } from './model/page-config';
import { FirmPageConfig } from './model/firm-page-config';
import { Settings } from './model/settings';
import { TabReport } from './model/tab-report';
import { MAX_LIST_BYTES } from './list-file';

/**
 * Who may send a message: a content script of ours on a watched page, the opt-in script on a
 * financial firm's page ('firm'; the ledger checks the page is one), or one of our own extension pages.
 */
export type SenderKind = 'content' | 'firm' | 'extension';

/** Why a request failed, as a code: each screen says it in the user's language (components/error-text.ts). */
export const ERROR_CODES = [
  /** The sender may not send this message, or spoke for another page. */
  'refused',
  /** The data did not parse; `detail` names the problem. */
  'not-understood',
  /** The browser's storage is full; nothing was changed. */
  'no-room',
  /** Something failed while the request was carried out; `detail` says what, nothing stored was changed. */
  'failed',
  /** A database upgrade waits for another Ledgerlight page to close. */
  'database-blocked',
  /** The background did not answer at all. */
  'no-answer',
  /** A list file was refused; `problems` say where and why. */
  'list-refused',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Failure = { ok: false; error: ErrorCode; detail?: string; problems?: Problem[] };
/** Every reply from the background: a value, or a failure the user can be shown. */
export type Result<T> = { ok: true; value: T } | Failure;

const Url = v.pipe(v.string(), v.maxLength(4096));
const Nothing = v.optional(v.undefined());
const ListText = v.object({
  text: v.pipe(v.string(), v.maxLength(MAX_LIST_BYTES, `the file is larger than the ${MAX_LIST_BYTES / 1024 / 1024} MB a list may be`)),
});

const message = <I extends v.GenericSchema, O extends v.GenericSchema>(from: SenderKind, input: I, output: O) => ({ from, input, output });

export const PROTOCOL = {
  'page:hello': message('content', v.object({ url: Url }), v.nullable(PageConfig)),
  'page:detections': message(
    'content',
    v.object({ url: Url, detections: v.pipe(v.array(Detection), v.maxLength(MAX_DETECTIONS)), unread: v.boolean() }),
    v.number(),
  ),
  /** From an in-page marker: show this tab's findings. */
  'page:show-details': message('content', v.object({ url: Url }), v.null()),
  /** From an in-page marker: stop showing markers on this site, or anywhere. */
  'page:hide-markers': message('content', v.object({ url: Url, scope: v.picklist(['site', 'everywhere']) }), v.null()),
  /** From the opt-in script on a financial firm's page. */
  'firm:hello': message('firm', v.object({ url: Url }), v.nullable(FirmPageConfig)),
  'firm:detections': message('firm', v.object({ url: Url, detections: v.pipe(v.array(Detection), v.maxLength(MAX_DETECTIONS)) }), v.number()),
  /** The host permissions turning on "Also check financial sites" asks for, made from the list. */
  'firm:patterns': message('extension', v.object({ mode: v.picklist(['firms', 'all']) }), v.array(v.string())),
  'tab:report': message('extension', v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }), TabReport),
  'settings:get': message('extension', Nothing, Settings),
  'settings:set': message('extension', Settings, Settings),
  'list:query': message('extension', ListQuery, ListSummary),
  'list:export': message('extension', Nothing, v.string()),
  'list:preview': message('extension', ListText, ImportChanges),
  'list:import': message('extension', ListText, ImportChanges),
  'list:reset': message('extension', Nothing, v.string()),
  'history:get': message('extension', Nothing, v.array(HistoryRow)),
  'history:clear': message('extension', Nothing, v.null()),
  'data:clear-all': message('extension', Nothing, v.null()),
};

export type MessageType = keyof typeof PROTOCOL;
export const MESSAGE_TYPES = Object.keys(PROTOCOL) as MessageType[];
export type Input<T extends MessageType> = v.InferOutput<(typeof PROTOCOL)[T]['input']>;
export type Output<T extends MessageType> = v.InferOutput<(typeof PROTOCOL)[T]['output']>;

/** The table as the messaging library's protocol map. */
export type Protocol = { [T in MessageType]: (data: Input<T>) => Result<Output<T>> };

export const messaging = defineExtensionMessaging<Protocol>();
export const { sendMessage, onMessage } = messaging;
