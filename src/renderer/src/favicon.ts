/**
 * The window icon for the page. Set from script because without one Chromium asks the server for
 * /favicon.ico, which neither the app nor the test host has (a 404 in the console). A data: URL is
 * allowed by the CSP's img-src.
 */
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M8 1 15 8 8 15 1 8z" fill="#1f5fbf"/></svg>`

export function installFavicon(doc: Document = document): void {
  if (doc.querySelector('link[rel~="icon"]')) return
  const link = doc.createElement('link')
  link.rel = 'icon'
  link.href = `data:image/svg+xml,${encodeURIComponent(SVG)}`
  doc.head.appendChild(link)
}
