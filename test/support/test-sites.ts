/** Sites the test server seeds beside the demo site (safe to import in the browser). */

/** Default language Swedish, for language-fallback tests. */
export const SWEDISH_SITE = {
  id: 'bjorkvik-test',
  name: { sv: 'Björkvik (test)', fi: 'Koivulahti (testi)' },
  defaultLang: 'sv',
  languages: ['sv', 'fi'],
  origins: [],
} as const;

/** The console's Settings view test changes this site's settings, so no other test leans on them. */
export const SETTINGS_SITE = {
  id: 'asetukset-test',
  name: { fi: 'Asetuskunta (testi)', sv: 'Inställningskommun (test)' },
  defaultLang: 'fi',
  languages: ['fi', 'sv'],
  origins: ['https://www.asetuskunta.fi'],
} as const;
