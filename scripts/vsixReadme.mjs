// The README packaged into the VSIX (scripts/package.mjs, vsce --readme-path): the repository's without
// what needs the repository beside it — the parts between <!-- not-in-vsix --> and <!-- /not-in-vsix -->
// (the PNG of an exported page). vsce resolves a relative image or link only against a repository URL,
// and the package has none; a made-up base URL would show broken images on the extension's page.
export function vsixReadme(text) {
  return text.replace(/<!-- not-in-vsix -->\n[\s\S]*?<!-- \/not-in-vsix -->\n/g, '');
}
