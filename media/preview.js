// The preview page's script (loaded with a nonce under a strict CSP). It swaps in new HTML while
// keeping the scroll position, and keeps editor and preview scrolled to the same source line.
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('ogi-root');
  let suppressScrollUntil = 0;

  /** Elements carrying source lines, in document order. */
  function lineElements() {
    return Array.from(root.querySelectorAll('[data-line]'));
  }

  function scrollToLine(line) {
    let best;
    for (const el of lineElements()) {
      const l = Number(el.getAttribute('data-line'));
      if (l <= line && (!best || l >= Number(best.getAttribute('data-line')))) best = el;
    }
    if (!best) return;
    suppressScrollUntil = Date.now() + 300;
    window.scrollTo({ top: best.getBoundingClientRect().top + window.scrollY - 8 });
  }

  /** The source line at the top of the view: the last element (in order) that starts above it. */
  function topVisibleLine() {
    let line;
    for (const el of lineElements()) {
      if (el.getBoundingClientRect().top > 10) break;
      line = Number(el.getAttribute('data-line'));
    }
    return line;
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'update') {
      const y = window.scrollY;
      root.innerHTML = message.html;
      window.scrollTo({ top: y });
      document.title = message.title;
      vscode.setState({ uri: message.uri, scrollY: y });
    } else if (message.type === 'scrollToLine') {
      scrollToLine(message.line);
    }
  });

  let pending = false;
  window.addEventListener('scroll', () => {
    if (pending || Date.now() < suppressScrollUntil) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const line = topVisibleLine();
      const state = vscode.getState() || {};
      vscode.setState({ ...state, scrollY: window.scrollY });
      if (line !== undefined) vscode.postMessage({ type: 'revealLine', line });
    });
  });

  document.addEventListener('dblclick', (event) => {
    const el = event.target instanceof Element ? event.target.closest('[data-line]') : null;
    if (el) vscode.postMessage({ type: 'openAt', line: Number(el.getAttribute('data-line')) });
  });

  const state = vscode.getState();
  if (state && typeof state.scrollY === 'number') window.scrollTo({ top: state.scrollY });
  vscode.postMessage({ type: 'ready' });
})();
