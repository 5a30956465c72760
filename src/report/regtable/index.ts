/** Regression tables: build a grid from models, render as text, Markdown, LaTeX, HTML or CSV. */
export { regTable, fmtNum, starsFor, type RegModel, type RegTable, type RegRow, type RegTableOptions, type RowKind } from './build.js';
export { renderRegTable, toText, toMarkdown, toLatex, toHtml, toCsv, latexEscape, htmlEscape, type RegFormat } from './render.js';
