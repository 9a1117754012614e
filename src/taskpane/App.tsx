import * as React from "react";
import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CommandResult, LocatedProblem, ModelId, Place } from "../excel/commands";
import type { RamkollHost } from "./host";
import type { Strings } from "./i18n";
import { errorMessage, formatPlace, isRefusal, refusalHeadline, resultLines } from "./outcome";
import { ProblemList } from "./ProblemList";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: "40rem",
    boxSizing: "border-box",
  },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  logo: { width: "32px", height: "32px" },
  heading: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  sectionHeading: { margin: 0 },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  spinner: { justifyContent: "flex-start" },
  // Office's error codes are long words; let them wrap in a narrow pane.
  wrap: { overflowWrap: "anywhere", minWidth: 0 },
});

type Command = "create" | "recompute";

/** What went wrong, for the message bar; problems go to the list. */
interface Failure {
  title: string;
  message: string;
  problems: LocatedProblem[];
}

export interface AppProps {
  host: RamkollHost;
  strings: Strings;
  /** Which model the buttons work on. */
  model?: ModelId;
  /** Where the logo lives, relative to the page. */
  logoUrl?: string;
}

export function App({ host, strings: t, model = "budget", logoUrl = "assets/logo-filled.png" }: AppProps) {
  const styles = useStyles();
  const [withExamples, setWithExamples] = React.useState(true);
  const [running, setRunning] = React.useState<Command | null>(null);
  const [result, setResult] = React.useState<CommandResult | null>(null);
  const [failure, setFailure] = React.useState<Failure | null>(null);

  const run = async (command: Command) => {
    setRunning(command);
    setFailure(null);
    setResult(null);
    try {
      const outcome =
        command === "create" ? await host.create(model, { withExamples }) : await host.recompute(model);
      setResult(outcome);
    } catch (error) {
      setFailure(
        isRefusal(error)
          ? { title: t.refusedTitle, message: `${refusalHeadline(error)} ${t.refusedBody}`.trim(), problems: error.problems }
          : { title: t.failedTitle, message: errorMessage(error, t), problems: [] },
      );
    } finally {
      setRunning(null);
    }
  };

  const select = async (place: Place) => {
    try {
      await host.select(place);
    } catch (error) {
      setFailure((previous) => ({
        title: t.selectFailed(formatPlace(place, t)),
        message: errorMessage(error, t),
        problems: previous?.problems ?? [],
      }));
    }
  };

  const problems = result?.problems ?? failure?.problems ?? [];
  const busy = running !== null;

  return (
    <main className={styles.root} lang={t.locale}>
      <header className={styles.header}>
        <img className={styles.logo} src={logoUrl} alt="" />
        <Title3 as="h1" className={styles.heading}>
          {t.title}
        </Title3>
      </header>
      <Text as="p">{t.intro}</Text>

      <Checkbox
        label={t.withExamples}
        checked={withExamples}
        disabled={busy}
        onChange={(_event, data) => setWithExamples(data.checked === true)}
      />

      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={busy} onClick={() => void run("create")}>
          {t.create}
        </Button>
        <Button disabledFocusable={busy} onClick={() => void run("recompute")}>
          {t.recompute}
        </Button>
      </div>

      <div aria-live="polite" className={styles.section}>
        {busy ? <Spinner className={styles.spinner} size="small" label={t.running} labelPosition="after" /> : null}

        {failure ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody className={styles.wrap}>
              <MessageBarTitle>{failure.title}</MessageBarTitle>
              {failure.message}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" size="small" onClick={() => setFailure(null)}>
                  {t.dismiss}
                </Button>
              }
            />
          </MessageBar>
        ) : null}

        {result ? (
          <section className={styles.section} aria-label={result.command === "create" ? t.createdTitle : t.recomputedTitle}>
            <Subtitle2 as="h2" className={styles.sectionHeading}>
              {result.command === "create" ? t.createdTitle : t.recomputedTitle}
            </Subtitle2>
            <ul className={styles.lines}>
              {resultLines(result, t).map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>

      {problems.length > 0 ? (
        <section className={styles.section}>
          <Subtitle2 as="h2" className={styles.sectionHeading}>
            {t.problemsTitle(problems.length)}
          </Subtitle2>
          <ProblemList problems={problems} strings={t} onSelect={(place) => void select(place)} />
        </section>
      ) : result ? (
        <Text>{t.noProblems}</Text>
      ) : null}
    </main>
  );
}
