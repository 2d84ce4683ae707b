/**
 * Events every widget sends to the host page. They bubble and cross the shadow root
 * (`composed`), so `document.addEventListener('osallistu-vote', …)` hears every poll.
 */
export class OsallistuEvent<Detail> extends CustomEvent<Detail> {
  constructor(type: string, detail: Detail) {
    super(type, { detail, bubbles: true, composed: true });
  }
}

export function emit<Detail>(target: EventTarget, type: string, detail: Detail): boolean {
  return target.dispatchEvent(new OsallistuEvent(type, detail));
}
