// Registered (scripting.registerContentScripts) after content.js for the sites set to "always on",
// and only those whose host permission the user granted: the page has loaded, draw the overlay.
globalThis.__claimlensContent && globalThis.__claimlensContent.auto();
