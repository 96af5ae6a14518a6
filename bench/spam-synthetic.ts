/**
 * Synthetic article-comment spam for training (never for the held-out evaluation): comments
 * written from templates, one family of templates for each kind of comment spam that public
 * descriptions of comment spam and of the scams behind it name (sources in
 * bench/data/comment-spam/README.md). The templates were written from those descriptions, not from
 * any labelled thread: none is a copy of a comment of a data set.
 *
 * Brands, businesses, hosts and people in the templates are made-up words, drawn from syllables:
 * the model must learn what a comment does (gives a helpline, offers a service, signs with a
 * business, links a shop), not which brand it names. Cities are ordinary place names.
 *
 * Deterministic: the same seed gives the same comments.
 */

export interface SyntheticSpam {
  /** The kind of spam (a family of templates): a unit of the held-out-by-kind evaluation. */
  kind: string;
  text: string;
  /**
   * The generic praise the text opens with, if any ("Great post, thanks for sharing."). The
   * trainer learns such a comment from the rest of its text and from the praise cue only: the
   * praise itself is what genuine readers write too.
   */
  praise: string | null;
  author: string | null;
  authorUrl: string | null;
}

type Rand = () => number;

/** mulberry32: a small seeded PRNG, enough for shuffling and for drawing templates. */
export function prng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'zen tor vex lum qua ori bel dax mir nov kel tri sol var pix ron fen gal hap jor kas lin mob nex pal rix sen tal ulo wyn yor zar bri cor dri fal gro'.split(' ');
const CITIES = 'Pune Delhi Mumbai Dubai London Toronto Sydney Chicago Houston Lagos Manila Karachi Dhaka Austin Denver Melbourne Leeds Berlin Madrid Jaipur'.split(' ');
const DEVICES = 'printer|antivirus|router|wifi extender|email account|laptop|smart TV|webcam|scanner|accounting software|mail app|tablet|security camera|smartwatch'.split('|');
const PROBLEMS = 'not responding|offline|showing an error|not connecting|keeps crashing|not printing|running slow|locked|not syncing|failing to update'.split('|');
const SERVICES = 'essay writing|assignment help|SEO|web design|digital marketing|packers and movers|car rental|house cleaning|pest control|dental implants|hair transplant|interior design|logo design|app development|home tuition|tour packages|visa consultancy|wedding photography|water damage repair|roof repair'.split('|');
const SHOPS = 'replica watches|designer handbags|cheap jerseys|herbal supplements|weight loss pills|sports shoes|gaming chairs|cheap phones|wholesale clothing|party dresses|kitchen appliances|hookah accessories'.split('|');
const PRAISE = [
  'Great post, thanks for sharing.',
  'Very informative article.',
  'Nice blog, I really enjoyed reading it.',
  'Thank you for this useful information.',
  'Awesome content, keep it up!',
  'This is a wonderful article, I have bookmarked your site.',
  'Excellent write-up, very helpful for beginners.',
  'I read your post and found it very interesting.',
  'Really good information shared here, thanks a lot.',
  'Superb post, keep sharing such articles.',
  'Such a helpful blog, I will visit again.',
  'Good job, the information you provided is great.',
];

const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function brand(r: Rand): string {
  const n = r() < 0.7 ? 2 : 3;
  let s = '';
  for (let i = 0; i < n; i++) s += pick(r, SYLLABLES);
  return cap(s);
}

function host(r: Rand, words: string): string {
  const slug = words.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const tld = pick(r, ['com', 'net', 'org', 'in', 'co', 'info', 'online', 'xyz']);
  return r() < 0.5 ? `${slug}.${tld}` : `${brand(r).toLowerCase()}${pick(r, ['', 'hub', 'pro', 'zone', 'help'])}.${tld}`;
}

function link(r: Rand, words: string): string {
  const h = host(r, words);
  const path = r() < 0.5 ? '' : `/${words.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return pick(r, [`https://${h}${path}`, `http://www.${h}${path}`, `www.${h}`, h]);
}

function phone(r: Rand): string {
  const d = (n: number): string => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
  return pick(r, [
    `+1-8${pick(r, ['00', '44', '55', '66', '77', '88'])}-${d(3)}-${d(4)}`,
    `1 (8${pick(r, ['00', '44', '77', '88'])}) ${d(3)} ${d(4)}`,
    `+44 ${d(2)} ${d(4)} ${d(4)}`,
    `+91-${d(5)}-${d(5)}`,
    `+1.8${pick(r, ['55', '66', '88'])}.${d(3)}.${d(4)}`,
    `${d(10)}`,
  ]);
}

