/**
 * Reads the dates found in feeds and pages into ISO 8601 UTC: RFC 822/1123 and their sloppy relatives
 * (two-digit years, missing seconds or weekday, named zones), ISO 8601 / W3CDTF, and prose dates such as
 * "March 3, 2024, 10:30 a.m. EST" or "3 mars 2024". Hand-written because Date.parse reads undeclared zones
 * as local time and rejects most of these, and the date libraries either drop the named zones feeds use or
 * are far larger than this. A date with no zone is taken as UTC; anything unreadable gives undefined.
 */
export function parseDate(input: string): string | undefined {
  const text = input.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!text || text.length > 200) return undefined;
  return parseIso(text) ?? parseRfc822(text) ?? parseWritten(text);
}

const RFC_822 = /^(?:[A-Za-z]{2,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4}|\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,5}|[+-]\d{4})?$/;

/** The form nearly every RSS date takes, read directly; anything less regular falls through to parseWritten. */
function parseRfc822(text: string): string | undefined {
  const match = RFC_822.exec(text);
  const month = match && MONTHS[match[2]!.toLowerCase()];
  if (!match || !month) return undefined;
  let year = Number(match[3]);
  if (year < 100) year += year < 50 ? 2000 : 1900;
  const zone = match[7]?.toUpperCase();
  if (zone && zone in US_GENERIC_ZONES) return undefined;
  const offset = zone ? zoneOffsetMinutes(zone) : 0;
  if (offset === undefined) return undefined;
  return build(year, month, Number(match[1]), Number(match[4]), Number(match[5]), Number(match[6] ?? 0), 0, offset);
}

