import type { ErrorTexts } from '../../ui/errors.ts';

/** The shared console building blocks' words (widgets/admin/ui), part of `AdminMessages` as `ui`. */
export interface UiMessages {
  /** A row menu's button: "Lisää". */
  more: string;
  /** The name of a table's actions column, read out, not shown. */
  actions: string;
  /** The name of a chart's bar column, read out, not shown. */
  chart: string;
  /** Under a chart of days: its highest day's count. */
  mostPerDay: (count: number) => string;
  errors: ErrorTexts;
}
