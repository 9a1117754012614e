import * as React from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  ProgressBar,
  Select,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CommandPhase, LocatedProblem, ModelId, Place } from "../excel/commands";
import { MODEL_IDS, MODEL_TITLES } from "../workbook/models/catalog";
import type { RamkollHost, RunOptions } from "./host";
import type { Strings } from "./i18n";
import {
  type Outcome,
  type RoundCommand,
  commandOutcome,
  errorMessage,
  fixOutcome,
  formatPlace,
  isCancelled,
  isRefusal,
  refusalHeadline,
  roundOutcome,
  wasRestored,
} from "./outcome";
import { Notice } from "./Notice";
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
  intro: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  round: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    borderTopWidth: tokens.strokeWidthThin,
    borderTopStyle: "solid",
    borderTopColor: tokens.colorNeutralStroke2,
    paddingTop: tokens.spacingVerticalM,
  },
  sectionHeading: { margin: 0 },
  proposal: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  progress: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  progressRow: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** How long a command runs before its progress is shown, so quick ones do not flicker. */
export const PROGRESS_DELAY_MS = 300;

type Command = "create" | "recompute" | "accept" | "fix" | RoundCommand;

interface Running {
  command: Command;
  phase: CommandPhase;
  /** Cancelling is possible until the writes start, and only for commands that check for it. */
  cancellable: boolean;
  controller: AbortController;
}

/** What went wrong, for the message bar; problems go to the list. */
interface Failure {
  intent: "error" | "info";
  title: string;
  message: string;
  problems: LocatedProblem[];
}

export interface AppProps {
  host: RamkollHost;
  strings: Strings;
  /** Which model is chosen at start. */
  model?: ModelId;
  /** The models offered; by default every model Ramkoll knows. */
  models?: readonly ModelId[];
  /** Where the logo lives, relative to the page. */
  logoUrl?: string;
}

