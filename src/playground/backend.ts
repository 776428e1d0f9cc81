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

export interface BackendMessage {
  readonly id: string;
  readonly channelId: string;
  readonly authorId: string;
  readonly content: string;
  readonly embeds: readonly BackendEmbed[];
  readonly components: readonly (readonly BackendComponent[])[];
  readonly attachments: readonly BackendAttachment[];
  readonly ephemeral: boolean;
  /** True while a deferred answer shows "… is thinking". */
  readonly loading?: boolean | undefined;
  readonly reference?: string | undefined;
  readonly createdAt: number | string | Date;
  readonly editedAt?: number | string | Date | null | undefined;
}

type SlashOptions = Record<string, string | number | boolean>;

export interface BackendActor {
  runSlashCommand(channelId: string, name: string, options?: SlashOptions): Promise<BackendMessage>;
  clickButton(messageId: string, which: { customId: string }): Promise<BackendMessage>;
  selectOption(messageId: string, which: { customId?: string; values: string[] }): Promise<BackendMessage>;
  sendMessage(channelId: string, content: string, opts?: { replyTo?: string; mentionBot?: boolean }): Promise<BackendMessage>;
}

export interface ChatBackend {
  readonly bot: { readonly userId: string; readonly username: string };
  messages(channelId: string, viewerId?: string): readonly BackendMessage[];
  onChange(listener: (event: unknown) => void): () => void;
  as(user: BackendUser): BackendActor;
}
