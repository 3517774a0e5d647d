"use strict";
// The diary page: its words, data and changes all come from /app/api/, signed by Telegram's initData.
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const hash = new URLSearchParams(location.hash.slice(1));
  const tg = () => (window.Telegram && window.Telegram.WebApp) || null;
  const initData = () => (tg() && tg().initData) || hash.get("tgWebAppData") || "";
  const $ = (id) => document.getElementById(id);
  const state = { period: "week", data: null, place: "", trigger: "" };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const child of children) node.append(child);
    return node;
  }
  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  }
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? "");

  function theme() {
    let params = tg() ? tg().themeParams : null;
    if (!params || !Object.keys(params).length) {
      try { params = JSON.parse(hash.get("tgWebAppThemeParams") || "{}"); } catch (e) { params = {}; }
    }
    const names = { bg_color: "bg", text_color: "text", hint_color: "hint", button_color: "button",
      button_text_color: "button-text", secondary_bg_color: "secondary-bg" };
    for (const [key, name] of Object.entries(names)) {
      if (params[key]) document.documentElement.style.setProperty("--tg-" + name, params[key]);
    }
  }

  async function call(path, body) {
    const init = { headers: { Authorization: "tma " + initData() } };
    if (body) Object.assign(init, { method: "POST", body: JSON.stringify(body) });
    const response = await fetch("/app/api/" + path, init);
    if (response.status === 401) throw new Error("unauthorized");
    return response.json();
  }

  function say(text) { $("status").textContent = text || ""; }
  const correct = (...args) => window.correctEntry({ el, fill, say, call, state, render }, ...args);
  function alarm(text) { const box = $("alarm"); box.textContent = text || ""; box.hidden = !text; }

  async function load() {
    try {
      state.data = await call("diary?period=" + state.period);
    } catch (e) {
      // No one's data without Telegram's signature: only the page's words, in the app's language.
      const user = tg() && tg().initDataUnsafe && tg().initDataUnsafe.user;
      const lang = (user && user.language_code) || navigator.language || "en";
      const reply = await fetch("/app/api/words?lang=" + encodeURIComponent(lang)).then((r) => r.json()).catch(() => null);
      say(reply ? reply.words[e.message === "unauthorized" ? "not_signed_in" : "error"] : "");
      return;
    }
    render();
  }

  function shown(entry) {
    return (!state.place || entry.places.some((p) => p.id === state.place)) &&
      (!state.trigger || entry.triggers.some((t) => t.id === state.trigger));
  }

  function render() {
    const { words, labels } = state.data;
    document.documentElement.lang = words.lang || "en";
    $("title").textContent = words.title;
    const nav = $("periods");
    nav.replaceChildren(...["week", "month", "cycles"].map((p) => {
      const b = el("button", { role: "tab", "aria-selected": String(p === state.period) }, words[p]);
      b.onclick = () => { state.period = p; load(); };
      return b;
    }));
    const choose = (id, all, options, key) => {
      const select = $(id);
      select.replaceChildren(el("option", { value: "" }, all),
        ...Object.entries(options).map(([v, name]) => el("option", { value: v }, name)));
      select.value = state[key];
      select.onchange = () => { state[key] = select.value; render(); };
    };
    choose("place", words.all_places, labels.places, "place");
    choose("trigger", words.all_triggers, labels.triggers, "trigger");
    if (!state.data.set_up) { $("chart").replaceChildren(); $("entries").replaceChildren(); say(words.not_set_up); return; }
    const entries = state.data.entries.filter(shown);
    if (state.period === "cycles") cycleChart(words); else dayChart(words, entries);
    list(words, entries);
  }

  function dayChart(words, entries) {
    const first = new Date(state.data.first + "T00:00:00Z"), last = new Date(state.data.today + "T00:00:00Z");
    const days = Math.round((last - first) / 864e5) + 1, W = 360, H = 170, left = 22, bottom = 20;
    const step = (W - left) / days, y = (v) => 8 + (H - bottom - 8) * (1 - v / 10);
    const box = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": words.strength });
    grid(box, y, left, W);
    const byDay = new Map();
    for (const e of entries) {
      const d = byDay.get(e.date) || { strength: null, stress: null };
      if (e.strength !== null) d.strength = Math.max(d.strength ?? 0, e.strength);
      if (e.stress !== null) d.stress = Math.max(d.stress ?? 0, e.stress);
      byDay.set(e.date, d);
    }
    const stress = [];
    for (let i = 0; i < days; i++) {
      const day = new Date(first.getTime() + i * 864e5).toISOString().slice(0, 10), d = byDay.get(day);
      const x = left + i * step;
      if (d && d.strength !== null) {
        box.append(svg("rect", { x: x + step * 0.15, width: Math.max(1, step * 0.7), y: y(d.strength),
          height: y(0) - y(d.strength), rx: 2, fill: "var(--accent)", "data-day": day }));
      }
      if (d && d.stress !== null) stress.push(`${x + step / 2},${y(d.stress)}`);
      if (d) {
        const said = d.strength === null ? words.day_detail_quiet : words.day_detail;
        const detail = fill(said, { day: longDate(day), strength: d.strength, stress: d.stress ?? "–" });
        box.append(tappable(svg("rect", { x, width: step, y: 0, height: y(0), fill: "transparent", "data-detail": day }), detail));
      }
      if (days <= 7 || i % 7 === 0) {
        const t = svg("text", { x: x + 1, y: H - 5 }); t.textContent = day.slice(5); box.append(t);
      }
    }
    if (stress.length) box.append(svg("polyline", { points: stress.join(" "), fill: "none", stroke: "var(--hint)", "stroke-width": 2 }));
    legend(box, [[words.strength, "var(--accent)"], [words.stress, "var(--hint)"]]);
  }

  function cycleChart(words) {
    const cycles = state.data.cycles, W = 360, H = 170, left = 22, bottom = 20;
    if (!cycles.length) { $("chart").replaceChildren(el("p", {}, words.no_cycles)); return; }
    const most = Math.max(84, ...cycles.flatMap((c) => c.points.map((p) => p[0])));
    const x = (d) => left + (W - left - 4) * (d / most), y = (v) => 8 + (H - bottom - 8) * (1 - v / 10);
    const box = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": words.cycles });
    grid(box, y, left, W);
    for (let week = 0; week * 7 <= most && x(week * 7) < W - 14; week += 2) {
      const t = svg("text", { x: x(week * 7), y: H - 5 }); t.textContent = week; box.append(t);
    }
    const shades = ["var(--hint)", "var(--hint)", "var(--hint)", "var(--accent)"].slice(-cycles.length);
    cycles.forEach((c, i) => {
      const current = i === cycles.length - 1;
      box.append(svg("polyline", { points: c.points.map(([d, v]) => `${x(d)},${y(v)}`).join(" "), fill: "none",
        stroke: shades[i], "stroke-width": current ? 3 : 1.5, "stroke-opacity": current ? 1 : 0.6, "data-cycle": c.injected }));
      for (const [d, v] of c.points) {
        const detail = fill(words.cycle_detail, { date: longDate(c.injected), day: d, strength: v });
        box.append(tappable(svg("circle", { cx: x(d), cy: y(v), r: current ? 3 : 2, fill: shades[i],
          stroke: "transparent", "stroke-width": 10, "data-detail": c.injected + ":" + d }), detail));
      }
    });
    legend(box, [[words.weeks_since, "var(--accent)"]]);
  }

  // "2026-03-10" as the person reads a date ("Tue 10 Mar", "mar, 10 mar").
  function longDate(iso) {
    const when = new Date(iso + "T12:00:00Z");
    const style = { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" };
    try { return when.toLocaleDateString(document.documentElement.lang || "en", style); } catch (_) { return iso; }
  }

  function grid(box, y, left, W) {
    for (const v of [0, 5, 10]) {
      box.append(svg("line", { x1: left, x2: W, y1: y(v), y2: y(v), stroke: "currentColor", "stroke-opacity": 0.15 }));
      const t = svg("text", { x: 2, y: y(v) + 4 }); t.textContent = v; box.append(t);
    }
  }

  function legend(box, items) {
    $("chart").replaceChildren(box, el("div", { class: "legend" },
      ...items.map(([name, colour]) => { const s = el("span", {}, "■ " + name); s.style.color = colour; return s; })),
      el("p", { id: "detail", "aria-live": "polite" }));
  }

  // A day or a point says what it holds: on hover (its title) and on a tap, under the chart.
  function tappable(node, detail) {
    const title = svg("title", {}); title.textContent = detail; node.append(title);
    node.addEventListener("click", () => { $("detail").textContent = detail; });
    return node;
  }

  function list(words, entries) {
    const days = state.data.words.days.split("|"), out = [];
    const treated = new Map();
    for (const t of state.data.treatments || []) treated.set(t.date, [...(treated.get(t.date) || []), t.text]);
    const dates = [...new Set([...entries.map((e) => e.date), ...treated.keys()])].sort().reverse();
    say(dates.length ? "" : words.no_entries);
    for (const date of dates) {
      const weekday = days[(new Date(date + "T00:00:00Z").getUTCDay() + 6) % 7];
      out.push(el("div", { class: "day" }, `${weekday}, ${date}`));
      for (const line of treated.get(date) || []) out.push(el("p", { class: "treatment" }, line));
      for (const e of entries.filter((x) => x.date === date).reverse()) out.push(card(words, e));
    }
    $("entries").replaceChildren(...out);
  }

  function card(words, entry) {
    const node = el("article", { "data-entry": entry.id }, ...entry.lines.slice(1).map((l) => el("p", {}, l)));
    const add = el("button", {}, words.add_note), remove = el("button", { class: "danger" }, words.delete);
    const fix = el("button", {}, words.correct);
    const actions = el("div", { class: "actions" }, add, fix, remove);
    fix.onclick = () => correct(words, entry, actions);
    node.append(actions);
    add.onclick = () => {
      const box = el("textarea", { rows: 3, placeholder: words.note_placeholder, maxlength: 2000 });
      const save = el("button", { class: "primary" }, words.save), cancel = el("button", {}, words.cancel);
      const form = el("div", { class: "note" }, box, el("div", { class: "actions" }, save, cancel));
      actions.replaceWith(form); box.focus();
      cancel.onclick = () => form.replaceWith(actions);
      save.onclick = async () => {
        const reply = await call("note", { entry: entry.id, text: box.value }).catch(() => ({ say: words.error }));
        if (reply.ok) { Object.assign(entry, reply.entry); render(); }
        alarm(reply.emergency); say(reply.say);
      };
    };
    remove.onclick = () => {
      const yes = el("button", { class: "primary" }, words.yes_delete), no = el("button", {}, words.keep);
      const ask = el("div", {}, el("p", {}, fill(words.confirm_delete, { date: entry.date })), el("div", { class: "actions" }, yes, no));
      actions.replaceWith(ask);
      no.onclick = () => ask.replaceWith(actions);
      yes.onclick = async () => {
        const reply = await call("delete", { entry: entry.id }).catch(() => ({ say: words.error }));
        if (reply.ok) { state.data.entries = state.data.entries.filter((e) => e.id !== entry.id); render(); }
        say(reply.say);
      };
    };
    return node;
  }

  theme();
  window.addEventListener("load", () => { if (tg()) { tg().ready(); tg().expand(); tg().onEvent("themeChanged", theme); theme(); } });
  load();
})();