export function App({ host, strings: t, model: initialModel = "budget", models = MODEL_IDS, logoUrl = "assets/logo-filled.png" }: AppProps) {
  const styles = useStyles();
  const id = React.useId();
  const [model, setModel] = React.useState<ModelId>(initialModel);
  const [withExamples, setWithExamples] = React.useState(true);
  const [password, setPassword] = React.useState("");
  const [versions, setVersions] = React.useState<string[]>([]);
  const [from, setFrom] = React.useState("");
  const [to, setTo] = React.useState("");
  const [running, setRunning] = React.useState<Running | null>(null);
  const [showProgress, setShowProgress] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const [failure, setFailure] = React.useState<Failure | null>(null);
  const busy = running !== null;

  React.useEffect(() => {
    if (!running) {
      setShowProgress(false);
      return;
    }
    const timer = setTimeout(() => setShowProgress(true), PROGRESS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [running?.controller]);

  const failureOf = (error: unknown): Failure => {
    if (isCancelled(error)) return { intent: "info", title: t.cancelledTitle, message: t.cancelledBody, problems: [] };
    if (isRefusal(error)) {
      return { intent: "error", title: t.refusedTitle, message: `${refusalHeadline(error)} ${t.refusedBody}`.trim(), problems: error.problems };
    }
    const restored = wasRestored(error) ? ` ${t.restoredBody}` : "";
    return { intent: "error", title: t.failedTitle, message: `${errorMessage(error, t)}${restored}`, problems: [] };
  };

  const refreshVersions = async () => {
    try {
      const list = await host.listVersions(model);
      setVersions(list);
      setFrom((current) => (list.includes(current) ? current : (list[list.length - 1] ?? "")));
      setTo((current) => (list.includes(current) ? current : ""));
    } catch (error) {
      // A command's own message comes first.
      setFailure((previous) => previous ?? failureOf(error));
    }
  };

  React.useEffect(() => {
    // Open on the model the workbook holds, unless the person has already chosen or the workbook holds the one shown.
    let current = true;
    host
      .findModels?.()
      .then((present) => {
        const first = present.find((m) => models.includes(m));
        if (current && first && !present.includes(model)) setModel((chosen) => (chosen === model ? first : chosen));
      })
      .catch(() => undefined); // Only a convenience: the pane works without it.
    return () => {
      current = false;
    };
    // Once, when the pane opens.
  }, []);

  React.useEffect(() => {
    void refreshVersions();
    // Versions are read again after each command and when another model is chosen.
  }, [model]);

  /** Runs one command with progress, cancel and its outcome; one at a time. */
  const run = async (command: Command, cancellable: boolean, work: (options: RunOptions) => Promise<Outcome>) => {
    if (running) return;
    const controller = new AbortController();
    const options: RunOptions = {
      signal: controller.signal,
      password,
      onProgress: (phase) =>
        setRunning((current) =>
          current && current.controller === controller ? { ...current, phase, cancellable: current.cancellable && phase !== "skriver" } : current,
        ),
    };
    setRunning({ command, phase: "läser", cancellable, controller });
    setFailure(null);
    setOutcome(null);
    try {
      setOutcome(await work(options));
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setRunning(null);
    }
    await refreshVersions();
  };

  const create = () => run("create", true, async (o) => commandOutcome(await host.create(model, { withExamples }, o), t));
  const recompute = () => run("recompute", true, async (o) => commandOutcome(await host.recompute(model, o), t));
  const accept = (proposalId: string) => run("accept", true, async (o) => commandOutcome(await host.acceptProposal(model, proposalId, o), t));
  const freeze = () => run("freeze", true, async (o) => roundOutcome("freeze", await host.freeze(model, o), t));
  const compare = () => run("compare", true, async (o) => roundOutcome("compare", await host.compare(model, from, to || undefined, o), t));
  const protect = () => run("protect", false, async () => roundOutcome("protect", await host.protect(model, password), t));
  const unprotect = () => run("unprotect", false, async () => roundOutcome("unprotect", await host.unprotect(model, password), t));
  const problems = outcome?.problems ?? failure?.problems ?? [];
  const fix = (problem: LocatedProblem) => {
    const remaining = problems.filter((p) => p !== problem);
    return run("fix", true, async (o) => fixOutcome(await host.applyFixes([problem], o), remaining, t));
  };

  const select = async (place: Place) => {
    try {
      await host.select(place);
    } catch (error) {
      setFailure((previous) => ({
        intent: "error",
        title: t.selectFailed(formatPlace(place, t)),
        message: errorMessage(error, t),
        problems: previous?.problems ?? [],
      }));
    }
  };

  const titleOf = (m: ModelId) => t.modelTitles[m] ?? MODEL_TITLES[m] ?? m;

  return (
    <main className={styles.root} lang={t.locale}>
      <header className={styles.header}>
        <img className={styles.logo} src={logoUrl} alt="" />
        <Title3 as="h1" className={styles.heading}>
          {t.title}
        </Title3>
      </header>
      <Text as="p" className={styles.intro}>
        {t.intro}
      </Text>

      <Field label={t.modelLabel}>
        <Select
          value={model}
          disabled={busy}
          onChange={(_event, data) => {
            setModel(data.value as ModelId);
            setOutcome(null);
            setFailure(null);
          }}
        >
          {models.map((m) => (
            <option key={m} value={m}>
              {titleOf(m)}
            </option>
          ))}
        </Select>
      </Field>

      <Checkbox label={t.withExamples} checked={withExamples} disabled={busy} onChange={(_event, data) => setWithExamples(data.checked === true)} />

      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={busy} onClick={() => void create()}>
          {t.create}
        </Button>
        <Button disabledFocusable={busy} aria-describedby={`${id}-recompute`} onClick={() => void recompute()}>
          {t.recompute}
        </Button>
      </div>
      <Text id={`${id}-recompute`} size={200} className={styles.hint}>
        {t.recomputeHint}
      </Text>

      <div aria-live="polite" className={styles.section}>
        {running && showProgress ? (
          <div className={styles.progress} role="status" data-testid="progress">
            <div className={styles.progressRow}>
              <Text>{t.phase[running.phase] ?? t.running}</Text>
              {running.command !== "protect" && running.command !== "unprotect" ? (
                <Button
                  size="small"
                  disabledFocusable={!running.cancellable}
                  onClick={() => {
                    running.controller.abort();
                    setRunning((current) => (current ? { ...current, cancellable: false } : current));
                  }}
                >
                  {t.cancel}
                </Button>
              ) : null}
            </div>
            <ProgressBar aria-label={t.running} />
            {running.phase === "skriver" ? (
              <Text size={200} className={styles.hint}>
                {t.cannotCancel}
              </Text>
            ) : null}
          </div>
        ) : null}

        {failure ? (
          <Notice intent={failure.intent} title={failure.title} dismiss={{ label: t.dismiss, onClick: () => setFailure(null) }}>
            {failure.message}
          </Notice>
        ) : null}

        {outcome ? (
          <section className={styles.section} aria-labelledby={`${id}-outcome`} data-testid="outcome">
            <Subtitle2 as="h2" id={`${id}-outcome`} className={styles.sectionHeading}>
              {outcome.title}
            </Subtitle2>
            <ul className={styles.lines}>
              {outcome.changes.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
            {outcome.summary.length > 0 ? (
              <ul className={styles.lines}>
                {outcome.summary.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            ) : null}
            {(outcome.proposals ?? []).map((proposal, index) => (
              <section key={proposal.id} className={styles.proposal} aria-labelledby={`${id}-proposal-${index}`}>
                <Subtitle2 as="h3" id={`${id}-proposal-${index}`} className={styles.sectionHeading}>
                  {t.proposalHeading}: {proposal.title}
                </Subtitle2>
                <ul className={styles.lines}>
                  {proposal.lines.map((line, k) => (
                    <li key={k}>{line}</li>
                  ))}
                </ul>
                <div className={styles.actions}>
                  <Button appearance="primary" disabledFocusable={busy} aria-describedby={`${id}-proposal-${index}`} onClick={() => void accept(proposal.id)}>
                    {t.acceptProposal}
                  </Button>
                </div>
              </section>
            ))}
          </section>
        ) : null}
      </div>

      {problems.length > 0 ? (
        <section className={styles.section} aria-labelledby={`${id}-problems`}>
          <Subtitle2 as="h2" id={`${id}-problems`} className={styles.sectionHeading}>
            {t.problemsTitle(problems.length)}
          </Subtitle2>
          <ProblemList problems={problems} strings={t} busy={busy} onSelect={(place) => void select(place)} onFix={(p) => void fix(p)} />
        </section>
      ) : outcome ? (
        <Text>{t.noProblems}</Text>
      ) : null}

      <section className={styles.round} aria-labelledby={`${id}-round`}>
        <Subtitle2 as="h2" id={`${id}-round`} className={styles.sectionHeading}>
          {t.roundHeading(model)}
        </Subtitle2>
        <div className={styles.actions}>
          <Button disabledFocusable={busy} onClick={() => void freeze()}>
            {t.freeze}
          </Button>
        </div>
        {versions.length > 0 ? (
          <>
            <Field label={t.compareFrom}>
              <Select
                value={from}
                disabled={busy}
                onChange={(_event, data) => {
                  setFrom(data.value);
                  setTo((current) => (current === data.value ? "" : current));
                }}
              >
                {versions.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t.compareTo}>
              <Select value={to} disabled={busy} onChange={(_event, data) => setTo(data.value)}>
                <option value="">{t.now}</option>
                {versions
                  .filter((v) => v !== from)
                  .map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
              </Select>
            </Field>
            <div className={styles.actions}>
              <Button disabledFocusable={busy || !from} onClick={() => void compare()}>
                {t.compare}
              </Button>
            </div>
          </>
        ) : (
          <Text className={styles.hint}>{t.noVersions}</Text>
        )}
        <Field label={t.password} hint={t.passwordHint}>
          <Input type="password" value={password} disabled={busy} autoComplete="off" onChange={(_event, data) => setPassword(data.value)} />
        </Field>
        <div className={styles.actions}>
          <Button disabledFocusable={busy} onClick={() => void protect()}>
            {t.protect}
          </Button>
          <Button disabledFocusable={busy} onClick={() => void unprotect()}>
            {t.unprotect}
          </Button>
        </div>
      </section>
    </main>
  );
}
