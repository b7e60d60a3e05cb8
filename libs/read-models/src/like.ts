/**
 * Text matching with `LIKE` over lower-cased columns (`search_text`, `topics_key`, participant
 * names): the pattern escapes `LIKE`'s wildcards and its escape character, so `%`, `_` and `\`
 * in the user's text match themselves, and `likeCondition` names the escape character to match.
 */

/** `text` lower-cased, with `%`, `_` and `\` escaped: it matches only itself under `likeCondition`. */
export const likeLiteral = (text: string): string => text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);

/** A pattern for lower-cased text that contains `text`, case-insensitively. */
export const containsPattern = (text: string): string => `%${likeLiteral(text)}%`;

/** `column LIKE @param ESCAPE '\'`: the condition the patterns above are written for. */
export const likeCondition = (column: string, param: string): string => `${column} LIKE @${param} ESCAPE '\\'`;
