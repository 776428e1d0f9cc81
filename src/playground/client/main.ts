import './discord-config.ts';
import '@skyra/discord-components-core';
import './library-styles.ts';
import { hintsFor } from '../common/command-hints.ts';
import { parseComposerInput } from '../common/composer.ts';
import type { ClickResult, PageMessage, PageModal, PageState, PageUser } from '../common/page-types.ts';
import { ApiError, fetchState, post } from './api.ts';
import { avatarFor } from './avatars.ts';
import { el } from './dom.ts';
import { showModalDialog } from './modal-dialog.ts';
import { renderMessage, type RenderContext } from './render-message.ts';

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`The page is missing #${id}`);
  return element as T;
};

const view = {
  messages: byId('messages'),
  scroller: byId('scroller'),
  error: byId('error'),
  connection: byId('connection'),
  viewerSwitch: byId('viewer-switch'),
  guildName: byId('guild-name'),
  channelName: byId('channel-name'),
  sidebarChannel: byId('sidebar-channel'),
  composer: byId<HTMLFormElement>('composer'),
  input: byId<HTMLInputElement>('composer-input'),
  replying: byId('replying'),
  replyingText: byId('replying-text'),
  cancelReply: byId('cancel-reply'),
  hints: byId('hints'),
};

let state: PageState | null = null;
let viewerId: string | null = new URLSearchParams(location.search).get('as');
let replyTo: PageMessage | null = null;
/** The message whose Apps menu is open. */
let appsOpenFor: string | null = null;
const dismissed = new Set<string>();

function avatarOf(user: PageUser): string {
  if (state === null) return avatarFor(user.name, 0);
  const index = user.bot ? 0 : state.users.findIndex((person) => person.id === user.id) + 1;
  return avatarFor(user.name, index);
}

/**
 * Focuses an element of the channel by its data-focus-key (a discord-button's own inner button).
 * On the next frame: a freshly drawn discord-message shows its slotted toolbar and buttons only
 * once the component has rendered, and nothing unrendered can take the focus.
 */
function focusByKey(key: string): void {
  requestAnimationFrame(() => {
    const element = view.messages.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
    const inner = element?.shadowRoot?.querySelector<HTMLElement>('button, a');
    (inner ?? element)?.focus();
  });
}

const context: RenderContext = {
  nameOf: (id) => (state === null ? undefined : [state.bot, ...state.users].find((user) => user.id === id)?.name),
  avatarOf,
  messageCommands: () => state?.messageCommands ?? [],
  appsOpenFor: () => appsOpenFor,
  actions: {
    click: (message, customId, button) => {
      button.setAttribute('data-busy', '');
      const clicked = post('/api/click', { viewer: viewerId, messageId: message.id, customId }).then((result) => {
        if ('modal' in (result as ClickResult)) openModal((result as Extract<ClickResult, { modal: PageModal }>).modal, `button-${message.id}-${customId}`);
      });
      void run(clicked).finally(() => button.removeAttribute('data-busy'));
    },
    showApps: (message, focus) => {
      const previous = appsOpenFor;
      appsOpenFor = message?.id ?? null;
      render();
      const id = message?.id ?? previous;
      if (id === null) return;
      if (typeof focus === 'number') focusByKey(`apps-item-${id}-${focus}`);
      else if (focus === 'button') focusByKey(`apps-button-${id}`);
    },
    runMessageCommand: (message, name) => {
      appsOpenFor = null;
      render();
      focusByKey(`apps-button-${message.id}`);
      void run(post('/api/message-command', { viewer: viewerId, messageId: message.id, name }));
    },
    select: (message, customId, value) => {
      // The menu's option can report one pick twice; like Discord's client, send a choice once while it is pending.
      const key = `${message.id}/${customId}/${value}`;
      if (pendingChoices.has(key)) return;
      pendingChoices.add(key);
      void run(post('/api/select', { viewer: viewerId, messageId: message.id, customId, values: [value] })).finally(() => pendingChoices.delete(key));
    },
    reply: (message) => startReply(message),
    menuToggled: (menu) => {
      requestAnimationFrame(() => {
        const open = (menu.shadowRoot?.querySelector('.discord-string-select-menu-option-slot:not(.discord-string-select-menu-hidden)') ?? null) !== null;
        view.scroller.classList.toggle('menu-open', open);
        // Lift the message so its options cover the messages below it.
        menu.closest('discord-message')?.classList.toggle('has-open-menu', open);
        if (open) menu.scrollIntoView({ block: 'start', behavior: 'instant' });
      });
    },
    dismiss: (message) => {
      dismissed.add(message.id);
      render();
    },
  },
};

