// Copies the built NL Design System CSS (and the fonts it needs) from node_modules into
// static/vendor/, so the platform runs without Node or a build step.
//
//   npm ci && npm run vendor && rm -rf node_modules
//
// Only the output of this script is committed; node_modules is not.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");

function copy(from, to) {
  mkdirSync(dirname(join(here, to)), { recursive: true });
  copyFileSync(join(modules, from), join(here, to));
  console.log(`${from} -> ${to}`);
}

// Utrecht component library: the CSS of every component, styled through design tokens.
rmSync(join(here, "utrecht"), { recursive: true, force: true });
copy("@utrecht/component-library-css/dist/index.css", "utrecht/component-library.css");
copy("@utrecht/component-library-css/LICENSE.md", "utrecht/LICENSE.md");

// The NL Design System "voorbeeld" theme: openly licensed (EUPL-1.2) design tokens for the
// Utrecht components, applied with the class "voorbeeld-theme".
rmSync(join(here, "voorbeeld-theme"), { recursive: true, force: true });
copy("@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css", "voorbeeld-theme/theme.css");
copy("@nl-design-system-unstable/voorbeeld-design-tokens/LICENSE.md", "voorbeeld-theme/LICENSE.md");

// Noto Sans, the theme's font: only the Latin subsets in the weights the theme uses.
rmSync(join(here, "noto-sans"), { recursive: true, force: true });
const subsets = ["latin", "latin-ext"];
const faces = [
  ["400.css", "400-normal"],
  ["700.css", "700-normal"],
  ["400-italic.css", "400-italic"],
];
let css = "/* Noto Sans (SIL Open Font License 1.1), Latin subsets, from @fontsource/noto-sans. */\n";
for (const [file, variant] of faces) {
  const source = readFileSync(join(modules, "@fontsource/noto-sans", file), "utf8");
  for (const block of source.split(/\n(?=\/\* )/)) {
    const subset = subsets.find((s) => block.startsWith(`/* noto-sans-${s}-${variant} */`));
    if (!subset) continue;
    css += `\n${block.trim()}\n`;
    for (const ext of ["woff2", "woff"]) {
      const font = `noto-sans-${subset}-${variant}.${ext}`;
      copy(`@fontsource/noto-sans/files/${font}`, `noto-sans/files/${font}`);
    }
  }
}
writeFileSync(join(here, "noto-sans/noto-sans.css"), css);
copy("@fontsource/noto-sans/LICENSE", "noto-sans/LICENSE");
