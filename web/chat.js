// Starts the rasa-webchat widget inside the page, talking to Rasa's socketio channel.
// BACKOFFICE_CONFIG comes from /config.js, written by the page's server (bot/web.py).
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
