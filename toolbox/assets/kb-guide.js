/*
 * Step guides: the checklist of every step can be ticked, and the ticks stay in this browser
 * (localStorage, one key per guide) until the reader resets them. Each step shows how many of
 * its items are done; a button prints the guide. Without JavaScript the page is a plain list.
 */
(function () {
  "use strict";

  function storage() {
    try {
      var probe = "kb-guide:probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null; // private mode or blocked storage: ticks then last until the page closes
    }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function enhance(guide) {
    var store = storage();
    var key = "kb-guide:" + guide.dataset.kbGuide;
    var saved = {};
    try {
      saved = JSON.parse((store && store.getItem(key)) || "{}") || {};
    } catch (error) {
      saved = {};
    }
    var steps = Array.prototype.slice.call(guide.querySelectorAll(".kb-guide__step"));
    var overall = element("p", "kb-guide__overall");
    overall.setAttribute("role", "status");
    var counters = [];

    steps.forEach(function (step, stepIndex) {
      var boxes = Array.prototype.slice.call(step.querySelectorAll("input[type=checkbox]"));
      var counter = element("p", "kb-guide__progress");
      if (boxes.length) {
        var heading = step.querySelector("h2");
        heading.parentNode.insertBefore(counter, heading.nextSibling);
      }
      boxes.forEach(function (box, itemIndex) {
        var id = "stap-" + (stepIndex + 1) + "-" + (itemIndex + 1);
        box.disabled = false;
        box.removeAttribute("disabled");
        box.dataset.kbItem = id;
        box.checked = saved[id] === true;
        var label = box.closest("li");
        if (label) box.setAttribute("aria-label", label.textContent.trim());
        box.addEventListener("change", function () {
          if (box.checked) saved[id] = true;
          else delete saved[id];
          if (store) store.setItem(key, JSON.stringify(saved));
          update();
        });
      });
      counters.push({ counter: counter, boxes: boxes });
    });

    function update() {
      var done = 0;
      var total = 0;
      counters.forEach(function (item) {
        var ticked = item.boxes.filter(function (box) { return box.checked; }).length;
        done += ticked;
        total += item.boxes.length;
        item.counter.textContent = ticked + " van " + item.boxes.length + " gedaan";
        item.counter.classList.toggle("kb-guide__progress--done", ticked === item.boxes.length);
      });
      overall.textContent = "Voortgang: " + done + " van " + total + " punten afgevinkt";
    }

    var reset = element("button", "md-button kb-guide__reset", "Vinkjes wissen");
    reset.type = "button";
    reset.addEventListener("click", function () {
      saved = {};
      if (store) store.removeItem(key);
      counters.forEach(function (item) {
        item.boxes.forEach(function (box) { box.checked = false; });
      });
      update();
    });
    var print = element("button", "md-button kb-guide__print", "Afdrukken");
    print.type = "button";
    print.addEventListener("click", function () { window.print(); });
    var bar = element("div", "kb-guide__bar");
    var note = element(
      "p",
      "kb-guide__note",
      "Je vinkjes blijven in deze browser bewaard, niet op een server."
    );
    bar.appendChild(overall);
    bar.appendChild(reset);
    bar.appendChild(print);
    guide.insertBefore(note, guide.firstChild);
    guide.insertBefore(bar, note);
    update();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-kb-guide]"), enhance);
})();
