/**
 * The yardstick for the poll's first paint: a minimal Lit poll that fetches its JSON directly
 * and shows the question and its options as radio buttons. No strings, no offline queue, no
 * results, no accessibility work beyond the native controls: the least a poll can be.
 */
import { LitElement, html } from 'lit';

interface Poll {
  question: Record<string, string>;
  options: { id: string; label: Record<string, string> }[];
}

class MinimalPoll extends LitElement {
  static override properties = { poll: {}, site: {}, data: { state: true } };
  poll = '';
  site = '';
  data?: Poll;

  override connectedCallback(): void {
    super.connectedCallback();
    void fetch(`/api/v1/sites/${this.site}/polls/${this.poll}`, { headers: { Accept: 'application/json' } })
      .then((response) => response.json())
      .then((data: Poll) => (this.data = data));
  }

  override render() {
    if (!this.data) return html`<p>…</p>`;
    return html`<fieldset>
      <legend>${this.data.question.fi}</legend>
      ${this.data.options.map((o) => html`<label><input type="radio" name="choice" value=${o.id} />${o.label.fi}</label>`)}
    </fieldset>`;
  }
}
customElements.define('minimal-poll', MinimalPoll);
