import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { Notice } from "./Notice";
import { excelHost } from "./excel";
import { officeDisplayLanguage, stringsFor } from "./i18n";

Office.onReady((info) => {
  const strings = stringsFor(officeDisplayLanguage() ?? navigator.language);
  document.documentElement.lang = strings.locale;
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      {info.host === Office.HostType.Excel ? (
        <App host={excelHost} strings={strings} />
      ) : (
        <Notice intent="warning">{strings.notInExcel}</Notice>
      )}
    </FluentProvider>,
  );
});
