// How an article's date is shown, the same in the results, the article and its similar list:
// the day the indexer read ("5 Jan 2024", whatever form the source wrote it in: ISO 8601 with a
// time and zone, RFC 2822, a Unix time), else the source's own words ("8 hours ago").
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

// The time `utc` names ("2024-01-05T09:30:00Z", to the second), or null. Date rolls a time that
// does not exist ("2023-02-29T…", "…T24:00:00Z") into the next day or month, so only one that
// reads back the same is kept.
function exactTime(utc) {
  const time = new Date(utc);
  return !Number.isNaN(time.getTime()) && `${time.toISOString().slice(0, 19)}Z` === utc ? time : null;
}

export function dateLabel({ published, published_text: text } = {}) {
  if (typeof published === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(published)) {
    // A day that does not exist is not the source's, so its own words are shown instead.
    const day = exactTime(`${published}T00:00:00Z`);
    if (day) return dayFormat.format(day);
  }
  return text || published || null;
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

// A bucket of the API's date counts: "1980s" and "1987" stay as they are, "1987-03" becomes
// "Mar 1987".
export function bucketLabel(value) {
  if (typeof value !== 'string') return '';
  if (/^\d{4}-\d{2}$/.test(value)) {
    const month = new Date(`${value}-01T00:00:00Z`);
    if (!Number.isNaN(month.getTime())) return monthFormat.format(month);
  }
  return value;
}

// For an article with no date of its own: the day the indexer wrote it ("indexed 7 Dec 2026"),
// from the API's `indexed`. Only its own form, RFC 3339 in UTC to the second, is read, and a
// time that does not exist shows nothing.
export function indexedLabel({ indexed } = {}) {
  if (typeof indexed !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(indexed)) return null;
  const time = exactTime(indexed);
  return time && `indexed ${dayFormat.format(time)}`;
}
