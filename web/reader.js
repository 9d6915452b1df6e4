// whosaid reader: the text-size control (remembered in localStorage across
// pages and reloads) and focusing a statement when the side list jumps to it.
// Pages work without this script; it only adds to them.
(function () {
  'use strict';
  var KEY = 'whosaid.textSize';
  var DEFAULT = 18, MIN = 12, MAX = 32, STEP = 2;

  function load() {
    try {
      var v = parseInt(window.localStorage.getItem(KEY), 10);
      if (v >= MIN && v <= MAX) return v;
    } catch (e) { /* storage may be disabled */ }
    return DEFAULT;
  }

  function save(px) {
    try {
      if (px === DEFAULT) window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, String(px));
    } catch (e) { /* storage may be disabled */ }
  }

  function apply(px) {
    document.documentElement.style.setProperty('--reader-size', px + 'px');
    var out = document.querySelector('.textsize-value');
    if (out) out.textContent = px + ' px';
    var down = document.querySelector('[data-textsize="down"]');
    var up = document.querySelector('[data-textsize="up"]');
    if (down) down.disabled = px <= MIN;
    if (up) up.disabled = px >= MAX;
  }

  var size = load();
  apply(size);

  document.addEventListener('DOMContentLoaded', function () {
    apply(size);
    var group = document.querySelector('.textsize');
    if (group) {
      group.hidden = false;
      group.addEventListener('click', function (ev) {
        var b = ev.target.closest('button[data-textsize]');
        if (!b) return;
        var what = b.getAttribute('data-textsize');
        if (what === 'up') size = Math.min(MAX, size + STEP);
        else if (what === 'down') size = Math.max(MIN, size - STEP);
        else size = DEFAULT;
        apply(size);
        save(size);
      });
    }
    // Another tab changed the size: follow it.
    window.addEventListener('storage', function (ev) {
      if (ev.key === KEY) { size = load(); apply(size); }
    });
    // The side list jumps to a statement; focus it so its details show and
    // keyboard users continue from there.
    function focusTarget() {
      var id = decodeURIComponent(window.location.hash.slice(1));
      if (!/^q[0-9]+$/.test(id)) return;
      var el = document.getElementById(id);
      if (el && el.classList.contains('stmt')) el.focus({ preventScroll: false });
    }
    window.addEventListener('hashchange', focusTarget);
    document.querySelectorAll('a.wsw').forEach(function (a) {
      a.addEventListener('click', function () { window.setTimeout(focusTarget, 0); });
    });
  });
})();
