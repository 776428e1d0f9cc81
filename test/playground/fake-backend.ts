import type { BackendActor, BackendMessage, BackendModal, BackendModalField, BackendUser, ChatBackend } from '../../src/playground/backend.ts';

/** Mirrors the local server's named driver errors, which the page turns into sentences. */
export class FakeDriverError extends Error {
  override name = 'DriverError';
}
export class FakeInteractionFailedError extends Error {
  override name = 'InteractionFailedError';
}

export interface ActorCall {
  readonly user: string;
  readonly method: string;
  readonly args: readonly unknown[];
}

/**
 * A channel in memory with a scripted bot: enough of the local server for the page server's
 * tests, which check what the page sends and shows, not how Discord behaves.
 */
export class FakeBackend implements ChatBackend {
  readonly bot = { userId: '900000000000000001', username: 'Guide' };
  readonly calls: ActorCall[] = [];
  /** Makes the next action fail with this error, as a rejected driver call would. */
  failNext: Error | null = null;
  /** Makes the next button click open this modal instead of updating the message. */
  modalNext: { readonly title: string; readonly fields: readonly BackendModalField[] } | null = null;
  private readonly stored: BackendMessage[] = [];
  private readonly listeners = new Set<(event: unknown) => void>();
  private nextId = 1000;

  messages(channelId: string, viewerId?: string): readonly BackendMessage[] {
    return this.stored.filter(
      (message) => message.channelId === channelId && (!message.ephemeral || (message as { ephemeralFor?: string }).ephemeralFor === viewerId),
    );
  }

  onChange(listener: (event: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stores a message as if the bot or a user had sent it, and tells the listeners. */
  post(message: Partial<BackendMessage> & { channelId: string; authorId: string; ephemeralFor?: string }): BackendMessage {
    const stored = {
      id: String(this.nextId++).padStart(18, '1'),
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      ephemeral: false,
      createdAt: Date.UTC(2026, 0, 1, 12, 0, this.nextId % 60),
      ...message,
    };
    this.stored.push(stored);
    this.emit();
    return stored;
  }

  edit(id: string, change: Partial<BackendMessage>): void {
    const index = this.stored.findIndex((message) => message.id === id);
    const current = this.stored[index];
    if (current === undefined) throw new FakeDriverError(`Unknown message ${id}`);
    this.stored[index] = { ...current, ...change, editedAt: Date.UTC(2026, 0, 1, 12, 30) };
    this.emit();
  }

  as(user: BackendUser): BackendActor {
    const act = async (method: string, args: unknown[], then: () => BackendMessage): Promise<BackendMessage> => {
      this.calls.push({ user: user.id, method, args });
      const failure = this.failNext;
      this.failNext = null;
      if (failure !== null) throw failure;
      return then();
    };
    return {
      runSlashCommand: (channelId, name, options) =>
        act('runSlashCommand', [channelId, name, options], () =>
          this.post({
            channelId,
            authorId: this.bot.userId,
            content: `Hello <@${user.id}>, ${name} started`,
            ephemeral: options?.['private'] === true,
            ephemeralFor: user.id,
            embeds: [{ title: 'Step 1 of 3', description: 'Is your work **waiting** or `computing`?', color: 0x5865f2 }],
            components: [[{ type: 'button', label: 'Waiting', style: 1, customId: 'answer:waiting' }]],
          }),
        ),
      pressButton: async (messageId, which) => {
        const modal = this.modalNext;
        this.modalNext = null;
        if (modal !== null) {
          const clicked = await act('pressButton', [messageId, which], () => this.stored.find((message) => message.id === messageId) as BackendMessage);
          return { kind: 'modal', modal: this.openModal(user, clicked.channelId, modal) };
        }
        const message = await act('pressButton', [messageId, which], () => {
          this.edit(messageId, { embeds: [{ title: 'Use asyncio' }], components: [] });
          return this.stored.find((candidate) => candidate.id === messageId) as BackendMessage;
        });
        return { kind: 'message', message };
      },
      runMessageCommand: (messageId, name) =>
        act('runMessageCommand', [messageId, name], () =>
          this.post({ channelId: this.stored.find((message) => message.id === messageId)?.channelId ?? '', authorId: this.bot.userId, content: `${name} about ${messageId}` }),
        ),
      selectOption: (messageId, which) =>
        act('selectOption', [messageId, which], () => this.stored.find((message) => message.id === messageId) as BackendMessage),
      sendMessage: (channelId, content, opts) =>
        act('sendMessage', [channelId, content, opts], () =>
          this.post({ channelId, authorId: user.id, content, ...(opts?.replyTo === undefined ? {} : { reference: opts.replyTo }) }),
        ),
    };
  }

  /** A scripted modal: its submit posts the values the bot got, privately; both record a call. */
  private openModal(user: BackendUser, channelId: string, opened: { readonly title: string; readonly fields: readonly BackendModalField[] }): BackendModal {
    return {
      customId: 'form',
      title: opened.title,
      fields: opened.fields,
      submit: async (values) => {
        this.calls.push({ user: user.id, method: 'submitModal', args: [values] });
        const failure = this.failNext;
        this.failNext = null;
        if (failure !== null) throw failure;
        const shown = Object.entries(values).map(([key, value]) => `${key}=${value}`).join(', ');
        return this.post({ channelId, authorId: this.bot.userId, content: `you asked: ${shown}`, ephemeral: true, ephemeralFor: user.id });
      },
      close: () => {
        this.calls.push({ user: user.id, method: 'closeModal', args: [] });
      },
    };
  }

  private emit(): void {
    for (const listener of this.listeners) listener({ type: 'changed' });
  }
}
