import type { RenderedMessage } from '../local-discord/index.ts';

/**
 * The part of the local Discord-compatible server the page uses. Kept as a narrow interface so
 * the page server can be tested against a small fake as well as the real server.
 */

export interface BackendUser {
  readonly id: string;
  readonly username: string;
}

export type BackendComponent =
  | {
      readonly type: 'button';
      readonly label?: string | undefined;
      readonly style: number | string;
      readonly customId?: string | undefined;
      readonly url?: string | undefined;
      readonly disabled?: boolean | undefined;
      readonly emoji?: string | { readonly name?: string | null | undefined } | null | undefined;
    }
  | {
      readonly type: 'select';
      readonly customId: string;
      readonly placeholder?: string | undefined;
      readonly disabled?: boolean | undefined;
      readonly options: readonly { readonly label: string; readonly value: string; readonly description?: string | undefined }[];
    };

/** A picture of a media gallery or a thumbnail: its url (`attachment://name` for an upload) and alt text. */
export interface BackendMedia {
  readonly url: string;
  readonly description?: string | undefined;
  readonly spoiler?: boolean | undefined;
}

/** One piece of a Components V2 message, in the order the message lays them out. */
export type BackendLayoutComponent =
  | { readonly type: 'container'; readonly accentColor?: number | undefined; readonly spoiler?: boolean | undefined; readonly components: readonly BackendLayoutComponent[] }
  | { readonly type: 'textDisplay'; readonly content: string }
  | { readonly type: 'section'; readonly texts: readonly string[]; readonly accessory: Extract<BackendComponent, { type: 'button' }> | ({ readonly type: 'thumbnail' } & BackendMedia) }
  | { readonly type: 'mediaGallery'; readonly items: readonly BackendMedia[] }
  | { readonly type: 'file'; readonly url: string; readonly spoiler?: boolean | undefined }
  | { readonly type: 'separator'; readonly divider: boolean; readonly spacing: 'small' | 'large' }
  | { readonly type: 'actionRow'; readonly components: readonly BackendComponent[] };

export interface BackendEmbed {
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  readonly color?: number | undefined;
  readonly fields?: readonly { readonly name: string; readonly value: string; readonly inline?: boolean | undefined }[] | undefined;
  readonly footer?: { readonly text: string } | string | undefined;
  readonly image?: { readonly url: string } | string | undefined;
}

export interface BackendAttachment {
  readonly filename: string;
  readonly contentType?: string | undefined;
  readonly size: number;
  readonly data: Uint8Array;
}

/**
 * A message as the page reads it. Who wrote what where is the local server's own shape; the parts
 * the page draws are looser, so that a small fake can stand in for the server in tests.
 */
export interface BackendMessage extends Pick<RenderedMessage, 'id' | 'channelId' | 'authorId' | 'content' | 'ephemeral'> {
  readonly embeds: readonly BackendEmbed[];
  readonly components: readonly (readonly BackendComponent[])[];
  /**
   * A Components V2 message's layout (the local server renders it; its `components` then repeat
   * the layout's controls as rows, and its `attachments` are those the layout shows). Absent or
   * empty for a classic message.
   */
  readonly layout?: readonly BackendLayoutComponent[] | undefined;
  readonly attachments: readonly BackendAttachment[];
  /** True while a deferred answer shows "… is thinking". */
  readonly loading?: boolean | undefined;
  readonly reference?: string | undefined;
  readonly createdAt: number | string | Date;
  readonly editedAt?: number | string | Date | null | undefined;
}

type SlashOptions = Record<string, string | number | boolean>;

/** One text input of a modal the bot opened. */
export interface BackendModalField {
  readonly label: string;
  readonly customId: string;
  readonly style: 'short' | 'paragraph';
  readonly placeholder?: string | undefined;
  readonly required: boolean;
  readonly minLength?: number | undefined;
  readonly maxLength?: number | undefined;
  readonly value?: string | undefined;
  readonly description?: string | undefined;
}

/** A modal the bot opened in answer to a click, until it is submitted or closed. */
export interface BackendModal {
  readonly customId: string;
  readonly title: string;
  readonly fields: readonly BackendModalField[];
  /** Sends the values (by input custom id) and resolves with the bot's answer. */
  submit(values: Readonly<Record<string, string>>): Promise<BackendMessage>;
  /** Closes it unsent: the bot hears nothing. */
  close(): void;
}

/** What a click brought: the bot's answer, or a modal to fill in. */
export type BackendButtonAnswer = { readonly kind: 'message'; readonly message: BackendMessage } | { readonly kind: 'modal'; readonly modal: BackendModal };

export interface BackendActor {
  runSlashCommand(channelId: string, name: string, options?: SlashOptions): Promise<BackendMessage>;
  /** Runs a message context-menu command (Apps in a message's menu) on a message. */
  runMessageCommand(messageId: string, name: string): Promise<BackendMessage>;
  pressButton(messageId: string, which: { customId: string }): Promise<BackendButtonAnswer>;
  selectOption(messageId: string, which: { customId?: string; values: string[] }): Promise<BackendMessage>;
  sendMessage(channelId: string, content: string, opts?: { replyTo?: string; mentionBot?: boolean }): Promise<BackendMessage>;
}

export interface ChatBackend {
  readonly bot: { readonly userId: string; readonly username: string };
  messages(channelId: string, viewerId?: string): readonly BackendMessage[];
  onChange(listener: (event: unknown) => void): () => void;
  as(user: BackendUser): BackendActor;
}
