import { Button, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { LocatedProblem, Place } from "../excel/commands";
import type { Strings } from "./i18n";
import { cellReference, placeDetails } from "./outcome";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    overflowWrap: "anywhere",
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftStyle: "solid",
    paddingLeft: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalXXS,
  },
  fel: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  varning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  head: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "baseline" },
  severity: { fontWeight: tokens.fontWeightSemibold },
  place: { textAlign: "start" },
  details: { color: tokens.colorNeutralForeground2 },
});

export interface ProblemListProps {
  problems: LocatedProblem[];
  strings: Strings;
  /** Called with a problem's place when a person chooses it; only places with a cell are offered. */
  onSelect: (place: Place) => void;
  /** Called when a person asks for a problem's offered correction; without it none is offered. */
  onFix?: (problem: LocatedProblem) => void;
  /** While a command runs, corrections wait. */
  busy?: boolean;
}

/**
 * Each problem with its place and message. A place with a cell is a button
 * (Enter or a click) that selects the cell; a problem with an obvious
 * correction offers it, applied only when asked.
 */
export function ProblemList({ problems, strings: t, onSelect, onFix, busy = false }: ProblemListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {problems.map((problem, index) => {
        const place = problem.place;
        const details = place ? placeDetails(place, t) : "";
        return (
          <li key={index} className={`${styles.item} ${styles[problem.severity] ?? ""}`}>
            <span className={styles.head}>
              <span className={styles.severity}>{t.severity[problem.severity] ?? problem.severity}</span>
              {place && place.cell ? (
                <Link
                  as="button"
                  className={styles.place}
                  // The name begins with what is shown ("Budget!N4") and says the rest of the place.
                  aria-label={t.goTo(details ? `${cellReference(place)} (${details})` : cellReference(place))}
                  onClick={() => onSelect(place)}
                >
                  {cellReference(place)}
                </Link>
              ) : place ? (
                <span className={styles.place}>{t.place.sheet(place.sheet)}</span>
              ) : null}
              {details ? <span className={styles.details}>{details}</span> : null}
            </span>
            <span>{problem.message}</span>
            {onFix && problem.fix && place?.cell ? (
              <Button
                size="small"
                disabledFocusable={busy}
                aria-label={t.fix(problem.fix.label, cellReference(place))}
                onClick={() => onFix(problem)}
              >
                {problem.fix.label}
              </Button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