/**
 * Shows a modal the bot opened as a dialog. Submit sends its values and the bot's answer appears as
 * usual; Cancel or Escape closes it unsent. Either way the focus goes back to the button that
 * opened it (found again by key: the channel may have been redrawn meanwhile).
 */
function openModal(modal: PageModal, openerKey: string): void {
  const viewer = viewerId;
  showModalDialog(modal, {
    submit: async (values) => {
      await post('/api/modal/submit', { viewer, modalId: modal.id, values });
      revealNextNewMessage = true;
      showError(null);
      await refresh();
    },
    cancel: () => void post('/api/modal/close', { viewer, modalId: modal.id }).catch(() => undefined),
    closed: () => focusByKey(openerKey),
  });
}

/** Shows the error of a failed action until the next action succeeds. */
/** Menu choices sent and not yet answered. */
const pendingChoices = new Set<string>();

async function run(action: Promise<unknown>): Promise<void> {
  // What your own action brings (an answer, a private copy) is scrolled into view, as in Discord.
  revealNextNewMessage = true;
  try {
    await action;
    showError(null);
  } catch (error) {
    showError(error instanceof ApiError ? error.message : `Unexpected problem: ${String(error)}`);
  }
  await refresh();
}

function showError(message: string | null): void {
  view.error.hidden = message === null;
  view.error.textContent = message ?? '';
}

let revealNextNewMessage = false;
let knownIds = new Set<string>();
let refreshing: Promise<void> | null = null;
let refreshAgain = false;

/** Reloads the channel; calls made while one is in flight fold into one more reload after it. */
async function refresh(): Promise<void> {
  if (refreshing !== null) {
    refreshAgain = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      refreshAgain = false;
      try {
        state = await fetchState(viewerId).catch(async (error: unknown) => {
          // A restarted playground has new user ids; the page falls back to its first user.
          if (!(error instanceof ApiError && error.status === 400 && viewerId !== null)) throw error;
          viewerId = null;
          return fetchState(null);
        });
        viewerId = state.viewer.id;
        rememberViewer(viewerId);
        render();
      } catch (error) {
        showError(error instanceof ApiError ? error.message : String(error));
      }
    } while (refreshAgain);
  })();
  try {
    await refreshing;
  } finally {
    refreshing = null;
  }
}

function render(): void {
  if (state === null) return;
  const current = state;
  view.guildName.textContent = current.guildName;
  view.channelName.textContent = current.channel.name;
  view.sidebarChannel.textContent = current.channel.name;
  document.body.dataset['viewer'] = current.viewer.name;
  renderViewerSwitch(current);

  view.scroller.classList.remove('menu-open');
  const atBottom = view.scroller.scrollHeight - view.scroller.scrollTop - view.scroller.clientHeight < 80;
  const shown = current.messages.filter((message) => !dismissed.has(message.id));
  if (appsOpenFor !== null && !shown.some((message) => message.id === appsOpenFor)) appsOpenFor = null;
  // Redrawing replaces every element: keep the keyboard focus on the same control.
  const focused = document.activeElement instanceof HTMLElement && view.messages.contains(document.activeElement) ? document.activeElement.dataset['focusKey'] : undefined;
  view.messages.replaceChildren(
    ...(shown.length === 0 ? [el('div', { class: 'empty-channel' }, ['No messages yet. Type /concurrency below to start a guide.'])] : []),
    ...shown.map((message) => renderMessage(message, context)),
  );
  const firstNew = shown.find((message) => !knownIds.has(message.id));
  knownIds = new Set(current.messages.map((message) => message.id));
  if (focused !== undefined) focusByKey(focused);
  // The components draw themselves a moment later; scroll once they have their height.
  if (firstNew !== undefined && revealNextNewMessage) {
    revealNextNewMessage = false;
    requestAnimationFrame(() => document.getElementById(`message-${firstNew.id}`)?.scrollIntoView({ block: 'nearest' }));
  } else if (atBottom) {
    requestAnimationFrame(() => (view.scroller.scrollTop = view.scroller.scrollHeight));
  }
  if (replyTo !== null && !current.messages.some((message) => message.id === replyTo?.id)) cancelReply();
}

