// The script that sets the reader's theme before first paint: the stored choice, else the
// system's. Inline in every page's <head> (app/html-document.tsx), so the browser runs it before
// it paints without a request of its own (as a file it was a render-blocking round trip: 314 ms in
// Lighthouse's simulated mobile network). Inline scripts need the policy to name them: its hash is
// in the staff pages' policy (http-policy.mjs) and reader pages name it as a script of ours
// (script-hashes.mjs); completed error documents keep it (error-document.mjs). The same choice is
// made again where React takes over <html> (components/site/theme-toggle.client.tsx): keep the two
// alike. Plain JavaScript, like the server.
export const THEME_INIT_SCRIPT =
  '(function(){var d=document.documentElement;try{var s=localStorage.getItem("theme");' +
  'd.dataset.theme=(s?s==="dark":matchMedia("(prefers-color-scheme: dark)").matches)?"dark":"light"}' +
  'catch(e){d.dataset.theme="light"}})()';
