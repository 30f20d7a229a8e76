// Pieces of the hostile reports the render, browser and Word tests feed the renderers: HTML and script
// in YAML keys and values, in a table, in a fence's info string and in an image. `script` is what the
// pieces' injected handlers and <script> elements run (the browser test's probe, elsewhere alert(1)).

/** The 二 section: a YAML key holding a <script> (running `script`) and one holding an <img>. */
export function hostileActive(script = 'alert(1)'): string {
  return `## 二、主动公开政府信息情况

\`\`\`yaml
第二十条第（一）项:
  规章: [0, 0, 0]
  行政规范性文件: [0, 0, 0]
  "<script>${script}</script>": [0, 0, 0]
"<img src=x onerror=alert(1)>": 1
\`\`\`
`;
}

/** The 三 section's first YAML block: markup as a category's key and as a value. */
export const HOSTILE_REQUESTS = `## 三、收到和处理政府信息公开申请情况

\`\`\`yaml
本年新收政府信息公开申请数量: {"<img src=x onerror=alert(1)>": 1, 自然人: "<script>alert(1)</script>"}
\`\`\`
`;

/**
 * A report's end from a table in its first section on: handlers in the table's cells (running `script`),
 * the 二 and 三 sections above, a fence's info string closing an attribute, an image with a javascript: link.
 */
export function hostileTail(script = 'alert(1)'): string {
  return `| <b onmouseover="${script}">h</b> | x |
|---|---|
| <details open ontoggle="${script}"> | [t](javascript:alert(1)) |

${hostileActive(script)}
${HOSTILE_REQUESTS}
## 四、政府信息公开行政复议、行政诉讼情况

\`\`\`"><script>alert(1)</script>
行政复议: [0, 0, 0, 0, 0]
\`\`\`

## 五、存在的主要问题及改进情况

![<img src=x onerror=alert(1)>](javascript:alert(1))

## 六、其他需要报告的事项

无。
`;
}
