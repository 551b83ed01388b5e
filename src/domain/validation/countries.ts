/**
 * Country names Whispir expects in `workCountry` (Part A §7: "a country name"), with the ISO
 * codes and common aliases people type instead. Kept here rather than in `whispir/` so the
 * validator does not depend on a table another module may reshape.
 */
import { editDistance } from './text';

export interface Country {
  /** The name we write into Whispir, e.g. `United Kingdom`. */
  readonly name: string;
  /** ISO 3166-1 alpha-2, also libphonenumber's region code. */
  readonly iso2: string;
  readonly iso3: string;
  /** Other spellings of the name (`Czechia`, `Holland`, `Ivory Coast`). */
  readonly aliases: readonly string[];
  /** Abbreviations that are not ISO codes but behave like them (`UK`, `UAE`). */
  readonly abbreviations: readonly string[];
}

/** How a value matched: the name exactly, the name written differently, an alias, or a code. */
export type CountryMatchKind = 'name' | 'name-variant' | 'alias' | 'code';

export interface CountryMatch {
  readonly country: Country;
  readonly kind: CountryMatchKind;
}

// iso2|iso3|name|aliases;...|abbreviations;...  One line per country keeps the table reviewable.
const TABLE = `
AF|AFG|Afghanistan||
AX|ALA|Åland Islands|Aland Islands|
AL|ALB|Albania||
DZ|DZA|Algeria||
AS|ASM|American Samoa||
AD|AND|Andorra||
AO|AGO|Angola||
AI|AIA|Anguilla||
AQ|ATA|Antarctica||
AG|ATG|Antigua and Barbuda|Antigua & Barbuda;Antigua|
AR|ARG|Argentina||
AM|ARM|Armenia||
AW|ABW|Aruba||
AU|AUS|Australia|Commonwealth of Australia|
AT|AUT|Austria|Österreich|
AZ|AZE|Azerbaijan||
BS|BHS|Bahamas|The Bahamas|
BH|BHR|Bahrain||
BD|BGD|Bangladesh||
BB|BRB|Barbados||
BY|BLR|Belarus||
BE|BEL|Belgium|België;Belgique|
BZ|BLZ|Belize||
BJ|BEN|Benin||
BM|BMU|Bermuda||
BT|BTN|Bhutan||
BO|BOL|Bolivia||
BQ|BES|Caribbean Netherlands|Bonaire, Sint Eustatius and Saba;Bonaire|
BA|BIH|Bosnia and Herzegovina|Bosnia & Herzegovina;Bosnia|
BW|BWA|Botswana||
BV|BVT|Bouvet Island||
BR|BRA|Brazil|Brasil|
IO|IOT|British Indian Ocean Territory||
VG|VGB|British Virgin Islands|Virgin Islands, British|BVI
BN|BRN|Brunei|Brunei Darussalam|
BG|BGR|Bulgaria||
BF|BFA|Burkina Faso||
BI|BDI|Burundi||
CV|CPV|Cape Verde|Cabo Verde|
KH|KHM|Cambodia||
CM|CMR|Cameroon||
CA|CAN|Canada||
KY|CYM|Cayman Islands||
CF|CAF|Central African Republic||CAR
TD|TCD|Chad||
CL|CHL|Chile||
CN|CHN|China|People's Republic of China;Mainland China|PRC
CX|CXR|Christmas Island||
CC|CCK|Cocos (Keeling) Islands|Cocos Islands|
CO|COL|Colombia||
KM|COM|Comoros||
CG|COG|Congo|Republic of the Congo;Congo-Brazzaville|
CD|COD|Democratic Republic of the Congo|DR Congo;Congo-Kinshasa|DRC
CK|COK|Cook Islands||
CR|CRI|Costa Rica||
CI|CIV|Côte d'Ivoire|Ivory Coast|
HR|HRV|Croatia|Hrvatska|
CU|CUB|Cuba||
CW|CUW|Curaçao||
CY|CYP|Cyprus||
CZ|CZE|Czech Republic|Czechia|
DK|DNK|Denmark|Danmark|
DJ|DJI|Djibouti||
DM|DMA|Dominica||
DO|DOM|Dominican Republic||
EC|ECU|Ecuador||
EG|EGY|Egypt||
SV|SLV|El Salvador||
GQ|GNQ|Equatorial Guinea||
ER|ERI|Eritrea||
EE|EST|Estonia||
SZ|SWZ|Eswatini|Swaziland|
ET|ETH|Ethiopia||
FK|FLK|Falkland Islands|Falklands|
FO|FRO|Faroe Islands||
FJ|FJI|Fiji||
FI|FIN|Finland|Suomi|
FR|FRA|France||
GF|GUF|French Guiana||
PF|PYF|French Polynesia|Tahiti|
TF|ATF|French Southern Territories||
GA|GAB|Gabon||
GM|GMB|Gambia|The Gambia|
GE|GEO|Georgia||
DE|DEU|Germany|Deutschland|
GH|GHA|Ghana||
GI|GIB|Gibraltar||
GR|GRC|Greece|Hellas|
GL|GRL|Greenland||
GD|GRD|Grenada||
GP|GLP|Guadeloupe||
GU|GUM|Guam||
GT|GTM|Guatemala||
GG|GGY|Guernsey||
GN|GIN|Guinea||
GW|GNB|Guinea-Bissau||
GY|GUY|Guyana||
HT|HTI|Haiti||
HM|HMD|Heard Island and McDonald Islands||
HN|HND|Honduras||
HK|HKG|Hong Kong|Hong Kong SAR|
HU|HUN|Hungary|Magyarország|
IS|ISL|Iceland||
IN|IND|India|Bharat|
ID|IDN|Indonesia||
IR|IRN|Iran|Islamic Republic of Iran|
IQ|IRQ|Iraq||
IE|IRL|Ireland|Republic of Ireland;Eire|
IM|IMN|Isle of Man||
IL|ISR|Israel||
IT|ITA|Italy|Italia|
JM|JAM|Jamaica||
JP|JPN|Japan||
JE|JEY|Jersey||
JO|JOR|Jordan||
KZ|KAZ|Kazakhstan||
KE|KEN|Kenya||
KI|KIR|Kiribati||
XK|XKX|Kosovo||
KW|KWT|Kuwait||
KG|KGZ|Kyrgyzstan||
LA|LAO|Laos|Lao PDR;Lao People's Democratic Republic|
LV|LVA|Latvia||
LB|LBN|Lebanon||
LS|LSO|Lesotho||
LR|LBR|Liberia||
LY|LBY|Libya||
LI|LIE|Liechtenstein||
LT|LTU|Lithuania||
LU|LUX|Luxembourg||
MO|MAC|Macau|Macao|
MG|MDG|Madagascar||
MW|MWI|Malawi||
MY|MYS|Malaysia||
MV|MDV|Maldives||
ML|MLI|Mali||
MT|MLT|Malta||
MH|MHL|Marshall Islands||
MQ|MTQ|Martinique||
MR|MRT|Mauritania||
MU|MUS|Mauritius||
YT|MYT|Mayotte||
MX|MEX|Mexico|México|
FM|FSM|Micronesia|Federated States of Micronesia|
MD|MDA|Moldova|Republic of Moldova|
MC|MCO|Monaco||
MN|MNG|Mongolia||
ME|MNE|Montenegro||
MS|MSR|Montserrat||
MA|MAR|Morocco||
MZ|MOZ|Mozambique||
MM|MMR|Myanmar|Burma|
NA|NAM|Namibia||
NR|NRU|Nauru||
NP|NPL|Nepal||
NL|NLD|Netherlands|The Netherlands;Holland;Nederland|
NC|NCL|New Caledonia||
NZ|NZL|New Zealand|Aotearoa;Aotearoa New Zealand|
NI|NIC|Nicaragua||
NE|NER|Niger||
NG|NGA|Nigeria||
NU|NIU|Niue||
NF|NFK|Norfolk Island||
KP|PRK|North Korea|Democratic People's Republic of Korea|DPRK
MK|MKD|North Macedonia|Macedonia|
MP|MNP|Northern Mariana Islands||
NO|NOR|Norway|Norge|
OM|OMN|Oman||
PK|PAK|Pakistan||
PW|PLW|Palau||
PS|PSE|Palestine|State of Palestine|
PA|PAN|Panama||
PG|PNG|Papua New Guinea||
PY|PRY|Paraguay||
PE|PER|Peru||
PH|PHL|Philippines||
PN|PCN|Pitcairn Islands|Pitcairn|
PL|POL|Poland|Polska|
PT|PRT|Portugal||
PR|PRI|Puerto Rico||
QA|QAT|Qatar||
RE|REU|Réunion||
RO|ROU|Romania||
RU|RUS|Russia|Russian Federation|
RW|RWA|Rwanda||
BL|BLM|Saint Barthélemy|St Barthélemy|
SH|SHN|Saint Helena|St Helena|
KN|KNA|Saint Kitts and Nevis|St Kitts and Nevis|
LC|LCA|Saint Lucia|St Lucia|
MF|MAF|Saint Martin|St Martin|
PM|SPM|Saint Pierre and Miquelon|St Pierre and Miquelon|
VC|VCT|Saint Vincent and the Grenadines|St Vincent and the Grenadines|
WS|WSM|Samoa||
SM|SMR|San Marino||
ST|STP|São Tomé and Príncipe||
SA|SAU|Saudi Arabia||KSA
SN|SEN|Senegal||
RS|SRB|Serbia||
SC|SYC|Seychelles||
SL|SLE|Sierra Leone||
SG|SGP|Singapore||
SX|SXM|Sint Maarten||
SK|SVK|Slovakia|Slovak Republic|
SI|SVN|Slovenia||
SB|SLB|Solomon Islands||
SO|SOM|Somalia||
ZA|ZAF|South Africa||RSA
GS|SGS|South Georgia and the South Sandwich Islands||
KR|KOR|South Korea|Korea;Republic of Korea|
SS|SSD|South Sudan||
ES|ESP|Spain|España|
LK|LKA|Sri Lanka||
SD|SDN|Sudan||
SR|SUR|Suriname||
SJ|SJM|Svalbard and Jan Mayen||
SE|SWE|Sweden|Sverige|
CH|CHE|Switzerland|Schweiz;Suisse;Svizzera|
SY|SYR|Syria||
TW|TWN|Taiwan||
TJ|TJK|Tajikistan||
TZ|TZA|Tanzania||
TH|THA|Thailand||
TL|TLS|Timor-Leste|East Timor|
TG|TGO|Togo||
TK|TKL|Tokelau||
TO|TON|Tonga||
TT|TTO|Trinidad and Tobago|Trinidad & Tobago|
TN|TUN|Tunisia||
TR|TUR|Turkey|Türkiye|
TM|TKM|Turkmenistan||
TC|TCA|Turks and Caicos Islands||
TV|TUV|Tuvalu||
UG|UGA|Uganda||
UA|UKR|Ukraine||
AE|ARE|United Arab Emirates|Emirates|UAE
GB|GBR|United Kingdom|Great Britain;Britain;England;Scotland;Wales;Northern Ireland|UK
US|USA|United States|United States of America;America|
UM|UMI|United States Minor Outlying Islands||
VI|VIR|United States Virgin Islands|US Virgin Islands;Virgin Islands, U.S.|USVI
UY|URY|Uruguay||
UZ|UZB|Uzbekistan||
VU|VUT|Vanuatu||
VA|VAT|Vatican City|Holy See;Vatican|
VE|VEN|Venezuela||
VN|VNM|Vietnam|Viet Nam|
WF|WLF|Wallis and Futuna||
EH|ESH|Western Sahara||
YE|YEM|Yemen||
ZM|ZMB|Zambia||
ZW|ZWE|Zimbabwe||
`;

