import { Link, makeStyles, tokens } from "@fluentui/react-components";
import type { LocatedProblem, Place } from "../excel/commands";
import type { Strings } from "./i18n";
import { formatPlace } from "./outcome";

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
  },
  fel: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  varning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  severity: { fontWeight: tokens.fontWeightSemibold },
  place: { display: "block", textAlign: "start" },
  message: { display: "block" },
});

export interface ProblemListProps {
  problems: LocatedProblem[];
  strings: Strings;
  /** Called with a problem's place when a person chooses it; only places with a cell are offered. */
  onSelect: (place: Place) => void;
}

/** Each problem with its place and message; a place with a cell is a link that selects it. */
export function ProblemList({ problems, strings: t, onSelect }: ProblemListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {problems.map((problem, index) => {
        const place = problem.place;
        const where = place ? formatPlace(place, t) : "";
        return (
          <li key={index} className={`${styles.item} ${styles[problem.severity] ?? ""}`}>
            <span className={styles.severity}>{t.severity[problem.severity] ?? problem.severity}</span>
            {place && place.cell ? (
              <Link as="button" className={styles.place} aria-label={t.goTo(where)} onClick={() => onSelect(place)}>
                {where}
              </Link>
            ) : place ? (
              <span className={styles.place}>{where}</span>
            ) : null}
            <span className={styles.message}>{problem.message}</span>
          </li>
        );
      })}
    </ul>
  );
}
