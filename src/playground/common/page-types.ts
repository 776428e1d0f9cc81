import type { CommandSummary } from './command-hints.ts';

/**
 * The JSON the page server sends the browser: a channel as one user sees it. Plain data only,
 * every text still raw; the browser escapes it by building DOM nodes with textContent.
 */
export interface PageUser {
  readonly id: string;
  readonly name: string;
  readonly bot: boolean;
}

export type ButtonStyle = 'primary' | 'secondary' | 'success' | 'destructive' | 'link';

export type PageComponent =
  | {
      readonly type: 'button';
      readonly label: string;
      readonly style: ButtonStyle;
      readonly customId: string | null;
      readonly url: string | null;
      readonly disabled: boolean;
      readonly emoji: string | null;
    }
  | {
      readonly type: 'select';
      readonly customId: string;
      readonly placeholder: string;
      readonly disabled: boolean;
      readonly options: readonly { readonly label: string; readonly value: string; readonly description: string | null }[];
    };

export type PageButton = Extract<PageComponent, { readonly type: 'button' }>;

/** A picture of a V2 message: the served upload, or null for a remote one the offline page cannot show. */
export interface PageMedia {
  readonly url: string | null;
  /** The bot's alt text, which the page gives the img as its alt. */
  readonly alt: string | null;
  readonly spoiler: boolean;
}

/** One piece of a Components V2 message, in the order Discord lays them out. */
export type PageLayoutComponent =
  | { readonly type: 'container'; readonly accentColor: string | null; readonly spoiler: boolean; readonly children: readonly PageLayoutComponent[] }
  | { readonly type: 'text'; readonly markdown: string }
  | { readonly type: 'section'; readonly texts: readonly string[]; readonly accessory: PageButton | ({ readonly type: 'thumbnail' } & PageMedia) }
  | { readonly type: 'gallery'; readonly items: readonly PageMedia[] }
  | { readonly type: 'file'; readonly file: PageAttachment | null; readonly spoiler: boolean }
  | { readonly type: 'separator'; readonly divider: boolean; readonly spacing: 'small' | 'large' }
  | { readonly type: 'row'; readonly components: readonly PageComponent[] };

export interface PageEmbed {
  readonly title: string | null;
  readonly description: string | null;
  readonly color: string | null;
  readonly fields: readonly { readonly name: string; readonly value: string; readonly inline: boolean }[];
  readonly footer: string | null;
  readonly imageUrl: string | null;
}

export interface PageAttachment {
  readonly filename: string;
  readonly url: string;
  readonly contentType: string;
  readonly size: number;
  readonly isImage: boolean;
}

export interface PageMessage {
  readonly id: string;
  readonly author: PageUser;
  readonly content: string;
  readonly createdAt: string;
  readonly edited: boolean;
  readonly ephemeral: boolean;
  /** The bot deferred its answer and has not sent it yet: the page shows "… is thinking". */
  readonly loading: boolean;
  /** The message this one replies to, or `missing` when it cannot be shown. */
  readonly replyTo: { readonly id: string; readonly author: PageUser; readonly excerpt: string } | 'missing' | null;
  readonly embeds: readonly PageEmbed[];
  readonly rows: readonly (readonly PageComponent[])[];
  /** Files shown below the message; one that an embed shows as its image is not listed again. */
  readonly attachments: readonly PageAttachment[];
  /**
   * A Components V2 message's layout, which then holds all it shows: its content, embeds, rows and
   * attachments are empty. Empty for a classic message.
   */
  readonly layout: readonly PageLayoutComponent[];
}

/** One text input of a modal, with the limits the page puts on its input element. */
export interface PageModalField {
  readonly customId: string;
  readonly label: string;
  readonly description: string | null;
  readonly style: 'short' | 'paragraph';
  readonly placeholder: string | null;
  readonly required: boolean;
  readonly minLength: number | null;
  readonly maxLength: number | null;
  /** The bot's prefilled value. */
  readonly value: string | null;
}

/** A modal the bot opened in answer to a click, as the page shows it in a dialog. */
export interface PageModal {
  /** The page server's name for this open modal, sent back with its values. */
  readonly id: string;
  readonly title: string;
  readonly fields: readonly PageModalField[];
}

/** What POST /api/click answers: the message the bot answered with, or a modal to fill in. */
export type ClickResult = { readonly ok: true; readonly messageId: string } | { readonly ok: true; readonly modal: PageModal };

export interface PageState {
  readonly guildName: string;
  /** The slash commands the bot registered, for the composer's suggestions. */
  readonly commands: readonly CommandSummary[];
  /** The names of the message commands the bot registered, offered under Apps on each message. */
  readonly messageCommands: readonly string[];
  readonly channel: { readonly id: string; readonly name: string };
  readonly viewer: PageUser;
  readonly users: readonly PageUser[];
  readonly bot: PageUser;
  readonly messages: readonly PageMessage[];
}

/** What every failed API call answers with: one sentence a person can act on. */
export interface PageError {
  readonly error: string;
}
