// The dialog page: shows the text it was opened with, and tells the function
// file when the person closes it.
import { readMessage } from "./message-url";

const message = readMessage(window.location.search);
document.documentElement.lang = message.lang;
document.title = message.title;

const title = document.getElementById("title");
const lines = document.getElementById("lines");
const close = document.getElementById("close") as HTMLButtonElement | null;
if (title) {
  title.textContent = message.title;
  if (message.kind === "error") title.className = "error";
}
if (lines) {
  for (const line of message.lines) {
    const item = document.createElement("li");
    item.textContent = line;
    lines.appendChild(item);
  }
  if (message.lines.length === 0) lines.hidden = true;
}
if (close) {
  close.textContent = message.close;
  close.disabled = true;
}

Office.onReady(() => {
  if (!close) return;
  close.disabled = false;
  close.addEventListener("click", () => Office.context.ui.messageParent("close"));
  close.focus();
});
