"use strict";
// Correcting an entry from the page: every change is shown before it is saved, as in the chat.
(function () {
  window.correctEntry = function ({ el, fill, say, call, state, render }, words, entry, actions) {
    const { labels } = state.data, form = el("div", { class: "note" });
    const fields = [["stress", words.stress_short, 10, 1], ["sleep", words.sleep_short, 24, 0.5]];
    if (entry.spasm) fields.unshift(["strength", words.strength_short, 10, 1]);
    const inputs = fields.map(([name, label, max, step]) => {
      const input = el("input", { type: "number", min: 0, max, step, inputmode: "decimal", name });
      input.value = entry[name] ?? "";
      form.append(el("label", {}, label, input));
      return [name, label, input];
    });
    const ticks = (legend, options, chosen, extra) => {
      const boxes = Object.entries(options).map(([id, name]) => {
        const box = el("input", { type: "checkbox", value: id });
        box.checked = chosen.includes(id);
        const more = extra ? extra(id) : null;
        if (more) { more.hidden = !box.checked; box.addEventListener("change", () => { more.hidden = !box.checked; }); }
        return [id, name, box, el("label", { class: "tick" }, box, " " + name, ...(more ? [more] : []))];
      });
      // "Not sure" stands alone, as its button does in the chat.
      for (const [id, , box] of boxes) box.addEventListener("change", () => {
        if (box.checked) for (const [other, , b] of boxes) if ((id === "not_sure") === (other !== "not_sure")) b.checked = false;
      });
      form.append(el("fieldset", {}, el("legend", {}, legend), ...boxes.map((b) => b[3])));
      return () => boxes.filter((b) => b[2].checked).map((b) => b[0]);
    };
    const placeIds = entry.places.map((p) => p.id), sideOf = Object.fromEntries(entry.places.map((p) => [p.id, p.side]));
    const sides = {}, triggerIds = entry.triggers.map((t) => t.id);
    let places = null, duration = null;
    if (entry.spasm) {
      places = ticks(words.places_short, labels.places, placeIds, (id) => {
        const pick = el("select", { name: "side-" + id }, el("option", { value: "" }, words.side_unknown),
          ...Object.entries(labels.sides).map(([v, n]) => el("option", { value: v }, n)));
        pick.value = sideOf[id] || ""; sides[id] = pick;
        return pick;
      });
      duration = el("select", { name: "duration" }, el("option", { value: "" }, "–"), ...Object.entries(labels.durations).map(([v, n]) => el("option", { value: v }, n)));
      duration.value = entry.duration_id || "";
      form.append(el("label", {}, words.duration_short, duration));
    }
    const triggers = ticks(words.triggers_short, labels.triggers, triggerIds);
    const check = el("button", { class: "primary" }, words.check), cancel = el("button", {}, words.cancel);
    form.append(el("div", { class: "actions" }, check, cancel));
    actions.replaceWith(form); say("");
    cancel.onclick = () => form.replaceWith(actions);
    const names = (ids, options) => ids.map((id) => options[id]).join(", ") || words.no_triggers;
    const same = (a, b) => a.length === b.length && a.every((x) => b.includes(x));
    check.onclick = () => {
      const changes = {}, lines = [], line = (what, before, after) => lines.push(fill(words.change_line, { what, before, after }));
      for (const [name, label, input] of inputs) {
        if (input.value === "" || Number(input.value) === entry[name]) continue;
        changes[name] = Number(input.value);
        line(label, entry[name] ?? "–", input.value);
      }
      if (places) {
        const now = places();
        if (!same(now, placeIds)) { changes.places = now; line(words.places_short, names(placeIds, labels.places), names(now, labels.places)); }
        const moved = {};
        for (const id of now) {
          const side = sides[id].value;
          if (side && side !== sideOf[id]) { moved[id] = side; line(labels.places[id], labels.sides[sideOf[id]] || "–", labels.sides[side]); }
        }
        if (Object.keys(moved).length) changes.sides = moved;
        if (duration.value && duration.value !== entry.duration_id) {
          changes.duration = duration.value; line(words.duration_short, entry.duration || "–", labels.durations[duration.value]);
        }
      }
      const nowTriggers = triggers();
      if (!same(nowTriggers, triggerIds)) {
        changes.triggers = nowTriggers; line(words.triggers_short, names(triggerIds, labels.triggers), names(nowTriggers, labels.triggers));
      }
      if (!lines.length) { say(words.nothing_changed); return; }
      const save = el("button", { class: "primary" }, words.save), back = el("button", {}, words.cancel);
      const ask = el("div", {}, ...lines.map((l) => el("p", {}, l)), el("div", { class: "actions" }, save, back));
      form.replaceWith(ask);
      back.onclick = () => ask.replaceWith(actions);
      save.onclick = async () => {
        const reply = await call("correct", { entry: entry.id, ...changes }).catch(() => ({ say: words.error }));
        if (reply.ok) { Object.assign(entry, reply.entry); render(); }
        say(reply.say);
      };
    };
  };
})();