const split = (list: string | undefined): string[] => (list ? list.split(';') : []);

/** Every country, in the table's (alphabetical by name) order. */
export const COUNTRIES: readonly Country[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [iso2 = '', iso3 = '', name = '', aliases, abbreviations] = line.split('|');
    return { iso2, iso3, name, aliases: split(aliases), abbreviations: split(abbreviations) };
  });

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_LETTERS = /[^\p{L}\p{N}&]+/gu;

/**
 * Folds case, accents, dots and spacing, so `côte d’ivoire`, `Cote D'Ivoire` and `U.S.A.` find
 * their entries. Exported for tests; callers should use `findCountry`.
 */
export function countryLookupKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(NOT_LETTERS, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/ & /g, ' and ');
}

const BY_KEY = new Map<string, CountryMatch>();
const BY_ISO2 = new Map<string, Country>();
for (const country of COUNTRIES) {
  BY_ISO2.set(country.iso2, country);
  const add = (text: string, kind: CountryMatchKind): void => {
    const key = countryLookupKey(text);
    // First writer wins, and names are added before aliases and codes, so "Georgia" the
    // country is never shadowed by something else folding to the same key.
    if (!BY_KEY.has(key)) BY_KEY.set(key, { country, kind });
  };
  add(country.name, 'name');
}
for (const country of COUNTRIES) {
  for (const alias of country.aliases) {
    const key = countryLookupKey(alias);
    if (!BY_KEY.has(key)) BY_KEY.set(key, { country, kind: 'alias' });
  }
}
for (const country of COUNTRIES) {
  for (const code of [country.iso2, country.iso3, ...country.abbreviations]) {
    const key = countryLookupKey(code);
    if (!BY_KEY.has(key)) BY_KEY.set(key, { country, kind: 'code' });
  }
}

