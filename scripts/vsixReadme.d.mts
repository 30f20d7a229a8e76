// Types of vsixReadme.mjs (a plain module: scripts/package.mjs runs without a TypeScript loader).
export function vsixReadme(text: string): string;
