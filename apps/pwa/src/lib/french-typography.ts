import { frenchText } from '@mutualis/domain'

// Every text the PWA shows, written in a component (« Coût : ») or come from the API (a note, a
// title), is set in French typography here, once: an observer hands each text node Solid creates or
// changes to frenchText (packages/domain), the formatter of the report and the exports. Observer
// callbacks run before the browser paints, so the ordinary spaces are never seen; no component has
// to remember it. What people type (fields are not text nodes, nor is an editable zone's text
// touched) and code keep their characters.

const verbatim = 'code, pre, kbd, samp, script, style, textarea, [contenteditable]'

function typeset(node: Text) {
  if (node.parentElement?.closest(verbatim)) return
  const set = frenchText(node.data)
  if (set !== node.data) node.data = set
}

function typesetAll(node: Node) {
  if (node.nodeType === Node.TEXT_NODE) return typeset(node as Text)
  const texts = document.createTreeWalker(node, NodeFilter.SHOW_TEXT)
  for (let text = texts.nextNode(); text; text = texts.nextNode()) typeset(text as Text)
}

/** Sets the text under `root` in French typography, now and whenever it changes; disconnect() stops it. */
export function setFrenchTypography(root: Node): MutationObserver {
  typesetAll(root)
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') typeset(record.target as Text)
      else record.addedNodes.forEach(typesetAll)
    }
    // The changes just made are ours: already set.
    observer.takeRecords()
  })
  observer.observe(root, { subtree: true, childList: true, characterData: true })
  return observer
}
