const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
  '#x27': "'",
};

// "GitHub" and "HubSpot" must not become "git hub" and "hub spot": the hub is Qlik's.
const PRODUCT_NAMES =
  /\b(?:ServiceNow|VMware|MicroStrategy|BigQuery|MongoDB|MySQL|PostgreSQL|SalesForce|SharePoint|NetScaler|PowerBI|JavaScript|TypeScript|WebSocket|GitHub|GitLab|HubSpot|OneDrive|PowerShell|NetSuite|WebEx|YouTube|LinkedIn)\b/gi;

/**
 * A chat message as plain words (a chat's own markup, such as Slack's links and mentions, is decoded by its adapter):
 * HTML entities decoded, emoji, code fences and *_~ formatting dropped, camelCase and product names split the way people write them, lower case.
 */
export function normalizeMessage(text: string): string {
  return (
    text
      .replace(/&(amp|lt|gt|quot|apos|nbsp|#39|#x27);/gi, (_, name: string) => ENTITIES[name.toLowerCase()] ?? ' ')
      .replace(/:[a-z0-9_+-]+:/gi, ' ')
      // A virtual proxy prefix's own name ("the /mobile prefix") says nothing of devices or causes.
      .replace(/(^|\s)\/[a-z][\w-]*(?=\s+prefix)/gi, '$1')
      .replace(/[`*~]+/g, ' ')
      .replace(/[‘’`´]/g, "'")
      // Before camelCase splitting, so QlikView stays one product and QlikSense becomes two words.
      .replace(/qlik\s*view/gi, ' qlikview ')
      .replace(/qlik\s*sense/gi, ' qlik sense ')
      .replace(/qlik\s*core/gi, ' qlik core ')
      // Qlik Sense Enterprise on Windows, abbreviated: one word, not "qs eo w".
      .replace(/\bqseow\b/gi, ' qseow ')
      // Camel-cased product names are one word each: "ServiceNow" is not "service now", "VMware" not "v mware".
      .replace(PRODUCT_NAMES, (name: string) => ` ${name.toLowerCase()} `)
      // Plural acronyms ("PCs", "APIs") and Apple's devices ("iPad") are one word each, not "p cs" or "i pad".
      .replace(/\b([A-Z]{2,})s\b/g, (_, acronym: string) => `${acronym.toLowerCase()}s`)
      .replace(/\bi(Pad|Phone|OS)(s?)\b/g, (_, name: string, plural: string) => `i${name.toLowerCase()}${plural}`)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/\bcan'?t\b/g, 'can not')
      .replace(/\bcannot\b/g, 'can not')
      .replace(/\bwon'?t\b/g, 'will not')
      .replace(/n't\b/g, ' not')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  );
}