function personName(r: Rand): string {
  return `${cap(pick(r, SYLLABLES) + pick(r, ['a', 'o', 'i', 'en', 'el']))} ${cap(pick(r, SYLLABLES) + pick(r, SYLLABLES))}`;
}

/** The families of templates: kind → a comment (text, author, author URL). */
const KINDS: Record<string, (r: Rand) => Omit<SyntheticSpam, 'kind' | 'praise'> & { praise?: string }> = {
  // Fake customer-service and helpline numbers posted on forums and comment threads.
  'fake-helpline': (r) => {
    const b = brand(r);
    const dev = pick(r, DEVICES);
    const num = r() < 0.7 ? ` ${phone(r)}` : '';
    const text = pick(r, [
      `Need help with your ${b} ${dev}? Reach the ${b} customer care number${num} any time, the support desk is open 24/7.`,
      `${b} support phone number${num} - call for instant help with ${dev} setup, login and billing questions.`,
      `Is your ${b} ${dev} ${pick(r, PROBLEMS)}? Get in touch with ${b} technical support${num} and an expert will fix it in minutes.`,
      `Looking for the ${b} helpline? Dial${num || ' the toll free number'} and speak to a certified technician about any ${dev} issue.`,
      `Call ${b} customer service${num} for account recovery, password reset and payment problems. Available round the clock.`,
      `We are a third party support provider for ${b} ${dev} users. Contact our helpline${num} for quick solutions.`,
    ]);
    return { text, author: r() < 0.4 ? `${b} Support` : null, authorUrl: r() < 0.3 ? `https://${host(r, `${b} support number`)}` : null };
  },
  // Technical-support offers: a device problem and a service that fixes it.
  'tech-support': (r) => {
    const b = brand(r);
    const dev = pick(r, DEVICES);
    const text = pick(r, [
      `If your ${dev} is ${pick(r, PROBLEMS)}, don't worry. Our ${b} experts provide remote assistance for installation, activation and troubleshooting. Visit ${link(r, `${b} ${dev} help`)}`,
      `Fix ${b} ${dev} error code ${pick(r, ['0x', 'E', 'ERR-'])}${Math.floor(r() * 9000 + 1000)} easily. Our team of technicians resolves all ${dev} problems at a low price.`,
      `Getting ${dev} ${pick(r, PROBLEMS)} again and again? Follow the simple steps on our website or talk to our support team for a quick fix.`,
      `${b} ${dev} setup is easy when you have expert guidance. We offer step by step support for download, install and activation of ${b} products.`,
      `Having trouble with the ${b} ${dev}? Our certified professionals are available to help you with setup, updates and any technical glitch.`,
    ]);
    return { text, author: r() < 0.3 ? `${b} ${cap(dev)} Setup` : null, authorUrl: null };
  },
  // Travel booking: reservation numbers, cheap flights, deals.
  'travel-booking': (r) => {
    const b = `${brand(r)} ${pick(r, ['Airlines', 'Airways', 'Air', 'Travels', 'Holidays'])}`;
    const num = r() < 0.6 ? ` ${phone(r)}` : '';
    const text = pick(r, [
      `Planning a trip? Book your tickets with ${b} reservations${num} and save up to 40% on flights to ${pick(r, CITIES)}.`,
      `Grab the lowest fares on ${b} flights. Our travel agents are available 24 hours to help you with booking, cancellation and refunds${num ? `, call${num}` : ''}.`,
      `${b} booking number${num} - get exclusive deals on last minute flights and holiday packages.`,
      `Want to change your flight? Contact ${b} manage booking desk${num} for date changes, seat selection and baggage queries.`,
      `Cheap flight tickets to ${pick(r, CITIES)} and ${pick(r, CITIES)}! Compare fares and book online with ${link(r, `${b} cheap flights`)}`,
    ]);
    return { text, author: r() < 0.3 ? `${b} Reservations` : null, authorUrl: null };
  },
  // Generic praise followed by a link or a plug ("Nice article! Check out my website").
  'praise-link': (r) => {
    const svc = pick(r, [...SERVICES, ...SHOPS]);
    const praise = pick(r, PRAISE);
    const text = `${praise} ${pick(r, [
      `Check out my website for ${svc}: ${link(r, svc)}`,
      `I also write about ${svc}, visit ${link(r, svc)}`,
      `Please visit our site for the best ${svc} deals.`,
      `${link(r, svc)}`,
      `For ${svc} you can visit us at ${link(r, svc)}`,
      `Keep it up. Also read our blog on ${svc}.`,
    ])}`;
    return { text, praise, author: r() < 0.5 ? personName(r) : null, authorUrl: r() < 0.4 ? `https://${host(r, svc)}` : null };
  },
  // A keyword phrase or business as the author's name (the link is in the name), under generic
  // praise that names the trade. Praise alone, however generic, is left to the rule layer: readers
  // write "great post, thanks" too, and the model must not learn it as spam.
  'keyword-author': (r) => {
    const svc = pick(r, [...SERVICES, ...SHOPS]);
    const city = pick(r, CITIES);
    const author = pick(r, [`Best ${cap(svc)} in ${city}`, `${cap(svc)} ${city}`, `Cheap ${cap(svc)}`, `${cap(svc)} Services`, `Online ${cap(svc)}`, `Top ${cap(svc)} Company`]);
    const praise = pick(r, PRAISE);
    const text = `${praise} ${pick(r, [
      `As a ${svc} provider in ${city} I found it very useful.`,
      `We deal in ${svc} and this helped our customers.`,
      `Anyone looking for ${svc} in ${city} can contact me.`,
      `I will share it with my ${svc} clients.`,
    ])}`;
    return { text, praise, author, authorUrl: r() < 0.7 ? `https://${host(r, `${svc} ${city}`)}` : null };
  },
  // A business signing under templated praise in the text itself.
  'business-signature': (r) => {
    const svc = pick(r, SERVICES);
    const b = `${brand(r)} ${cap(svc)}`;
    const city = pick(r, CITIES);
    const praise = pick(r, PRAISE);
    const text = `${praise} ${pick(r, [
      `Regards, ${b}, ${city}.`,
      `- Team ${b} (${city})`,
      `Thanks from ${b}, the leading ${svc} company in ${city}.`,
      `${b} | ${city} | ${phone(r)}`,
      `We at ${b} ${city} really liked it.`,
    ])}`;
    return { text, praise, author: r() < 0.5 ? b : null, authorUrl: null };
  },
  // Keyword lists for search engines: short lines repeating a service phrase.
  'keyword-list': (r) => {
    const b = brand(r);
    const thing = pick(r, [...DEVICES.map((d) => `${d} support`), ...SERVICES, ...SHOPS]);
    const lines = [`${b} ${thing}`, `${b} ${thing} number`, `${thing} ${pick(r, CITIES)}`, `best ${thing}`, `${b} ${thing} online`, `cheap ${thing}`];
    const n = 3 + Math.floor(r() * 3);
    const sep = pick(r, ['\n', ' | ', '\n']);
    return { text: lines.slice(0, n).join(sep), author: null, authorUrl: null };
  },
  // Off-topic advertising prose: a paragraph selling a service the article is not about.
  'off-topic-ad': (r) => {
    const svc = pick(r, SERVICES);
    const b = brand(r);
    const city = pick(r, CITIES);
    const text = pick(r, [
      `${b} is a trusted name for ${svc} in ${city}. We have ten years of experience and hundreds of happy clients. Our prices are affordable and our staff is friendly. Book a free consultation today.`,
      `Looking for professional ${svc}? ${b} offers quality service at the best price with guaranteed satisfaction. Contact us now to get a free quote.`,
      `Are you searching for reliable ${svc} near you? Our company provides fast, affordable and professional ${svc} for homes and businesses across ${city}.`,
      `${cap(svc)} has become important for every business today. ${b} helps you grow with expert ${svc} solutions tailored to your needs. Get started with us.`,
      `Get the best ${svc} in ${city} at ${b}. We provide ${svc} for students, families and companies at a reasonable cost.`,
    ]);
    return { text, author: r() < 0.3 ? b : null, authorUrl: r() < 0.3 ? `https://${host(r, svc)}` : null };
  },
  // Shops: replica goods, pills, cheap products, with a link.
  shop: (r) => {
    const item = pick(r, SHOPS);
    const text = pick(r, [
      `Buy ${item} online at the lowest price. Free shipping worldwide! ${link(r, `buy ${item}`)}`,
      `Huge discount on ${item} this week only, order now at ${link(r, item)}`,
      `Best quality ${item} with 50% off. Shop now: ${link(r, item)}`,
      `Looking for ${item}? We have the biggest collection at unbeatable prices.`,
    ]);
    return { text, author: r() < 0.3 ? `Cheap ${cap(item)}` : null, authorUrl: null };
  },
  // Essays and assignments written to order.
  'essay-mill': (r) => {
    const subject = pick(r, ['nursing', 'law', 'management', 'history', 'accounting', 'computer science', 'marketing', 'economics']);
    const text = pick(r, [
      `Struggling with your ${subject} assignment? Our expert writers deliver plagiarism free essays before the deadline. Order now and get 20% off.`,
      `Need someone to write my essay? We provide ${subject} assignment help for university students at affordable prices.`,
      `Get top grades with our professional ${subject} dissertation writing service. 24/7 support, on-time delivery.`,
      `Students can now pay for ${subject} homework help online and get answers from PhD experts.`,
    ]);
    return { text, author: r() < 0.4 ? `${cap(subject)} Assignment Help` : null, authorUrl: null };
  },
  // Gambling, loans, adult: the old trades of link spam.
  'casino-loans-adult': (r) => {
    const text = pick(r, [
      `Play online casino games and win real money. Sign up today for a welcome bonus! ${link(r, 'online casino bonus')}`,
      `Need cash fast? Get a payday loan approved in minutes, no credit check. Apply at ${link(r, 'fast payday loans')}`,
      `Hot singles in ${pick(r, CITIES)} want to meet you tonight: ${link(r, 'dating singles')}`,
      `Best sports betting tips and free bets every day, join now at ${link(r, 'betting tips')}`,
      `Independent escorts in ${pick(r, CITIES)}, available 24/7. Call ${phone(r)}`,
      `Low interest personal loans for any purpose, quick approval. Email ${brand(r).toLowerCase()}loans@example.com for details.`,
    ]);
    return { text, author: null, authorUrl: null };
  },
  // Testimonials for loan lenders, crypto "recovery" hackers and spell casters, with an address to write to.
  'testimonial-scam': (r) => {
    const who = pick(r, [`Dr ${brand(r)}`, `${brand(r)} Recovery`, `Mr ${personName(r)}`, `${brand(r)} Hack Pro`]);
    const contact = pick(r, [`${brand(r).toLowerCase()}@example.com`, phone(r), `WhatsApp ${phone(r)}`]);
    const text = pick(r, [
      `I lost my savings to a fake investment platform until I found ${who}, who recovered all my bitcoin within 48 hours. Contact them on ${contact}.`,
      `I want to testify about ${who} who helped me get my loan of $${Math.floor(r() * 90 + 10)},000 when banks refused. Reach him: ${contact}`,
      `My husband came back to me after ${who} cast a love spell for me. If you need help contact ${contact}, he is real.`,
      `Thanks to ${who} I can now access my hacked account again. Anyone who needs a genuine hacker should contact ${contact}.`,
    ]);
    return { text, author: r() < 0.5 ? personName(r) : null, authorUrl: null };
  },
  // Streaming, downloads, cracked apps.
  'downloads-streaming': (r) => {
    const b = brand(r).toLowerCase();
    const text = pick(r, [
      `Watch the latest movies and TV shows free in HD at ${b}movies. No signup required.`,
      `Download ${brand(r)} Pro full version with crack and license key free: ${link(r, `${b} crack download`)}`,
      `${b}.apk - get the modded app with unlimited coins, free download.`,
      `Stream live sports online for free on ${link(r, 'free live stream')}`,
    ]);
    return { text, author: null, authorUrl: null };
  },
};

/** `perKind` comments of every kind, the same for the same seed. */
export function syntheticSpam(perKind: number, seed = 20261202): SyntheticSpam[] {
  const r = prng(seed);
  const out: SyntheticSpam[] = [];
  const seen = new Set<string>();
  for (const [kind, make] of Object.entries(KINDS)) {
    let made = 0;
    for (let tries = 0; made < perKind && tries < perKind * 20; tries++) {
      const c = make(r);
      const lower = r() < 0.1;
      const text = lower ? c.text.toLowerCase() : c.text;
      if (seen.has(text)) continue;
      seen.add(text);
      const praise = c.praise ? (lower ? c.praise.toLowerCase() : c.praise) : null;
      out.push({ kind, ...c, text, praise });
      made += 1;
    }
  }
  return out;
}

export const SYNTHETIC_KINDS = Object.keys(KINDS);
