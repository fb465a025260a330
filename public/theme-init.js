// Runs before first paint (a blocking script in <head>): the stored choice, else the system's.
// The same choice is made again where React takes over <html> (theme-toggle.client.tsx).
(function () {
  try {
    var stored = localStorage.getItem("theme");
    var dark = stored ? stored === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches;
    document.documentElement.dataset.theme = dark ? "dark" : "light";
  } catch {
    document.documentElement.dataset.theme = "light";
  }
})();
