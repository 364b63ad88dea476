import { startTestServer, type TestServer } from '../support/http-server.ts';
import { DAY_MS } from './week-plan.ts';

const PLACES = ['Ashford', 'Brixham', 'Carlisle', 'Dunmore', 'Elgin', 'Falmouth', 'Girvan', 'Hexham', 'Ilkley', 'Jarrow', 'Keswick', 'Lanark', 'Morpeth', 'Nairn', 'Oban', 'Penrith', 'Ripon', 'Selby', 'Thirsk', 'Ullapool'];
/** Two hundred towns, and news made of parts that few pairs of items share, so that each item is a story of its own. */
const QUARTERS = ['North', 'South', 'East', 'West', 'Upper', 'Lower', 'Great', 'Little', 'Old', 'New'];
const SUBJECTS = ['library', 'lifeboat crew', 'rail bridge', 'school', 'distillery', 'golf club', 'farmers’ market', 'lido', 'shipyard', 'theatre', 'hospital', 'brewery', 'ferry', 'museum', 'orchestra', 'zoo', 'airport', 'cathedral', 'football club', 'observatory'];
const ACTIONS = ['reopens', 'wins funding for', 'closes', 'votes on', 'celebrates', 'plans', 'rebuilds', 'sells', 'rescues', 'unveils', 'delays', 'doubles', 'protests against', 'restores', 'opens', 'cancels', 'expands', 'tests', 'launches', 'rejects'];
const OBJECTS = ['a glass roof', 'its winter timetable', 'a solar farm', 'the harbour wall', 'a robotics lab', 'night buses', 'a children’s wing', 'the old cattle mart', 'a crowdfunding appeal', 'a 1930s tugboat', 'a sheep festival', 'maternity rooms', 'a biomass boiler', 'electric minibuses', 'a sculpture trail', 'the lighthouse', 'a flood barrier', 'a cycle path', 'the tide mill', 'a rooftop garden'];
const BACKLOG_ITEMS = 3;
const FEED_ITEMS = 10;
const PUBLISH_EVERY_MS = 2 * DAY_MS;
/**
 * How long a feed lists an item: shorter than Herald keeps articles in the week's config, so that what Herald lets go
 * of is not read again, and the articles kept stay about the same in number from day to day.
 */
const LISTED_MS = 12 * 60 * 60_000;

/**
 * 200 publishers' RSS feeds on one loopback server, read on the simulated clock: each holds a backlog of
 * older items when the week begins (which no digest may post), and publishes a new item every other day, at an
 * hour of its own; an item is listed for LISTED_MS after it appeared (the backlog, after the week began). A feed in an outage answers 503.
 */
export interface WeekFeeds {
  server: TestServer;
  url(source: number): string;
  /** Whether a URL is one of the backlog items present before the week began. */
  isBacklog(url: string): boolean;
  /** Sources that answer 503 until told otherwise. */
  outages: Set<number>;
  /** How many requests got a 503 from an outage. */
  outageAnswers(): number;
  close(): Promise<void>;
}

interface Item {
  url: string;
  title: string;
  body: string;
  publishedAt: number;
}

export async function startWeekFeeds(weekStart: number, now: () => number): Promise<WeekFeeds> {
  const server = await startTestServer();
  const outages = new Set<number>();
  let outageAnswers = 0;
  const itemsOf = (source: number, at: number): Item[] => {
    const place = `${PLACES[source % PLACES.length]} ${Math.floor(source / PLACES.length) + 1}`;
    const town = `${QUARTERS[Math.floor(source / PLACES.length) % QUARTERS.length]} ${PLACES[source % PLACES.length]}`;
    const backlog = Array.from({ length: BACKLOG_ITEMS }, (_, k) => ({
      url: server.url(`/old/${source}/${k}`),
      title: `Archive ${source}-${k}: ${place} council minutes from the winter session, item ${k}`,
      body: `Minutes of the ${place} winter session, item ${k}, filed before the week began.`,
      publishedAt: weekStart - (k + 1) * DAY_MS,
    }));
    const firstAt = weekStart + ((source * 37) % (48 * 60)) * 60_000;
    const published = at < firstAt ? 0 : Math.floor((at - firstAt) / PUBLISH_EVERY_MS) + 1;
    const fresh = Array.from({ length: published }, (_, k) => {
      const subject = SUBJECTS[(source * 3 + k * 7) % SUBJECTS.length]!;
      const action = ACTIONS[(source + k * 3) % ACTIONS.length]!;
      const object = OBJECTS[(source * 7 + k) % OBJECTS.length]!;
      const title = `${town} ${subject} ${action} ${object}`;
      return { url: server.url(`/news/${source}/${k}`), title, body: `${title}, the ${town} Courier reported on day ${k + 1} of the week.`, publishedAt: firstAt + k * PUBLISH_EVERY_MS };
    });
    return [...fresh.reverse(), ...backlog].filter((item) => at - Math.max(item.publishedAt, weekStart) < LISTED_MS).slice(0, FEED_ITEMS);
  };
  server.route('/feed', (request, response) => {
    const source = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('source'));
    if (outages.has(source)) {
      outageAnswers += 1;
      response.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '60' }).end('feed outage');
      return;
    }
    const items = itemsOf(source, now());
    const etag = `"${source}-${items.length}-${items[0]?.url ?? ''}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    const xml = items
      .map((item) => `<item><title>${item.title}</title><link>${item.url}</link><guid>${item.url}</guid><pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate><description>${item.body}</description></item>`)
      .join('');
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Source ${source}</title>${xml}</channel></rss>`);
  });
  return {
    server,
    url: (source) => server.url(`/feed?source=${source}`),
    isBacklog: (url) => url.startsWith(server.url('/old/')),
    outages,
    outageAnswers: () => outageAnswers,
    close: () => server.close(),
  };
}
