// Starts the rasa-webchat widget inside the page, talking to Rasa's socketio channel.
// BACKOFFICE_CONFIG comes from /config.js, written by the page's server (bot/server/web.py).
(function () {
  var config = window.BACKOFFICE_CONFIG || {};
  window.WebChat.default(
    {
      selector: "#webchat",
      socketUrl: config.socketUrl || window.location.protocol + "//" + window.location.hostname + ":5005",
      socketPath: "/socket.io/",
      initPayload: "/greet",
      customData: { language: "fr" },
      title: "Assistant back-office",
      subtitle: "Fiches métiers de la banque et de la finance",
      inputTextFieldHint: "Votre question…",
      connectingText: "Connexion…",
      embedded: true,
      hideWhenNotConnected: false,
      showMessageDate: false,
      params: { storage: "local" },
    },
    document.getElementById("webchat")
  );
})();

// What the widget bundle lacks for screen readers and keyboards (audited with axe-core by
// tests/web): a named send button and text field, the message list as a polite live region
// that the keyboard can reach and scroll, quick replies usable with Enter or Space, and each
// chart's figures in words (web/charts/descriptions.json, drawn with the charts).
(function () {
  var chartDescriptions = {};
  var chat = document.getElementById("webchat");

  function describeCharts() {
    chat.querySelectorAll("img.rw-image-frame").forEach(function (image) {
      var file = (image.getAttribute("src") || "").split("/").pop();
      image.alt = chartDescriptions[file] || "Graphique de la fiche métier";
    });
  }

  function pressWithKeyboard(event) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      event.currentTarget.click();
    }
  }

  function complete() {
    var field = chat.querySelector(".rw-new-message");
    if (field && !field.hasAttribute("aria-label")) field.setAttribute("aria-label", "Votre question");
    var send = chat.querySelector(".rw-send");
    if (send && !send.hasAttribute("aria-label")) send.setAttribute("aria-label", "Envoyer");
    var messages = chat.querySelector("#rw-messages");
    if (messages && !messages.hasAttribute("role")) {
      messages.setAttribute("role", "log");
      messages.setAttribute("aria-live", "polite");
      messages.setAttribute("aria-label", "Messages de la discussion");
      messages.setAttribute("tabindex", "0");
    }
    chat.querySelectorAll("div.rw-reply").forEach(function (reply) {
      if (reply.dataset.keyboard) return;
      reply.dataset.keyboard = "yes";
      reply.setAttribute("role", "button");
      reply.setAttribute("tabindex", "0");
      reply.addEventListener("keydown", pressWithKeyboard);
    });
    describeCharts();
  }

  fetch("/charts/descriptions.json")
    .then(function (response) { return response.ok ? response.json() : {}; })
    .then(function (descriptions) { chartDescriptions = descriptions; describeCharts(); })
    .catch(function () {});
  // Only added or removed elements are watched: the attributes set here trigger nothing.
  new MutationObserver(complete).observe(chat, { childList: true, subtree: true });
  complete();
})();
