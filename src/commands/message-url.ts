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
  while (url.length > MAX_URL_LENGTH && lines.length > 0) {
    const last = lines.pop() as string;
    if (lines.length === 0) {
      // Keep a shortened first line rather than nothing.
      const room = Math.max(0, last.length - (url.length - MAX_URL_LENGTH) / 3 - 1);
      lines.push(`${last.slice(0, Math.floor(room))}…`);
      url = build(lines);
      break;
    }
    url = build(lines);
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
