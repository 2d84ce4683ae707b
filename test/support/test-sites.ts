/** Sites the test server seeds beside the demo site (safe to import in the browser). */

/** Default language Swedish, for language-fallback tests. */
export const SWEDISH_SITE = {
  id: 'bjorkvik-test',
  name: { sv: 'Björkvik (test)', fi: 'Koivulahti (testi)' },
  defaultLang: 'sv',
  languages: ['sv', 'fi'],
  origins: [],
} as const;
