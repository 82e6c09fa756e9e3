// assure report: diagrams (pan, zoom, select), element details, search,
// sortable / filterable registers with CSV. No network, no eval; the only
// HTML inserted is the report's own (statements and register cells), made
// and escaped by the report generator — never text assembled here.
(function () {
  'use strict';
  var dataNode = document.getElementById('ar-data');
  if (!dataNode) return;
  var D = JSON.parse(dataNode.textContent);
  var E = D.elements;
  var byId = new Map();
  E.forEach(function (e, i) { if (!byId.has(e.i)) byId.set(e.i, i); });
  var canvas = document.getElementById('ar-canvas');
  var details = document.getElementById('ar-details');
  var tabs = Array.prototype.slice.call(document.querySelectorAll('.ar-tabs [data-view]'));
  var stemToView = new Map();
  var moduleView = new Map();
  D.views.forEach(function (v, i) {
    stemToView.set(v.stem, i);
    if (v.m !== null && v.m !== undefined) moduleView.set(v.m, i);
  });

  // ---------- diagrams ----------
  var current = -1, svg = null, vb = null, full = null, selected = -1, model = null;
  var cache = new Map();
  // Views with more elements than this keep only the elements near the
  // screen in the document (the rest wait, detached, until panned to), and
  // drop their text when zoomed out too far to read it.
  var VIRTUAL = 600;

  function size() {
    return { w: canvas.clientWidth || 800, h: canvas.clientHeight || 600 };
  }
  var pending = false;
  function apply() {
    if (!svg) return;
    svg.setAttribute('viewBox', vb.x + ' ' + vb.y + ' ' + vb.w + ' ' + vb.h);
    if (model && model.virtual && !pending) {
      pending = true;
      requestAnimationFrame(function () { pending = false; cull(); });
    }
  }
  // Attach the elements whose boxes meet the view box (with a margin of half
  // a screen), detach the others; hide text when it would be unreadable.
  function cull() {
    if (!model || !model.virtual) return;
    var mx = vb.w / 2, my = vb.h / 2;
    var x0 = vb.x - mx, y0 = vb.y - my, x1 = vb.x + vb.w + mx, y1 = vb.y + vb.h + my;
    var b = model.boxes, on = model.on, gs = model.groups, layer = model.layer;
    for (var k = 0; k < gs.length; k++) {
      var see = b[4 * k] < x1 && b[4 * k] + b[4 * k + 2] > x0 && b[4 * k + 1] < y1 && b[4 * k + 1] + b[4 * k + 3] > y0;
      if (see && !on[k]) { layer.appendChild(gs[k]); on[k] = 1; }
      else if (!see && on[k]) { gs[k].remove(); on[k] = 0; }
    }
    svg.classList.toggle('ar-far', size().w / vb.w < 0.25);
  }
  function fitBox() {
    var c = size();
    var s = Math.min(c.w / full.w, c.h / full.h);
    var w = c.w / s, h = c.h / s;
    return { x: full.x - (w - full.w) / 2, y: full.y - (h - full.h) / 2, w: w, h: h };
  }
  function startBox() {
    var c = size();
    var s = Math.min(c.w / full.w, c.h / full.h);
    if (s >= 0.35) return fitBox();
    // Too small to read whole: start readable, at the top centre (the root).
    s = 0.6;
    var w = c.w / s, h = c.h / s;
    return { x: full.x + (full.w - w) / 2, y: full.y, w: w, h: h };
  }
  function build(i) {
    var t = document.getElementById('ar-view-' + i);
    if (!t || !t.content.firstElementChild) return null;
    var s = t.content.firstElementChild.cloneNode(true);
    s.removeAttribute('width');
    s.removeAttribute('height');
    s.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    var layer = s.querySelector('g.gsnelems');
    var groups = layer ? Array.prototype.slice.call(layer.querySelectorAll(':scope > g.gsnelem')) : [];
    var m = { svg: s, groups: groups, layer: layer, byEid: new Map(), boxes: D.views[i].b || [], virtual: false, on: null };
    // Element ids live in data attributes: the page's own ids and the
    // case's can never collide, and `#G1` is handled here, not by the browser.
    groups.forEach(function (g, k) {
      var id = g.getAttribute('id') || '';
      if (!byId.has(id)) { var r = /^(.*)~\d+$/.exec(id); if (r && byId.has(r[1])) id = r[1]; }
      g.setAttribute('data-eid', id);
      g.removeAttribute('id');
      if (!m.byEid.has(id)) m.byEid.set(id, []);
      m.byEid.get(id).push(k);
    });
    if (groups.length > VIRTUAL && m.boxes.length === 4 * groups.length) {
      m.virtual = true;
      m.on = new Uint8Array(groups.length);
      groups.forEach(function (g) { g.remove(); });
    }
    return m;
  }
  function attach(i) {
    if (i === current || i < 0 || i >= D.views.length) return;
    var m = cache.get(i);
    if (!m) {
      m = build(i);
      if (!m) return;
      cache.set(i, m);
    }
    var old = canvas.querySelector('svg');
    if (old) old.remove();
    canvas.appendChild(m.svg);
    svg = m.svg;
    model = m;
    current = i;
    var v = svg.viewBox.baseVal;
    full = { x: v.x, y: v.y, w: v.width || 1, h: v.height || 1 };
    if (!m.box) m.box = startBox();
    vb = m.box;
    apply();
    cull();
    tabs.forEach(function (t, k) { t.setAttribute('aria-selected', k === i ? 'true' : 'false'); });
    mark();
  }
  // Indices (in the current view) of the boxes of element `idx`.
  function boxesOf(idx) {
    if (!model || idx < 0) return [];
    return model.byEid.get(E[idx].i) || [];
  }
  function groupsOf(idx) {
    return boxesOf(idx).map(function (k) { return model.groups[k]; });
  }
  function mark() {
    if (!model) return;
    model.groups.forEach(function (g) { if (g.classList.contains('ar-sel')) g.classList.remove('ar-sel'); });
    groupsOf(selected).forEach(function (g) { g.classList.add('ar-sel'); });
  }
  function centerOn(k) {
    var b = model.boxes;
    var box;
    if (b.length === 4 * model.groups.length) box = { x: b[4 * k], y: b[4 * k + 1], width: b[4 * k + 2], height: b[4 * k + 3] };
    else { try { box = model.groups[k].getBBox(); } catch (e) { return; } }
    var c = size();
    var scale = c.w / vb.w;
    if (scale < 0.7) scale = 1;
    var w = c.w / scale, h = c.h / scale;
    vb = { x: box.x + box.width / 2 - w / 2, y: box.y + box.height / 2 - h / 2, w: w, h: h };
    model.box = vb;
    apply();
    cull();
  }
  function zoomAt(f, mx, my) {
    var c = size();
    var ux = vb.x + (mx / c.w) * vb.w, uy = vb.y + (my / c.h) * vb.h;
    var w = vb.w / f, h = vb.h / f;
    if (w < 50 || w > full.w * 20 + 5000) return;
    vb = { x: ux - (mx / c.w) * w, y: uy - (my / c.h) * h, w: w, h: h };
    model.box = vb;
    apply();
  }
  canvas.addEventListener('wheel', function (ev) {
    if (!svg) return;
    ev.preventDefault();
    var r = canvas.getBoundingClientRect();
    zoomAt(ev.deltaY < 0 ? 1.15 : 1 / 1.15, ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });
  var drag = null;
  canvas.addEventListener('pointerdown', function (ev) {
    if (!svg || ev.button !== 0) return;
    drag = { x: ev.clientX, y: ev.clientY, vb: vb, moved: false, id: ev.pointerId };
  });
  canvas.addEventListener('pointermove', function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!drag.moved) { drag.moved = true; canvas.classList.add('ar-dragging'); try { canvas.setPointerCapture(drag.id); } catch (e) { /* ignore */ } }
    var c = size();
    vb = { x: drag.vb.x - dx * drag.vb.w / c.w, y: drag.vb.y - dy * drag.vb.h / c.h, w: drag.vb.w, h: drag.vb.h };
    model.box = vb;
    apply();
  });
  function endDrag() { canvas.classList.remove('ar-dragging'); }
  canvas.addEventListener('pointerup', function () { endDrag(); setTimeout(function () { drag = null; }, 0); });
  canvas.addEventListener('pointercancel', function () { endDrag(); drag = null; });
  canvas.addEventListener('click', function (ev) {
    // Links inside diagrams (away elements, module boxes, `url:`) are
    // handled here: the panel shows the element; nothing navigates away.
    var a = ev.target.closest ? ev.target.closest('a') : null;
    if (a) ev.preventDefault();
    if (drag && drag.moved) return;
    var g = ev.target.closest ? ev.target.closest('g.gsnelem') : null;
    if (!g) return;
    var id = g.getAttribute('data-eid');
    if (byId.has(id)) { select(byId.get(id), false); history.replaceState(null, '', '#' + encodeURIComponent(id)); return; }
    // A module box of the architecture view: open that module's view.
    if (a) {
      var href = a.getAttribute('href') || '';
      var stem = href.replace(/\.svg(#.*)?$/, '');
      if (stemToView.has(stem)) attach(stemToView.get(stem));
    }
  });
  canvas.addEventListener('keydown', function (ev) {
    if (!svg) return;
    var c = size(), step = 0.1;
    if (ev.key === '+' || ev.key === '=') zoomAt(1.25, c.w / 2, c.h / 2);
    else if (ev.key === '-') zoomAt(0.8, c.w / 2, c.h / 2);
    else if (ev.key === 'ArrowLeft') { vb.x -= vb.w * step; apply(); }
    else if (ev.key === 'ArrowRight') { vb.x += vb.w * step; apply(); }
    else if (ev.key === 'ArrowUp') { vb.y -= vb.h * step; apply(); }
    else if (ev.key === 'ArrowDown') { vb.y += vb.h * step; apply(); }
    else return;
    ev.preventDefault();
  });
  document.querySelectorAll('.ar-zoom [data-zoom]').forEach(function (b) {
    b.addEventListener('click', function () {
      if (!svg) return;
      var c = size(), z = b.getAttribute('data-zoom');
      if (z === 'in') zoomAt(1.4, c.w / 2, c.h / 2);
      else if (z === 'out') zoomAt(1 / 1.4, c.w / 2, c.h / 2);
      else { vb = fitBox(); model.box = vb; apply(); }
    });
  });
  tabs.forEach(function (t, i) { t.addEventListener('click', function () { attach(i); }); });

  // ---------- element details ----------
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = text;
    return n;
  }
  function refLink(k) {
    var a = el('a', 'ar-ref', E[k].i);
    a.href = '#' + encodeURIComponent(E[k].i);
    return a;
  }
  function refList(list) {
    var ul = el('ul');
    list.forEach(function (k) {
      var li = el('li');
      li.appendChild(refLink(k));
      var t = E[k].t.replace(/\s+/g, ' ');
      li.appendChild(document.createTextNode(' ' + E[k].k.toLowerCase() + ': ' + (t.length > 140 ? t.slice(0, 139) + '\u2026' : t)));
      ul.appendChild(li);
    });
    return ul;
  }
  function showDetails(idx) {
    var e = E[idx];
    details.textContent = '';
    details.setAttribute('data-element', e.i);
    details.appendChild(el('h3', null, e.i));
    var kind = e.k + ' \u00b7 module ' + D.modules[e.m] + (e.o ? ' \u00b7 owner ' + e.o : '');
    var k = el('div', 'ar-kind', kind);
    if (e.x) { k.appendChild(document.createTextNode(' ')); k.appendChild(el('span', 'ar-badge', 'external')); }
    details.appendChild(k);
    var text = el('div', 'ar-text');
    // `h` is the statement as HTML made (and escaped) by the report generator.
    text.innerHTML = e.h || '';
    details.appendChild(text);
    var dl = el('dl');
    function row(title, node) {
      dl.appendChild(el('dt', null, title));
      var dd = el('dd');
      if (typeof node === 'string') dd.textContent = node; else dd.appendChild(node);
      dl.appendChild(dd);
    }
    if (e.u) {
      var a = el('a', null, e.u);
      a.href = e.u; a.target = '_blank'; a.rel = 'noopener noreferrer';
      row('Reference', a);
    } else if (e.uu) {
      row('Reference (not a safe link, shown as text)', el('span', 'ar-unsafe', e.uu));
    }
    if (e.ev) row('Evidence status', e.ev);
    if (e.d) row('Development', 'undeveloped');
    if (e.df) row('Dialectic', 'defeated');
    if (e.st) {
      var box = el('div');
      var bar = el('div', 'ar-steps');
      e.st.d.forEach(function (done, n) { bar.appendChild(el('span', done ? 'ar-done' : '', String(n + 1))); });
      box.appendChild(bar);
      box.appendChild(el('div', null, e.st.label));
      if (e.st.m.length) {
        var ul = el('ul');
        e.st.m.forEach(function (m) { ul.appendChild(el('li', null, m)); });
        box.appendChild(ul);
      }
      row('Six-step status', box);
    }
    var beneath = evidenceBeneath(idx);
    if (beneath.list.length) {
      var box2 = el('div');
      box2.appendChild(el('div', 'ar-cite', beneath.total + ' solution' + (beneath.total === 1 ? '' : 's') + ' below this element' + (beneath.total > beneath.list.length ? ' (first ' + beneath.list.length + ' shown)' : '')));
      box2.appendChild(refList(beneath.list));
      row('Evidence', box2);
    }
    if (e.s) row('Supports', refList(e.s));
    if (e.b) row('Supported by', refList(e.b));
    if (e.c) row('In context of', refList(e.c));
    if (e.n) row('Inherited context and assumptions', refList(e.n));
    if (e.co) row('Context of', refList(e.co));
    if (e.ch) row('Challenges', refList(e.ch));
    if (e.cb) row('Challenged by', refList(e.cb));
    if (e.f) {
      var fl = el('ul');
      e.f.forEach(function (n) {
        var f = D.findings[n];
        var li = el('li');
        li.appendChild(el('span', 'ar-sev ar-sev-' + f.s, f.s));
        li.appendChild(document.createTextNode(' ' + f.c + ': ' + f.m));
        if (f.h) { li.appendChild(el('br')); li.appendChild(el('span', 'ar-help', f.h)); }
        fl.appendChild(li);
      });
      row('Findings', fl);
    }
    row('Defined at', e.l);
    var cite = el('a', null, '#' + e.i);
    cite.href = '#' + encodeURIComponent(e.i);
    row('Cite as', cite);
    details.appendChild(dl);
    var home = moduleView.get(e.m);
    if (home !== undefined && home !== current) {
      var b = el('button', null, 'Show in module ' + D.modules[e.m]);
      b.type = 'button';
      b.addEventListener('click', function () { attach(home); focusSelected(); });
      details.appendChild(b);
    }
  }
  // The solutions an element rests on: every solution reachable along
  // SupportedBy (each element visited once; the first 50 listed).
  function evidenceBeneath(idx) {
    var seen = new Set([idx]), stack = (E[idx].b || []).slice(), list = [], total = 0;
    while (stack.length) {
      var k = stack.pop();
      if (seen.has(k)) continue;
      seen.add(k);
      if (E[k].k === 'Solution') { total++; if (list.length < 50) list.push(k); }
      (E[k].b || []).forEach(function (c) { if (!seen.has(c)) stack.push(c); });
    }
    list.sort(function (a, b) { return natural(E[a].i, E[b].i); });
    return { list: list, total: total };
  }
  function focusSelected() {
    var ks = boxesOf(selected);
    if (ks.length) centerOn(ks[0]);
  }
  function select(idx, focus) {
    selected = idx;
    showDetails(idx);
    if (focus) {
      var home = moduleView.get(E[idx].m);
      if (!groupsOf(idx).length && home !== undefined) attach(home);
      else if (home !== undefined && current !== home) attach(home);
    }
    mark();
    if (focus) focusSelected();
  }
  function jump(id, scroll) {
    if (!byId.has(id)) return false;
    select(byId.get(id), true);
    if (scroll) document.getElementById('ar-diagrams').scrollIntoView({ block: 'start' });
    return true;
  }
  function fromHash() {
    var h = location.hash.slice(1);
    if (!h) return;
    var id;
    try { id = decodeURIComponent(h); } catch (e) { return; }
    var own = document.getElementById(h);
    if (own && own.tagName === 'SECTION') return;
    jump(id, true);
  }
  window.addEventListener('hashchange', fromHash);

  // ---------- search ----------
  var search = document.getElementById('ar-search');
  var results = document.getElementById('ar-results');
  var hay = E.map(function (e) { return { id: e.i.toLowerCase(), t: e.t.toLowerCase() }; });
  var active = -1;
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    results.textContent = '';
    active = -1;
    if (!q) { results.hidden = true; return; }
    var exact = [], prefix = [], inId = [], inText = [];
    for (var i = 0; i < hay.length; i++) {
      var h = hay[i];
      if (h.id === q) exact.push(i);
      else if (h.id.lastIndexOf(q, 0) === 0) prefix.push(i);
      else if (h.id.indexOf(q) >= 0) inId.push(i);
      else if (inText.length < 200 && h.t.indexOf(q) >= 0) inText.push(i);
    }
    var all = exact.concat(prefix, inId, inText);
    var total = all.length;
    all = all.slice(0, 50);
    if (!all.length) { results.appendChild(el('a', null, 'No element matches.')); results.hidden = false; return; }
    all.forEach(function (k) {
      var a = el('a');
      a.href = '#' + encodeURIComponent(E[k].i);
      a.setAttribute('role', 'option');
      a.setAttribute('data-id', E[k].i);
      a.appendChild(el('b', null, E[k].i));
      a.appendChild(document.createTextNode(' ' + E[k].t.replace(/\s+/g, ' ').slice(0, 160)));
      a.addEventListener('click', function () { results.hidden = true; });
      results.appendChild(a);
    });
    if (total > all.length) results.appendChild(el('a', 'ar-more', (total - all.length) + ' more; refine the search'));
    results.hidden = false;
  }
  function go(k) {
    var opts = results.querySelectorAll('a[data-id]');
    if (!opts.length) return;
    var a = opts[Math.max(0, k)];
    results.hidden = true;
    var id = a.getAttribute('data-id');
    if ('#' + encodeURIComponent(id) === location.hash) jump(id, true);
    else location.hash = '#' + encodeURIComponent(id);
  }
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', function (ev) {
    var opts = results.querySelectorAll('a[data-id]');
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!opts.length) return;
      active = (active + (ev.key === 'ArrowDown' ? 1 : opts.length - 1)) % opts.length;
      opts.forEach(function (o, k) { o.classList.toggle('ar-active', k === active); });
    } else if (ev.key === 'Enter') { ev.preventDefault(); go(active); }
    else if (ev.key === 'Escape') { results.hidden = true; }
  });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === '/' && document.activeElement !== search && !/INPUT|TEXTAREA/.test(document.activeElement.tagName)) {
      ev.preventDefault();
      search.focus();
    }
  });
  document.addEventListener('click', function (ev) {
    if (!results.contains(ev.target) && ev.target !== search) results.hidden = true;
  });

  // ---------- registers ----------
  var SEV = { error: 3, warning: 2, hint: 1 };
  function natural(a, b) {
    var re = /(\d+)|(\D+)/g;
    var x = a.match(re) || [], y = b.match(re) || [];
    for (var i = 0; i < Math.min(x.length, y.length); i++) {
      var p = x[i], q = y[i];
      var np = /^\d/.test(p), nq = /^\d/.test(q);
      if (np && nq) { var d = parseInt(p, 10) - parseInt(q, 10); if (d) return d; }
      else if (p !== q) return p < q ? -1 : 1;
    }
    return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
  }
  function csvCell(s) {
    s = s.replace(/\s+/g, ' ').trim();
    // No cell may start a spreadsheet formula.
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return '"' + s.replace(/"/g, '""') + '"';
  }
  var ENT = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
  // The text of a cell (cells are the report's own escaped HTML: a few tags).
  function plain(h) {
    return h.replace(/<br>|<\/li>/g, ' ').replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, function (m) { return ENT[m]; });
  }
  function escAttr(s) {
    return s.replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
  }
  var REGS = {};
  (D.registers || []).forEach(function (r) { REGS[r.name] = r; });
  var PAGE = 300;
  document.querySelectorAll('.ar-register').forEach(function (reg) {
    var model = REGS[reg.getAttribute('data-register')];
    if (!model) return;
    var all = model.rows;
    all.forEach(function (r, k) { r.k = k; });
    var texts = null, hay = null;
    function prepare() {
      if (texts) return;
      texts = all.map(function (r) { return r.h.map(plain); });
      hay = texts.map(function (t) { return t.join(' ').toLowerCase(); });
    }
    var view = all.slice(), shown = 0, sortCol = -1, asc = true;
    var table = reg.querySelector('table');
    var tbody = table.tBodies[0];
    var filter = reg.querySelector('.ar-filter');
    var count = reg.querySelector('.ar-count');
    var csv = reg.querySelector('.ar-csv');
    var more = reg.querySelector('.ar-more');
    var moreButton = more.querySelector('button');
    var ths = Array.prototype.slice.call(table.tHead.rows[0].cells);
    function rowHtml(r) {
      var h = '<tr' + (r.i ? ' data-id="' + escAttr(r.i) + '"' : '') + (r.c ? ' class="' + r.c + '"' : '') + '>';
      for (var c = 0; c < r.h.length; c++) h += '<td>' + r.h[c] + '</td>';
      return h + '</tr>';
    }
    function render(reset) {
      if (reset) { tbody.textContent = ''; shown = 0; }
      var end = Math.min(view.length, shown + PAGE), html = '';
      for (var j = shown; j < end; j++) html += rowHtml(view[j]);
      // Cells are HTML the report made (case text escaped there).
      tbody.insertAdjacentHTML('beforeend', html);
      shown = end;
      var left = view.length - shown;
      more.hidden = left <= 0;
      moreButton.textContent = 'Show ' + Math.min(PAGE, left) + ' more rows (' + left + ' not shown)';
      count.textContent = view.length === all.length ? all.length + ' rows' : view.length + ' of ' + all.length + ' rows';
    }
    function order() {
      if (sortCol < 0) return;
      prepare();
      var type = ths[sortCol].getAttribute('data-sort');
      view.sort(function (a, b) {
        var x = texts[a.k][sortCol] || '', y = texts[b.k][sortCol] || '', d;
        if (type === 'num') d = (parseFloat(x) || 0) - (parseFloat(y) || 0);
        else if (type === 'sev') d = (SEV[x] || 0) - (SEV[y] || 0);
        else if (type === 'id') d = natural(x, y);
        else d = x.localeCompare(y);
        return (asc ? d : -d) || a.k - b.k;
      });
    }
    filter.disabled = false;
    csv.disabled = false;
    filter.addEventListener('input', function () {
      var q = filter.value.trim().toLowerCase();
      if (q) { prepare(); view = all.filter(function (r) { return hay[r.k].indexOf(q) >= 0; }); }
      else view = all.slice();
      order();
      render(true);
    });
    moreButton.addEventListener('click', function () { render(false); });
    ths.forEach(function (th, col) {
      function sort() {
        asc = !(sortCol === col && asc);
        sortCol = col;
        ths.forEach(function (o) { o.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        order();
        render(true);
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); sort(); } });
    });
    csv.addEventListener('click', function () {
      prepare();
      var lines = [ths.map(function (th) { return csvCell(th.textContent); }).join(',')];
      view.forEach(function (r) { lines.push(texts[r.k].map(csvCell).join(',')); });
      var blob = new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = reg.getAttribute('data-register') + '.csv';
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    });
    render(true);
  });

  // ---------- start ----------
  search.disabled = false;
  if (D.views.length) attach(0);
  if (location.hash) fromHash();
  document.documentElement.setAttribute('data-ready', '1');
})();
