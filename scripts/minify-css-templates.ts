// A Rollup plugin that squeezes the CSS inside Lit's css`...` templates: comments out, runs of
// white space down to one, none around braces, semicolons, commas and inside parentheses, none
// after a declaration's property name, no zero before a decimal point. Terser leaves template text alone, and the elements'
// styles are a large part of the console's first load.
import type { Plugin } from 'rollup';

/** The CSS text between interpolations, squeezed; interpolations (`${...}`) are kept as they are. */
function squeeze(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/([{;][-\w]+): /g, '$1:')
    .replace(/(^|[\s:,(/-])0\.(\d)/g, '$1.$2')
    .replace(/;}/g, '}');
}

/** Finds each css`...` template in `code` and squeezes its text parts. */
export function minifyCssTemplates(code: string): string {
  let out = '';
  let index = 0;
  for (;;) {
    const start = code.indexOf('css`', index);
    if (start === -1 || (start > 0 && /[\w$]/.test(code[start - 1]!))) {
      if (start === -1) return out + code.slice(index);
      out += code.slice(index, start + 4);
      index = start + 4;
      continue;
    }
    out += code.slice(index, start + 4);
    let position = start + 4;
    let text = '';
    for (;;) {
      const char = code[position];
      if (char === undefined) throw new Error('minify-css-templates: unterminated css template');
      if (char === '\\') {
        text += char + code[position + 1];
        position += 2;
      } else if (char === '`') {
        out += squeeze(text) + '`';
        position += 1;
        break;
      } else if (char === '$' && code[position + 1] === '{') {
        const close = code.indexOf('}', position);
        out += squeeze(text) + code.slice(position, close + 1);
        text = '';
        position = close + 1;
      } else {
        text += char;
        position += 1;
      }
    }
    index = position;
  }
}

/** The plugin: applied to the elements' TypeScript after it is stripped to JavaScript. */
export function minifyCssTemplatesPlugin(): Plugin {
  return {
    name: 'minify-css-templates',
    transform(code, id) {
      return id.includes('/elements/') && code.includes('css`') ? { code: minifyCssTemplates(code), map: null } : null;
    },
  };
}