function renderViewerSwitch(current: PageState): void {
  view.viewerSwitch.replaceChildren(
    ...current.users.map((user) => {
      const selected = user.id === current.viewer.id;
      const option = el('button', { type: 'button', role: 'radio', 'aria-checked': String(selected), class: 'viewer-option', 'data-user-id': user.id }, [
        el('img', { src: avatarOf(user), alt: '' }),
        user.name,
      ]);
      option.addEventListener('click', () => switchViewer(user.id));
      return option;
    }),
  );
}

function switchViewer(id: string): void {
  if (id === viewerId) return;
  viewerId = id;
  cancelReply();
  rememberViewer(id);
  void refresh();
}

/** Keeps the chosen user in the address, so a reload shows the channel as the same person. */
function rememberViewer(id: string): void {
  const url = new URL(location.href);
  if (url.searchParams.get('as') === id) return;
  url.searchParams.set('as', id);
  history.replaceState(null, '', url);
}

function startReply(message: PageMessage): void {
  replyTo = message;
  view.replying.hidden = false;
  view.replyingText.replaceChildren('Replying to ', el('strong', {}, [message.author.name]));
  view.input.focus();
}

function cancelReply(): void {
  replyTo = null;
  view.replying.hidden = true;
}

view.cancelReply.addEventListener('click', cancelReply);

/** Shows Discord-like suggestions while a slash command is typed; Tab takes the first one. */
function showHints(): void {
  const hints = state === null ? [] : hintsFor(view.input.value, state.commands);
  view.hints.hidden = hints.length === 0;
  view.hints.replaceChildren(
    ...hints.map((hint) => {
      const item = el('button', { type: 'button', class: 'hint', 'data-completion': hint.completion }, [
        el('span', { class: 'hint-label' }, [hint.label]),
        el('span', { class: 'hint-description' }, [hint.description]),
      ]);
      item.addEventListener('click', () => takeHint(hint.completion));
      return item;
    }),
  );
}

function takeHint(completion: string): void {
  view.input.value = completion;
  view.input.focus();
  showHints();
}

view.input.addEventListener('input', showHints);
view.input.addEventListener('keydown', (event) => {
  const first = view.hints.querySelector<HTMLElement>('.hint')?.dataset['completion'];
  if (event.key === 'Tab' && first !== undefined && !view.hints.hidden) {
    event.preventDefault();
    takeHint(first);
  } else if (event.key === 'Escape') {
    view.hints.hidden = true;
    if (replyTo !== null) cancelReply();
  }
});

view.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  if (state === null) return;
  const text = view.input.value;
  const input = parseComposerInput(text, state.bot.name);
  if (input.kind === 'invalid') {
    showError(input.problem);
    return;
  }
  view.input.value = '';
  showHints();
  const replyingTo = replyTo;
  cancelReply();
  const request =
    input.kind === 'command'
      ? post('/api/command', { viewer: viewerId, name: input.name, options: input.options })
      : post('/api/message', {
          viewer: viewerId,
          content: input.content,
          mentionBot: input.mentionBot,
          ...(replyingTo === null ? {} : { replyTo: replyingTo.id }),
        });
  void run(request);
});

// A click anywhere but on an Apps button or menu closes the open menu. (Those redraw the channel
// themselves, so the clicked element may already be detached here: match it by what it is.)
document.addEventListener('click', (event) => {
  if (appsOpenFor === null) return;
  const onApps = event.composedPath().some((target) => target instanceof Element && target.matches('.apps-menu, [aria-haspopup="menu"]'));
  if (!onApps) context.actions.showApps(null);
});

function listen(): void {
  const events = new EventSource('/api/events');
  events.addEventListener('ready', () => {
    view.connection.textContent = 'live';
    view.connection.dataset['state'] = 'live';
    void refresh();
  });
  events.addEventListener('change', () => void refresh());
  events.addEventListener('error', () => {
    // EventSource reconnects by itself; say so instead of leaving a stale channel unexplained.
    view.connection.textContent = 'reconnecting…';
    view.connection.dataset['state'] = 'down';
  });
}

listen();
void refresh();
