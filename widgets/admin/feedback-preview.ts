import type { Form, OsallistuFeedback } from '../feedback/osallistu-feedback.ts';

/**
 * Defines `<osallistu-feedback-preview>`: the real feedback widget showing a form as it is being
 * edited (`.preview`), without the API. A resident's checks and messages work as they will on
 * the page; sending sends nothing (it fires `preview-submit`) and typing keeps no draft.
 *
 * The widget's class is taken from the registry once its public chunk has loaded, so that chunk
 * exports nothing more and the console imports no public module statically.
 */
export async function defineFeedbackPreview(): Promise<void> {
  await import('../feedback/osallistu-feedback.ts');
  if (customElements.get('osallistu-feedback-preview')) return;
  const Feedback = customElements.get('osallistu-feedback') as typeof OsallistuFeedback;

  class FeedbackPreview extends Feedback {
    static override properties = { preview: { attribute: false } };
    declare preview?: Form;

    protected override willUpdate(): void {
      super.willUpdate();
      if (this.preview && (this.load.status !== 'ready' || this.load.form !== this.preview)) this.load = { status: 'ready', form: this.preview };
    }

    protected override saveDraft(): void {}

    /** The resident's checks passed: nothing is sent, and the console is told so it can say it. */
    protected override async send(): Promise<void> {
      this.pending.clear();
      this.dispatchEvent(new CustomEvent('preview-submit', { bubbles: true, composed: true }));
    }
  }
  customElements.define('osallistu-feedback-preview', FeedbackPreview);
}
