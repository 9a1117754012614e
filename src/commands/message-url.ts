// The ribbon command reports its outcome in a small dialog (message.html); the
// text travels in the dialog's URL, which works with DialogApi 1.1 everywhere.

export interface CommandMessage {
  kind: "ok" | "warning" | "error";
  /** BCP 47 tag of the text. */
  lang: string;
  title: string;
  lines: string[];
  close: string;
}

/** Office refuses very long dialog URLs; lines past this budget are left out. */
export const MAX_URL_LENGTH = 2000;

export function messageUrl(page: string, message: CommandMessage): string {
  const build = (lines: string[]) => {
    const params = new URLSearchParams({
      kind: message.kind,
      lang: message.lang,
      title: message.title,
      close: message.close,
    });
    for (const line of lines) params.append("l", line);
    return `${page}?${params.toString()}`;
  };
  const lines = [...message.lines];
  let url = build(lines);
  while (url.length > MAX_URL_LENGTH && lines.length > 1) {
    lines.pop();
    url = build(lines);
  }
  if (url.length > MAX_URL_LENGTH && lines.length === 1) {
    // Keep as much of the one line as fits rather than nothing.
    const line = lines[0];
    let low = 0;
    let high = line.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (build([`${line.slice(0, mid)}…`]).length <= MAX_URL_LENGTH) low = mid;
      else high = mid - 1;
    }
    url = build([`${line.slice(0, low)}…`]);
  }
  return url;
}

export function readMessage(search: string): CommandMessage {
  const params = new URLSearchParams(search);
  const kind = params.get("kind");
  return {
    kind: kind === "error" || kind === "warning" ? kind : "ok",
    lang: params.get("lang") || "sv-SE",
    title: params.get("title") || "Ramkoll",
    lines: params.getAll("l"),
    close: params.get("close") || "Stäng",
  };
}
