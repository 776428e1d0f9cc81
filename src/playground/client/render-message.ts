import type { PageEmbed, PageMessage, PageUser } from '../common/page-types.ts';
import { formatMessageTime } from '../common/message-time.ts';
import { el } from './dom.ts';
import { renderInlineMarkdown, renderMarkdown, type NameOf } from './markdown-dom.ts';
import { renderAttachment } from './render-attachment.ts';
import { renderActionRow } from './render-controls.ts';
import { renderLayout } from './render-layout.ts';

/** What a rendered message can ask the page to do. */
export interface MessageActions {
  click(message: PageMessage, customId: string, button: HTMLElement): void;
  select(message: PageMessage, customId: string, value: string): void;
  reply(message: PageMessage): void;
  dismiss(message: PageMessage): void;
  /** A select menu opened or closed: the page makes room for its options. */
  menuToggled(menu: HTMLElement): void;
  /**
   * Opens the Apps menu of a message (null closes the open one), then focuses one of its commands
   * by index, or the Apps button.
   */
  showApps(message: PageMessage | null, focus?: number | 'button'): void;
  /** Runs a message command (Apps) on the message. */
  runMessageCommand(message: PageMessage, name: string): void;
}

export interface RenderContext {
  readonly nameOf: NameOf;
  readonly avatarOf: (user: PageUser) => string;
  readonly actions: MessageActions;
  /** The message commands the bot registered, offered under Apps on each message. */
  readonly messageCommands: () => readonly string[];
  /** The message whose Apps menu is open, if any. */
  readonly appsOpenFor: () => string | null;
}

/** One message as a discord-message element, with its reply preview, embeds, files and components, or its V2 layout. */
export function renderMessage(message: PageMessage, context: RenderContext): HTMLElement {
  const element = el(
    'discord-message',
    {
      id: `message-${message.id}`,
      'data-message-id': message.id,
      author: message.author.name,
      avatar: context.avatarOf(message.author),
      bot: message.author.bot,
      edited: message.edited,
      ephemeral: message.ephemeral,
      timestamp: formatMessageTime(new Date(message.createdAt), new Date()),
    },
    message.loading
      ? [el('span', { class: 'thinking' }, [`${message.author.name} is thinking`, el('span', { class: 'thinking-dots', 'aria-hidden': 'true' })])]
      : message.layout.length > 0
        ? [renderLayout(message, context)]
        : renderMarkdown(message.content, context.nameOf),
  );
  // The library calls this when "Dismiss message" under an ephemeral message is pressed.
  (element as unknown as { dismissMessageClicked: () => void }).dismissMessageClicked = () => context.actions.dismiss(message);

  if (message.replyTo !== null) element.append(renderReplyPreview(message.replyTo, context));
  if (message.attachments.length > 0) element.append(renderAttachments(message));
  for (const embed of message.embeds) element.append(renderEmbed(embed, context));
  if (message.rows.length > 0) element.append(renderComponents(message, context));
  element.append(renderToolbar(message, context));
  return element;
}

function renderReplyPreview(replyTo: NonNullable<PageMessage['replyTo']>, context: RenderContext): HTMLElement {
  if (replyTo === 'missing') return el('discord-reply', { slot: 'reply', deleted: true });
  return el(
    'discord-reply',
    { slot: 'reply', author: replyTo.author.name, avatar: context.avatarOf(replyTo.author), bot: replyTo.author.bot, 'data-reply-to': replyTo.id },
    renderInlineMarkdown(replyTo.excerpt, context.nameOf),
  );
}

function renderAttachments(message: PageMessage): HTMLElement {
  return el('discord-attachments', { slot: 'attachments' }, message.attachments.map(renderAttachment));
}

function renderEmbed(embed: PageEmbed, context: RenderContext): HTMLElement {
  const children: HTMLElement[] = [];
  if (embed.description !== null) {
    children.push(el('discord-embed-description', { slot: 'description' }, renderMarkdown(embed.description, context.nameOf, { embed: true })));
  }
  if (embed.fields.length > 0) {
    children.push(
      el(
        'discord-embed-fields',
        { slot: 'fields' },
        embed.fields.map((field) => el('discord-embed-field', { 'field-title': field.name }, renderMarkdown(field.value, context.nameOf, { embed: true }))),
      ),
    );
  }
  if (embed.footer !== null) children.push(el('discord-embed-footer', { slot: 'footer' }, [embed.footer]));
  const element = el('discord-embed', { slot: 'embeds', color: embed.color, 'embed-title': embed.title, image: embed.imageUrl }, children);
  const imageUrl = embed.imageUrl;
  if (imageUrl !== null) {
    // As in Discord, a click on the embed's picture shows it full size.
    element.addEventListener('click', (event) => {
      const target = event.composedPath()[0];
      if (target instanceof HTMLImageElement && target.classList.contains('discord-embed-image')) window.open(imageUrl, '_blank', 'noopener');
    });
  }
  return element;
}

function renderComponents(message: PageMessage, context: RenderContext): HTMLElement {
  return el('discord-attachments', { slot: 'components' }, message.rows.map((row) => renderActionRow(message, row, context)));
}

function renderToolbar(message: PageMessage, context: RenderContext): HTMLElement {
  const reply = el('button', { type: 'button', class: 'toolbar-button', 'aria-label': `Reply to ${message.author.name}`, title: 'Reply', 'data-focus-key': `reply-${message.id}` }, ['↩ Reply']);
  reply.addEventListener('click', () => context.actions.reply(message));
  const commands = context.messageCommands();
  const open = context.appsOpenFor() === message.id;
  // Ephemeral messages cannot be replied to in Discord either.
  return el('div', { class: `message-toolbar${open ? ' open' : ''}`, slot: 'reactions', hidden: message.ephemeral }, [
    reply,
    ...(commands.length === 0 ? [] : renderAppsMenu(message, commands, open, context)),
  ]);
}

/**
 * "Apps" and its menu of message commands, as in a Discord message's menu: a menu button
 * (Enter, Space or Down opens it on the first command), menu items that Up, Down, Home and End move
 * between, Escape closing it back onto the button.
 */
function renderAppsMenu(message: PageMessage, commands: readonly string[], open: boolean, context: RenderContext): HTMLElement[] {
  const menuId = `apps-${message.id}`;
  const button = el(
    'button',
    { type: 'button', class: 'toolbar-button', 'aria-haspopup': 'menu', 'aria-expanded': String(open), 'aria-controls': menuId, 'aria-label': `Apps for the message of ${message.author.name}`, title: 'Apps', 'data-focus-key': `apps-button-${message.id}` },
    ['⚡ Apps'],
  );
  button.addEventListener('click', () => context.actions.showApps(open ? null : message, 0));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      context.actions.showApps(message, event.key === 'ArrowDown' ? 0 : commands.length - 1);
    }
  });
  const items = commands.map((name, index) => {
    const item = el('button', { type: 'button', role: 'menuitem', class: 'apps-item', tabindex: '-1', 'data-focus-key': `apps-item-${message.id}-${index}` }, [name]);
    item.addEventListener('click', () => context.actions.runMessageCommand(message, name));
    return item;
  });
  const menu = el('div', { id: menuId, role: 'menu', class: 'apps-menu', 'aria-label': 'Apps', hidden: !open }, [el('div', { class: 'apps-heading', 'aria-hidden': 'true' }, ['Apps']), ...items]);
  menu.addEventListener('keydown', (event) => {
    const current = items.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      items[(index + items.length) % items.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(current + 1);
    else if (event.key === 'ArrowUp') move(current - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      context.actions.showApps(null, 'button');
    }
  });
  return [button, menu];
}
