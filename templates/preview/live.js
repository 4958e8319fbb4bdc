// The live preview of `wegwijs serve`, added to the pages it serves (never to what `wegwijs build` writes).
// It listens to the server's build events: a page whose output changed reloads and keeps its place; when the
// content has errors, they are shown over the page in a dialog; warnings in a bar that can be dismissed.
// Everything shown is set as text (textContent), never as markup: messages and source lines are content.
(function () {
  "use strict";
  var storageKey = "wegwijs-live:" + location.pathname;
  var language = document.documentElement.lang || "en";
  var words = {};
  var lastBuild = null;
  var dismissedWarnings = null;

  function word(key, count) {
    var text = count === undefined ? words[key] : words[key + (count === 1 ? ".one" : ".other")];
    return (text || key).replace("{count}", String(count));
  }

  // The page's own output path, as the events name it: "html/en/add-users.html".
  function ownPath() {
    var path = decodeURIComponent(location.pathname).replace(/^\/+/, "");
    return path === "" || path.slice(-1) === "/" ? path + "index.html" : path;
  }

  // After a reload: back to where the reader was.
  try {
    var saved = JSON.parse(sessionStorage.getItem(storageKey) || "null");
    if (saved) {
      sessionStorage.removeItem(storageKey);
      window.addEventListener("load", function () { window.scrollTo(saved.x, saved.y); });
    }
  } catch (error) { /* storage refused: the page opens at its top */ }

  function reload() {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify({ x: window.scrollX, y: window.scrollY }));
    } catch (error) { /* storage refused */ }
    location.reload();
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // One diagnostic as the terminal prints it: the headline, the notes, the source line and a caret under the column.
  function diagnosticBlock(diagnostic) {
    var lines = [diagnostic.headline];
    diagnostic.notes.forEach(function (note) { lines.push("    " + note); });
    if (diagnostic.source) {
      lines.push("    " + diagnostic.source);
      lines.push("    " + " ".repeat(Math.max(0, diagnostic.column - 1)) + "^");
    }
    var item = element("li");
    var block = element("pre", "wegwijs-live-diagnostic", lines.join("\n"));
    // A long line scrolls sideways (the caret stays under its column): the block takes the keyboard's focus for it.
    block.tabIndex = 0;
    item.appendChild(block);
    return item;
  }

  var dialog = null;
  var errorBar = null;

  function showErrors(errors) {
    removeErrors();
    dialog = element("dialog", "wegwijs-live-errors");
    dialog.setAttribute("aria-labelledby", "wegwijs-live-errors-title");
    dialog.setAttribute("lang", language);
    var heading = element("h2", null, word("preview.errors", errors.length));
    heading.id = "wegwijs-live-errors-title";
    dialog.appendChild(heading);
    dialog.appendChild(element("p", null, word("preview.errors-note")));
    var list = element("ul", "wegwijs-live-list");
    errors.forEach(function (diagnostic) { list.appendChild(diagnosticBlock(diagnostic)); });
    dialog.appendChild(list);
    var hide = element("button", null, word("preview.hide"));
    hide.type = "button";
    hide.addEventListener("click", function () { collapse(errors.length); });
    dialog.appendChild(hide);
    // Escape collapses the dialog to a bar: the errors stay in view until they are fixed.
    dialog.addEventListener("cancel", function (event) { event.preventDefault(); collapse(errors.length); });
    document.body.appendChild(dialog);
    dialog.showModal();
    hide.focus();
  }

  function collapse(count) {
    if (dialog) dialog.close();
    if (errorBar) errorBar.remove();
    errorBar = element("div", "wegwijs-live-bar wegwijs-live-bar-error");
    errorBar.setAttribute("role", "alert");
    errorBar.setAttribute("lang", language);
    errorBar.appendChild(element("span", null, word("preview.errors", count)));
    var show = element("button", null, word("preview.show-errors"));
    show.type = "button";
    show.addEventListener("click", function () {
      errorBar.remove();
      errorBar = null;
      dialog.showModal();
    });
    errorBar.appendChild(show);
    document.body.appendChild(errorBar);
  }

  function removeErrors() {
    if (dialog) { dialog.close(); dialog.remove(); dialog = null; }
    if (errorBar) { errorBar.remove(); errorBar = null; }
  }

  var warningBar = null;

  function showWarnings(warnings, build) {
    if (warningBar) { warningBar.remove(); warningBar = null; }
    if (warnings.length === 0 || dismissedWarnings === warnings.length) return;
    warningBar = element("div", "wegwijs-live-bar wegwijs-live-bar-warning");
    warningBar.setAttribute("role", "status");
    warningBar.setAttribute("lang", language);
    var details = element("details");
    details.appendChild(element("summary", null, word("preview.warnings", warnings.length)));
    var list = element("ul", "wegwijs-live-list");
    warnings.forEach(function (diagnostic) { list.appendChild(diagnosticBlock(diagnostic)); });
    details.appendChild(list);
    warningBar.appendChild(details);
    var dismiss = element("button", null, word("preview.dismiss"));
    dismiss.type = "button";
    dismiss.addEventListener("click", function () {
      dismissedWarnings = warnings.length;
      warningBar.remove();
      warningBar = null;
    });
    warningBar.appendChild(dismiss);
    document.body.appendChild(warningBar);
  }

  var connectionBar = null;

  function connect() {
    var source = new EventSource("/_wegwijs/events");
    // For checks and for the curious: whether the page listens to the server.
    source.addEventListener("open", function () { window.wegwijsLive = { connected: true }; });
    source.addEventListener("build", function (message) {
      if (connectionBar) { connectionBar.remove(); connectionBar = null; }
      var event = JSON.parse(message.data);
      // The first event after connecting tells the state as it is; a later one, a build after a save.
      var first = lastBuild === null || event.build <= lastBuild;
      lastBuild = event.build;
      if (event.errors.length > 0) {
        showErrors(event.errors);
        return;
      }
      removeErrors();
      showWarnings(event.warnings, event.build);
      if (!first && event.changed.indexOf(ownPath()) >= 0) reload();
    });
    source.addEventListener("error", function () {
      if (connectionBar || source.readyState === EventSource.OPEN) return;
      connectionBar = element("div", "wegwijs-live-bar wegwijs-live-bar-connection", word("preview.reconnecting"));
      connectionBar.setAttribute("role", "status");
      connectionBar.setAttribute("lang", language);
      document.body.appendChild(connectionBar);
      lastBuild = null;
    });
  }

  fetch("/_wegwijs/strings/" + encodeURIComponent(language) + ".json")
    .then(function (response) { return response.ok ? response.json() : {}; })
    .catch(function () { return {}; })
    .then(function (loaded) {
      Object.keys(loaded).forEach(function (key) { words["preview." + key] = loaded[key]; });
      connect();
    });
})();