/**
 * The country a cell names, and how: `name` only when the cell is exactly Whispir's spelling;
 * `name-variant` when it is that name in other case, accents or spacing. Undefined when unknown.
 */
export function findCountry(value: string): CountryMatch | undefined {
  const cached = CACHE.get(value);
  if (cached !== undefined) return cached ?? undefined;
  let found = BY_KEY.get(countryLookupKey(value)) ?? isoListName(value) ?? otherLanguageName(value);
  if (found && found.kind === 'name' && value.trim() !== found.country.name) {
    found = { country: found.country, kind: 'name-variant' };
  }
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(value, found ?? null);
  return found;
}

/** Languages whose country names a contact list may be written in. */
const NAME_LANGUAGES = ['de', 'fr', 'es', 'it', 'nl', 'pt', 'sv', 'da', 'nb', 'fi', 'pl', 'id'];

let otherLanguageNames: Map<string, Country | null> | undefined;

/**
 * A country named in another language ("Frankreich", "Espagne", "Países Bajos"), from the
 * browser's own names (Intl.DisplayNames), read once, on the first name the table does not
 * know. An alias, so it is rewritten to the name Whispir expects.
 */
function otherLanguageName(value: string): CountryMatch | undefined {
  if (!otherLanguageNames) {
    otherLanguageNames = new Map();
    const DisplayNames = (Intl as { DisplayNames?: typeof Intl.DisplayNames }).DisplayNames;
    for (const language of DisplayNames ? NAME_LANGUAGES : []) {
      let names: Intl.DisplayNames;
      try {
        names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
      } catch {
        continue;
      }
      for (const country of BY_ISO2.values()) {
        const name = names.of(country.iso2);
        const key = name && countryLookupKey(name);
        // Short names are words too ("Man" is the Isle of Man in German).
        if (!key || BY_KEY.has(key) || [...key].length < 5) continue;
        const known = otherLanguageNames.get(key);
        // A name two languages give two countries ("Kongo") says neither.
        otherLanguageNames.set(key, known === undefined || known === country ? country : null);
      }
    }
  }
  const country = otherLanguageNames.get(countryLookupKey(value));
  return country ? { country, kind: 'alias' } : undefined;
}

