import { describe, expect, it } from 'vitest';
import { parseWebVtt, transcriptFromCues } from './webvtt.ts';
import type { Cue } from './webvtt.ts';

const cuesOf = (source: string): Cue[] => {
  const result = parseWebVtt(source);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.issues)}`);
  return result.cues;
};
const issuesOf = (source: string) => {
  const result = parseWebVtt(source);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.cues)}`);
  return result.issues;
};

describe('reading WebVTT', () => {
  it('reads cues with identifiers, settings, hours and several lines of text', () => {
    const source = [
      'WEBVTT - Valtuuston kokous',
      'Kind: captions',
      'Language: fi',
      '',
      'NOTE tekstittänyt Koivulahden kaupunki',
      'toinen rivi',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'REGION',
      'id:puhuja width:40%',
      '',
      'intro',
      '00:00.000 --> 00:02.500 align:start line:90%',
      '<v Puheenjohtaja>Hyvää iltaa.',
      'Kokous alkaa.',
      '',
      '',
      '01:02:03.004 --> 01:02:05.000',
      'Kiitos.',
      '',
    ].join('\n');
    expect(cuesOf(source)).toEqual([
      { start: 0, end: 2.5, text: '<v Puheenjohtaja>Hyvää iltaa.\nKokous alkaa.' },
      { start: 3723.004, end: 3725, text: 'Kiitos.' },
    ]);
  });

  it('takes a byte order mark, CRLF or CR line ends, a tab after WEBVTT and no final newline', () => {
    expect(cuesOf('\uFEFFWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nYksi')).toEqual([{ start: 1, end: 2, text: 'Yksi' }]);
    expect(cuesOf('WEBVTT\tOtsikko\r\r00:01.000\t-->\t00:02.000\rYksi\r')).toEqual([{ start: 1, end: 2, text: 'Yksi' }]);
    expect(cuesOf('WEBVTT\n\n100:00:00.000 --> 100:00:01.000\n')).toEqual([{ start: 360_000, end: 360_001, text: '' }]);
  });

  const invalid: [string, string, number, RegExp][] = [
    ['an empty file', '', 1, /starts with "WEBVTT"/],
    ['an SRT file', '1\n00:00:01,000 --> 00:00:02,000\nHei\n', 1, /starts with "WEBVTT"/],
    ['a lowercase signature', 'webvtt\n\n00:01.000 --> 00:02.000\nHei', 1, /WEBVTT/],
    ['text glued to the signature', 'WEBVTTX\n\n00:01.000 --> 00:02.000\nHei', 1, /WEBVTT/],
    ['no cues', 'WEBVTT\n\nNOTE vain kommentti\n', 3, /no cues/],
    ['a comma before the milliseconds', 'WEBVTT\n\n00:01,000 --> 00:02.000\nHei', 3, /cue timing/],
    ['minutes over 59', 'WEBVTT\n\n00:61.000 --> 01:02.000\nHei', 3, /cue timing/],
    ['two-digit milliseconds', 'WEBVTT\n\n00:01.00 --> 00:02.000\nHei', 3, /cue timing/],
    ['no space around the arrow', 'WEBVTT\n\n00:01.000-->00:02.000\nHei', 3, /cue timing/],
    ['an end before the start', 'WEBVTT\n\n00:05.000 --> 00:02.000\nHei', 3, /ends \(00:02\.000\) before it starts \(00:05\.000\)/],
    ['an end equal to the start', 'WEBVTT\n\n00:05.000 --> 00:05.000\nHei', 3, /before it starts/],
    ['an identifier without a timing', 'WEBVTT\n\nintro\nHei', 4, /cue timing/],
    ['a block that is only text', 'WEBVTT\n\nHei', 3, /is not a cue/],
    ['a cue right after the header', 'WEBVTT\n00:01.000 --> 00:02.000\nHei', 2, /blank line between the WEBVTT line/],
    ['two cues without a blank line', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHei\n00:03.000 --> 00:04.000\nMoi', 5, /leave a blank line before the next cue/],
    ['an arrow in a NOTE', 'WEBVTT\n\nNOTE a --> b\n\n00:01.000 --> 00:02.000\nHei', 3, /NOTE may not contain/],
    ['a NUL character', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHe\u0000i', 4, /NUL/],
  ];
  it.each(invalid)('refuses %s, naming the line', (_, source, line, message) => {
    const [first] = issuesOf(source);
    expect(first!.line).toBe(line);
    expect(first!.message).toMatch(message);
    expect(first!.message).toMatch(new RegExp(`^(Line ${line}: |The file has no cues)`));
  });

  it('reports every bad cue, up to 20', () => {
    const bad = Array.from({ length: 30 }, (_, i) => `00:0${i % 10}.000 --> 00:00.000\nx`).join('\n\n');
    const issues = issuesOf(`WEBVTT\n\n${bad}`);
    expect(issues).toHaveLength(20);
    expect(issues.slice(0, 3).map((i) => i.line)).toEqual([3, 6, 9]);
  });
});

describe('transcripts from cues', () => {
  const cue = (start: number, end: number, text: string): Cue => ({ start, end, text });

  it('removes voice, class, italic, ruby and timestamp tags and decodes character references', () => {
    const text = transcriptFromCues([
      cue(0, 2, '<v Pormestari>Tervetuloa <i>kaikki</i>!</v>'),
      cue(2, 4, '<c.yellow.bg_blue>Puhe</c> <00:00:03.000>jatkuu &amp; &lt;päättyy&gt; 1&nbsp;000&nbsp;€'),
      cue(4, 5, '&lrm;Hej&rlm; &#228;&#x e4; &quot;x&quot; &unknown;'),
      cue(5, 6, '<ruby>漢<rt>kan</rt></ruby> <b>lihava</b> <u>alleviivattu</u> <lang en>English</lang>'),
    ]);
    expect(text).toBe('Tervetuloa kaikki! Puhe jatkuu & <päättyy> 1\u00a0000\u00a0€ \u200eHej\u200f ä&#x e4; "x" &unknown; 漢 lihava alleviivattu English');
  });

  it('gives a line repeated in the next cue once, as rolling captions repeat it', () => {
    const text = transcriptFromCues([cue(0, 2, 'Ensimmäinen rivi'), cue(2, 4, 'Ensimmäinen rivi\nToinen rivi'), cue(4, 6, 'Toinen rivi\nKolmas rivi'), cue(6, 7, 'Kolmas rivi')]);
    expect(text).toBe('Ensimmäinen rivi Toinen rivi Kolmas rivi');
  });

  it('starts a paragraph where the speech pauses for two seconds or more', () => {
    const text = transcriptFromCues([cue(0, 2, 'Yksi.'), cue(3.99, 5, 'Kaksi.'), cue(7, 8, 'Kolme.'), cue(8.5, 9, '<v A></v>'), cue(20, 21, 'Neljä.')]);
    expect(text).toBe('Yksi. Kaksi.\n\nKolme.\n\nNeljä.');
  });

  it('is empty for cues without text', () => {
    expect(transcriptFromCues([cue(0, 1, ''), cue(1, 2, '<i></i>')])).toBe('');
  });

  it('reads a whole file through', () => {
    const source = 'WEBVTT\n\n00:00.000 --> 00:01.500\n<v Anna>Hei &amp; tervetuloa\n\n00:05.000 --> 00:06.000\nNähdään!\n';
    expect(transcriptFromCues(cuesOf(source))).toBe('Hei & tervetuloa\n\nNähdään!');
  });
});
