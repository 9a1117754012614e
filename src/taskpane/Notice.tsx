/**
 * A message for the person: why a command was refused or failed, or that it
 * was cancelled. Fluent UI's MessageBar does this too, but brings its own
 * animation and icon code; this keeps its look (status colours from the
 * theme's tokens) and its roles at a fraction of the bundle.
 */
import * as React from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    outlineWidth: tokens.strokeWidthThin,
    outlineStyle: "solid",
    outlineOffset: `-${tokens.strokeWidthThin}`,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  error: { backgroundColor: tokens.colorStatusDangerBackground1, outlineColor: tokens.colorStatusDangerBorder1 },
  warning: { backgroundColor: tokens.colorStatusWarningBackground1, outlineColor: tokens.colorStatusWarningBorder1 },
  info: { backgroundColor: tokens.colorNeutralBackground3, outlineColor: tokens.colorNeutralStroke1 },
  mark: {
    flexShrink: 0,
    width: "4px",
    alignSelf: "stretch",
    borderRadius: tokens.borderRadiusSmall,
  },
  errorMark: { backgroundColor: tokens.colorStatusDangerForeground1 },
  warningMark: { backgroundColor: tokens.colorStatusWarningForeground1 },
  infoMark: { backgroundColor: tokens.colorNeutralForeground3 },
  body: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere", whiteSpace: "pre-line" },
  title: { display: "block", fontWeight: tokens.fontWeightSemibold },
});

export interface NoticeProps {
  intent: "error" | "warning" | "info";
  title?: string;
  children: React.ReactNode;
  /** Shown as a button when given. */
  dismiss?: { label: string; onClick: () => void };
}

export function Notice({ intent, title, children, dismiss }: NoticeProps) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.root, styles[intent])} role={intent === "info" ? "status" : "alert"}>
      <span className={mergeClasses(styles.mark, styles[`${intent}Mark`])} aria-hidden="true" />
      <div className={styles.body}>
        {title ? <strong className={styles.title}>{title}</strong> : null}
        {children}
      </div>
      {dismiss ? (
        <Button appearance="transparent" size="small" onClick={dismiss.onClick}>
          {dismiss.label}
        </Button>
      ) : null}
    </div>
  );
}
