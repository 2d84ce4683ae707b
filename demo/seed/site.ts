/** The fictional municipality the demo page belongs to. */
export const demoSite = {
  id: 'koivulahti',
  name: { fi: 'Koivulahden kaupunki', sv: 'Björkviks stad', en: 'City of Koivulahti' },
  defaultLang: 'fi',
  languages: ['fi', 'sv', 'en'],
  // The demo page is served from the API's own origin, which CORS always allows; these let a
  // copy of the page opened from another local port talk to the API too.
  origins: ['http://localhost:8787', 'http://127.0.0.1:8787', 'http://localhost:5173'],
} as const;
