// Applies one case of tests/rules-broken/cases.json to a rule file's parsed content: `set` writes
// values at JSON pointers, `remove` deletes them (an array element is spliced out).
export function applyBrokenCase(content, brokenCase) {
  const at = (pointer) => {
    const tokens = pointer.split('/').slice(1).map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
    const last = tokens.pop();
    let parent = content;
    for (const token of tokens) parent = parent[token];
    return [parent, last];
  };
  for (const [pointer, value] of Object.entries(brokenCase.set ?? {})) {
    const [parent, last] = at(pointer);
    parent[last] = value;
  }
  for (const pointer of brokenCase.remove ?? []) {
    const [parent, last] = at(pointer);
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  }
  return content;
}
