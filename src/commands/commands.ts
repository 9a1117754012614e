// The ribbon's function file: "Räkna om" recomputes every model the workbook
// holds and tells the person what happened in a small dialog (message.html). Errors always reach
// the person; event.completed() is always called.
import { recomputeWorkbook } from "../excel/commands";
import { officeDisplayLanguage, stringsFor } from "../taskpane/i18n";
import { messageUrl, type CommandMessage } from "./message-url";
import { describeError, describeWorkbook } from "./report";

/** Office's code for "a dialog is already open from this page". */
const DIALOG_ALREADY_OPEN = 12007;

/** The dialog this page has open, and how to finish waiting for it. */
let current: { dialog: Office.Dialog; done: () => void } | null = null;

Office.onReady(() => {
  Office.actions.associate("recompute", recompute);
});

async function recompute(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const t = stringsFor(officeDisplayLanguage());
    let message: CommandMessage;
    try {
      const outcomes = await Excel.run((context) => recomputeWorkbook(context));
      message = describeWorkbook(outcomes, t);
    } catch (error) {
      message = describeError(error, t);
    }
    await showMessage(message);
  } catch (error) {
    // Only reached if showing the message itself failed: nothing else can show it.
    console.error("Ramkoll:", error);
  } finally {
    event.completed();
  }
}

/** Opens message.html as a dialog and resolves when it is closed (or could not be opened). */
async function showMessage(message: CommandMessage): Promise<void> {
  if (!Office.context.requirements.isSetSupported("DialogApi", "1.1")) {
    console.error(`Ramkoll: ${message.title}\n${message.lines.join("\n")}`);
    return;
  }
  // A second click while the first outcome is still shown replaces it.
  if (current) {
    current.dialog.close();
    current.done();
    current = null;
    await delay(300); // Office needs a moment before the next dialog can open.
  }
  const url = messageUrl(new URL("message.html", window.location.href).toString(), message);
  let opened = await openDialog(url);
  if (opened.status !== Office.AsyncResultStatus.Succeeded && opened.error.code === DIALOG_ALREADY_OPEN) {
    await delay(1000);
    opened = await openDialog(url);
  }
  if (opened.status !== Office.AsyncResultStatus.Succeeded) {
    console.error(`Ramkoll: ${message.title}\n${message.lines.join("\n")}\n(${opened.error.message})`);
    return;
  }
  const dialog = opened.value;
  await new Promise<void>((resolve) => {
    const done = () => {
      if (current?.dialog === dialog) current = null;
      resolve();
    };
    current = { dialog, done };
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
      dialog.close();
      done();
    });
    // Closed with its own X, or navigated away: nothing more to wait for.
    dialog.addEventHandler(Office.EventType.DialogEventReceived, () => done());
  });
}

function openDialog(url: string): Promise<Office.AsyncResult<Office.Dialog>> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url, { height: 35, width: 30, displayInIframe: true }, resolve);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
