/**
 * The page shell. It holds no data: the script asks /api/state for the channel, so nothing a user
 * typed is ever written into this HTML.
 */
export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>#python-help · Concurrency guide playground</title>
<link rel="stylesheet" href="/app.css">
</head>
<body>
<div class="app">
  <nav class="servers" aria-hidden="true"><div class="server-icon">P</div></nav>
  <aside class="sidebar">
    <header class="guild-name" id="guild-name">Playground</header>
    <div class="channel-list"><div class="channel active"><span class="hash">#</span><span id="sidebar-channel">python-help</span></div></div>
    <section class="viewer" aria-label="Who you are">
      <div class="viewer-title">Acting as</div>
      <div class="viewer-switch" id="viewer-switch" role="radiogroup" aria-label="Acting as"></div>
      <p class="viewer-hint">Switch to see what the other person sees: private (ephemeral) messages show only to their owner.</p>
    </section>
  </aside>
  <main class="channel-view">
    <header class="channel-header"><span class="hash">#</span><span id="channel-name">python-help</span>
      <span class="channel-topic">Try the concurrency guide: type <code>/concurrency</code>, or <code>/concurrency private:true</code> for a private one.</span>
      <span class="connection" id="connection" role="status">connecting…</span>
    </header>
    <div class="scroller" id="scroller"><discord-messages id="messages"></discord-messages></div>
    <div class="error" id="error" role="alert" hidden></div>
    <form class="composer" id="composer" autocomplete="off">
      <div class="composer-popups">
        <div class="hints" id="hints" role="listbox" aria-label="Command suggestions" hidden></div>
        <div class="replying" id="replying" hidden><span id="replying-text"></span><button type="button" id="cancel-reply" aria-label="Cancel reply">✕</button></div>
      </div>
      <input id="composer-input" name="text" aria-label="Message #python-help" placeholder="Message #python-help — try /concurrency" maxlength="2000">
    </form>
  </main>
</div>
<script type="module" src="/app.js"></script>
</body>
</html>
`;