/** Words that qualify a name in the ISO list's order ("Korea, Republic of"). */
const QUALIFIER = /\b(republic|state|states|province|kingdom)\s+of\b|^the former\b/i;

/**
 * A name as ISO 3166 lists it, the qualifier after a comma: "Korea, Republic of" and "Iran,
 * Islamic Republic of" read in their usual order, else as the name before the comma when what
 * follows only qualifies it ("Taiwan, Province of China"). An alias, so it is rewritten.
 */
function isoListName(value: string): CountryMatch | undefined {
  const comma = value.indexOf(',');
  if (comma < 0 || value.indexOf(',', comma + 1) >= 0) return undefined;
  const before = value.slice(0, comma).trim();
  const after = value.slice(comma + 1).trim();
  // "Georgia, United States": a place in another country, not a qualifier.
  if (BY_KEY.has(countryLookupKey(after))) return undefined;
  const match =
    BY_KEY.get(countryLookupKey(`${after} ${before}`)) ??
    (QUALIFIER.test(after) ? BY_KEY.get(countryLookupKey(before)) : undefined);
  return match && { country: match.country, kind: 'alias' };
}

// A country column repeats a few values a million times; fold each distinct value once.
const CACHE = new Map<string, CountryMatch | null>();
const CACHE_LIMIT = 10_000;

/**
 * The country a misspelt value most likely means ("Austrlia" → Australia): the one name or
 * alias within two edits, when exactly one country is that close. Cached per value.
 */
export function suggestCountry(value: string): Country | undefined {
  const cached = SUGGESTIONS.get(value);
  if (cached !== undefined) return cached ?? undefined;
  const suggestion = closestCountry(countryLookupKey(value));
  if (SUGGESTIONS.size >= CACHE_LIMIT) SUGGESTIONS.clear();
  SUGGESTIONS.set(value, suggestion ?? null);
  return suggestion;
}

// The same misspelling tends to fill a column; compare it with every name only once.
const SUGGESTIONS = new Map<string, Country | null>();

function closestCountry(key: string): Country | undefined {
  if (key.length < 4) return undefined;
  const limit = key.length < 7 ? 1 : 2;
  let best: Country | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const [candidate, match] of BY_KEY) {
    if (match.kind === 'code') continue;
    const distance = editDistance(key, candidate, limit);
    if (distance < bestDistance) {
      best = match.country;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance && best !== match.country) {
      tie = true;
    }
  }
  return bestDistance <= limit && !tie ? best : undefined;
}

/** The country for an ISO 3166-1 alpha-2 code (upper case), if we know it. */
export function findCountryByIso2(iso2: string): Country | undefined {
  return BY_ISO2.get(iso2);
}
