/**
 * How a clerk reads a branch: by its name ("New York"), with the code only when two branches
 * share that name ("Central (LDN)"), and the bare code for one this device has not heard of yet.
 */
export function branchNamer(
  branches: readonly { code: string; name: string }[],
): (code: string) => string {
  const byCode = new Map(branches.map((b) => [b.code, b.name.trim()]));
  const uses = new Map<string, number>();
  for (const name of byCode.values())
    uses.set(name.toLowerCase(), (uses.get(name.toLowerCase()) ?? 0) + 1);
  return (code) => {
    const name = byCode.get(code);
    if (!name) return code;
    return (uses.get(name.toLowerCase()) ?? 0) > 1 ? `${name} (${code})` : name;
  };
}
