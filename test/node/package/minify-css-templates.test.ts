// The build squeezes the CSS in the elements' css`...` templates without changing what it means.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyCssTemplates } from '../../../scripts/minify-css-templates.ts';

test('white space and comments go; strings, interpolations, selectors and other code stay', () => {
  const source = [
    'const shared = css`\n  position: absolute;\n`;',
    'export const styles = css`',
    '  /* why */',
    '  .a .b:hover,',
    '  .c > .d {',
    '    font-family: system-ui, \'Segoe UI\';',
    '    width: calc( 100% - 2rem );',
    "    content: attr(data-label) ' ' / '';",
    '  }',
    '  .e {',
    '    ${shared}',
    '  }',
    '`;',
    'const untouched = `  keep   this  `; const notCss = uncss`  a  `;',
  ].join('\n');
  assert.equal(
    minifyCssTemplates(source),
    [
      'const shared = css` position: absolute;`;',
      "export const styles = css` .a .b:hover,.c>.d{font-family:system-ui,'Segoe UI';width:calc(100% - 2rem);content:attr(data-label) ' ' / ''}.e{${shared}}`;",
      'const untouched = `  keep   this  `; const notCss = uncss`  a  `;',
    ].join('\n'),
  );
});
