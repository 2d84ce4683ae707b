/** The no-JavaScript frame widgets' words by language. */
import type { Lang } from '../../../schema/common.ts';
import { en } from './en.ts';
import { fi } from './fi.ts';
import { sv } from './sv.ts';
import type { Catalogue, NojsStrings } from './types.ts';

const CATALOGUE: Catalogue = { fi, sv, en };

export const stringsFor = (lang: Lang): NojsStrings => CATALOGUE[lang];
export type { NojsStrings };
