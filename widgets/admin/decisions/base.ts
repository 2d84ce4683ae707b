import { state } from 'lit/decorators.js';
import type { z } from '@hono/zod-openapi';
import type { DecisionSummaryView, DecisionView } from '../../../worker/schema/decisions.ts';
import { roleAllows } from '../../../worker/schema/roles.ts';
import { Catalog, localized } from '../../core/i18n.ts';
import type { Lang } from '../../locales/messages.ts';
import { AdminView } from '../admin-view.ts';
import type { DecisionAdminMessages } from '../locales/decisions/messages.ts';
import type { StatusMessage } from '../ui/errors.ts';

/** The view's own strings, one chunk per language, loaded only with the view. */
export const decisionAdminMessages = new Catalog<DecisionAdminMessages>({
  fi: () => import('../locales/decisions/fi.ts').then((m) => m.fi),
  sv: () => import('../locales/decisions/sv.ts').then((m) => m.sv),
  en: () => import('../locales/decisions/en.ts').then((m) => m.en),
});

export type Summary = z.infer<typeof DecisionSummaryView>;
export type Decision = z.infer<typeof DecisionView>;

/**
 * What the parts of the decisions view share (the import, the editor, the terms and the list
 * each add theirs on top): the decisions listed, the status line, the site's languages.
 */
export abstract class DecisionsBase extends AdminView {
  static override catalogs = [...AdminView.catalogs, decisionAdminMessages];

  @state() protected items?: Summary[];
  /** The view's status line: its own words, or the server's (marked English) when it has none for an error. */
  @state() protected status: StatusMessage = '';
  @state() protected siteLanguages?: Lang[];
  /** The site's default language: a topic's or district's value is a word in it. */
  @state() protected siteLang?: Lang;

  protected get d(): DecisionAdminMessages {
    return decisionAdminMessages.get(this.language);
  }

  protected get canEdit(): boolean {
    return Boolean(this.official && roleAllows(this.official.role, 'editor'));
  }

  protected organName(name: Partial<Record<Lang, string>>) {
    return localized(name, this.language, this.siteLanguages);
  }

  protected titleOf(d: Pick<Summary, 'title' | 'languages'>) {
    return localized(d.title, this.language, d.languages);
  }

  protected async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Focus on a decision's row (its edit button), or on the list's heading when it has none. */
  protected abstract focusRow(id: string): void;
  /** The list (and its body filter) anew, after decisions were imported. */
  protected abstract reload(): void;
}