const ISO = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)? ?(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

function parseIso(text: string): string | undefined {
  const match = ISO.exec(text);
  if (!match) return undefined;
  const [, year, month = '1', day = '1', hour = '0', minute = '0', second = '0', fraction = '0', zone] = match;
  const offset = zone ? zoneOffsetMinutes(zone) : 0;
  if (offset === undefined) return undefined;
  const millis = Math.round(Number(`0.${fraction}`) * 1000);
  return build(+year!, +month, +day, +hour, +minute, +second, millis, offset);
}

/** Month names and abbreviations in the languages feeds in the wild use; keys are lower-case, without dots. */
const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['january', 'jan', 'janvier', 'janv', 'enero', 'ene', 'janeiro', 'januar', 'jän', 'gennaio', 'gen'],
  ['february', 'feb', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'febrero', 'fevereiro', 'fev', 'februar', 'febbraio'],
  ['march', 'mar', 'mars', 'marzo', 'março', 'marco', 'märz', 'marz', 'mär'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maio', 'maggio', 'mag'],
  ['june', 'jun', 'juin', 'junio', 'junho', 'juni', 'giugno', 'giu'],
  ['july', 'jul', 'juillet', 'juil', 'julio', 'julho', 'juli', 'luglio', 'lug'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setembro', 'set', 'settembre'],
  ['october', 'oct', 'octobre', 'octubre', 'outubro', 'out', 'oktober', 'okt', 'ottobre', 'ott'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  ['december', 'dec', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dezembro', 'dez', 'dezember', 'dicembre'],
];
MONTH_NAMES.forEach((names, index) => names.forEach((name) => (MONTHS[name] = index + 1)));

/** Named zones seen in RFC 822 dates, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, IST: 330, CET: 60, MET: 60, CEST: 120, MEST: 120, EET: 120, EEST: 180,
  MSK: 180, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, AKST: -540,
  AKDT: -480, HST: -600, AST: -240, ADT: -180, NST: -210, NDT: -150, JST: 540, KST: 540, HKT: 480, SGT: 480,
  AWST: 480, ACST: 570, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780, PKT: 300, WIB: 420, SAST: 120, WAT: 60, EAT: 180,
  BRT: -180, ART: -180,
};

/** US zones written without saying standard or daylight time ("10:30 a.m. ET"): the offset depends on the date. */
const US_GENERIC_ZONES: Record<string, number> = { ET: -300, CT: -360, MT: -420, PT: -480 };

/** Daylight saving in the US runs from the second Sunday of March to the first Sunday of November (since 2007). */
function usDaylightSaving(year: number, month: number, day: number): boolean {
  if (month < 3 || month > 11) return false;
  if (month > 3 && month < 11) return true;
  const firstSunday = ((7 - new Date(Date.UTC(year, month - 1, 1)).getUTCDay()) % 7) + 1;
  return month === 3 ? day >= firstSunday + 7 : day < firstSunday;
}

function zoneOffsetMinutes(zone: string): number | undefined {
  const upper = zone.toUpperCase().replace(/\./g, '');
  if (upper in ZONES) return ZONES[upper];
  const numeric = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(upper);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return minutes > 14 * 60 ? undefined : numeric[1] === '-' ? -minutes : minutes;
  }
  // RFC 822 military zones; their signs were defined backwards, so every one but Z is ambiguous and read as UTC.
  if (/^[A-IK-Z]$/.test(upper)) return 0;
  return undefined;
}

const TIME = /(\d{1,2})[:h.](\d{2})(?:[:.](\d{2}))?(?:\.\d+)?(?:\s*([ap])\.?\s*m\b\.?)?/i;

/**
 * Dates written out: "Tue, 10 Jun 2003 04:00:00 GMT", "June 10, 2003 4:00 pm EDT", "10 juin 2003", "2003/06/10".
 * The day, month and year are found by their shapes, then the time and zone in what remains.
 */
function parseWritten(text: string): string | undefined {
  let rest = ` ${text.replace(/,/g, ' ')} `;
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;

  const numericYmd = /\s(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?=[\sT])/.exec(rest);
  const numericDmy = /\s(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?=\s)/.exec(rest);
  if (numericYmd) {
    [year, month, day] = [+numericYmd[1]!, +numericYmd[2]!, +numericYmd[3]!];
    rest = rest.replace(numericYmd[0], ' ');
  } else if (numericDmy) {
    const [first, second] = [+numericDmy[1]!, +numericDmy[2]!];
    // 03/04/2024 is March 4 in the US and 3 April elsewhere: only a day above 12 says which.
    if (first > 12) [day, month] = [first, second];
    else if (second > 12) [month, day] = [first, second];
    else return undefined;
    year = +numericDmy[3]!;
    rest = rest.replace(numericDmy[0], ' ');
  } else {
    const monthMatch = /\s([\p{L}]{3,10})\.?(?=[\s\d])/gu;
    for (let match = monthMatch.exec(rest); match; match = monthMatch.exec(rest)) {
      const value = MONTHS[match[1]!.toLowerCase()];
      if (value) {
        month = value;
        rest = `${rest.slice(0, match.index)} | ${rest.slice(match.index + match[0].length)}`;
        break;
      }
    }
    if (!month) return undefined;
    // The day and year sit next to the month: "10 Jun 2003", "June 10 2003", "10. Juni 2003", "10 de junio de 2003".
    const around = /(?:(\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?\|\s+(?:de\s+)?(\d{4}|\d{2})(?!\s*[:h]\d)|\|\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{4}|\d{2})(?!\s*[:h]\d))/i.exec(rest);
    if (!around) return undefined;
    day = Number(around[1] ?? around[3]);
    year = Number(around[2] ?? around[4]);
    if (year < 100) year += year < 50 ? 2000 : 1900;
    rest = rest.replace(around[0], ' ');
  }

  let [hour, minute, second] = [0, 0, 0];
  const time = TIME.exec(rest);
  if (time) {
    [hour, minute, second] = [+time[1]!, +time[2]!, +(time[3] ?? 0)];
    const meridiem = time[4]?.toLowerCase();
    if (meridiem === 'p' && hour < 12) hour += 12;
    if (meridiem === 'a' && hour === 12) hour = 0;
    rest = rest.replace(time[0], ' ');
  }
  const zoneMatch = /(?:^|\s)((?:UTC|GMT)?[+-]\d{1,2}:?\d{2}|(?:UTC|GMT)[+-]\d{1,2}|[A-Z]{1,5})(?=\s|$)/.exec(rest.replace(/\(([A-Z]{2,5})\)/, '$1'));
  const zone = zoneMatch?.[1]?.toUpperCase();
  const generic = zone ? US_GENERIC_ZONES[zone] : undefined;
  const offset = generic !== undefined ? generic + (usDaylightSaving(year!, month!, day!) ? 60 : 0) : zone ? (zoneOffsetMinutes(zone) ?? 0) : 0;
  return build(year!, month!, day!, hour, minute, second, 0, offset);
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number, offsetMinutes: number): string | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (hour > 24 || minute > 59 || second > 60) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millis);
  const date = new Date(utc);
  if (date.getUTCDate() !== day) return undefined;
  return new Date(utc - offsetMinutes * 60_000).toISOString();
}
