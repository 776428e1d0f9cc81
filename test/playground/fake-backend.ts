import type { BackendActor, BackendMessage, BackendUser, ChatBackend } from '../../src/playground/backend.ts';

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
      clickButton: (messageId, which) =>
        act('clickButton', [messageId, which], () => {
          this.edit(messageId, { embeds: [{ title: 'Use asyncio' }], components: [] });
          return this.stored.find((message) => message.id === messageId) as BackendMessage;
        }),
      selectOption: (messageId, which) =>
        act('selectOption', [messageId, which], () => this.stored.find((message) => message.id === messageId) as BackendMessage),
      sendMessage: (channelId, content, opts) =>
        act('sendMessage', [channelId, content, opts], () =>
          this.post({ channelId, authorId: user.id, content, ...(opts?.replyTo === undefined ? {} : { reference: opts.replyTo }) }),
        ),
    };
  }

  private emit(): void {
    for (const listener of this.listeners) listener({ type: 'changed' });
  }
}
