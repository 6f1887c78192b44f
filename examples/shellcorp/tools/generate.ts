/**
 * The ShellCorp base data, generated from a seeded PRNG. Everything here is deterministic:
 * dates are whole day numbers (days since 1970-01-01), money is integer cents, and no
 * transcendental Math functions are used, so the output does not depend on the machine.
 *
 * The story the data tells (see ../README.md): 12 stores in 4 regions, H1 2025 trading
 * (the operational replica keeps six months of orders), a store that opened in February,
 * a store that closed at the end of May, a CRM change feed since November 2023, and the
 * warts real data has (NULLs, trailing spaces, mixed case, orders on the stroke of midnight).
 */

export type Value = string | number | boolean | null | { readonly decimal: string };
export type Row = Value[];

export interface BaseData {
  /** table name -> rows, in the order the tables must be loaded (foreign keys). */
  readonly tables: Map<string, Row[]>;
}

// ---------------------------------------------------------------------------------------------
// PRNG (mulberry32) and helpers

class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i]!;
      if (r < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }
  /** A skewed positive number with mean about 1 (product of uniforms, no Math.log). */
  skewed(): number {
    return 4 * this.next() * this.next() + 0.15;
  }
}

const DAY_MS = 86_400_000;
const day = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
function isoDate(d: number): string {
  const date = new Date(d * DAY_MS);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
function ymd(d: number): { y: number; m: number; dd: number } {
  const date = new Date(d * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, dd: date.getUTCDate() };
}
/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
const weekday = (d: number): number => (((d + 4) % 7) + 7) % 7;
const monthEnd = (d: number): number => {
  const { y, m } = ymd(d);
  return Date.UTC(y, m, 0) / DAY_MS;
};
function timestamp(d: number, secondOfDay: number, ms = 0): string {
  const h = Math.floor(secondOfDay / 3600);
  const mi = Math.floor((secondOfDay % 3600) / 60);
  const s = secondOfDay % 60;
  return `${isoDate(d)} ${pad(h)}:${pad(mi)}:${pad(s)}${ms === 0 ? '' : `.${pad(ms, 3)}`}`;
}
/** SQL Server datetime keeps 1/300 s: the milliseconds it can hold are .000 .003 .007 .010 ... .997 */
const datetimeMs = (k: number): number => Math.round((k * 10) / 3);
const money = (cents: number): Value => ({ decimal: `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${pad(Math.abs(cents) % 100)}` });
const pct4 = (basisPoints: number): Value => ({ decimal: `0.${pad(basisPoints, 4)}` });

// ---------------------------------------------------------------------------------------------
// fixed reference data

const FIRST_ORDER_DAY = day('2025-01-01');
const LAST_ORDER_DAY = day('2025-06-21'); // a Saturday: the estate is frozen on Sunday 22 June 2025
const FEED_START = day('2023-11-06');

const REGIONS = [
  { id: 1, code: 'NE', name: 'Northeast', manager: 'Dana Whitfield' },
  { id: 2, code: 'SE', name: 'Southeast', manager: 'Marcus Bell' },
  { id: 3, code: 'MW', name: 'Midwest', manager: 'Ingrid Olsen' },
  { id: 4, code: 'WE', name: 'West', manager: null }, // vacancy since March 2025
];

interface Store {
  id: number;
  code: string;
  name: string;
  region: number;
  city: string;
  state: string;
  format: string;
  sqft: number;
  opened: number;
  closed: number | null;
  traffic: number;
  email: string | null;
}

const STORES: Store[] = [
  { id: 1, code: 'SC101', name: 'ShellCorp Boston Back Bay', region: 1, city: 'Boston', state: 'MA', format: 'Flagship', sqft: 42000, opened: day('2009-04-18'), closed: null, traffic: 1.5, email: 'backbay.manager@shellcorp.example' },
  { id: 2, code: 'SC102', name: 'ShellCorp Providence Place', region: 1, city: 'Providence', state: 'RI', format: 'Standard', sqft: 18500, opened: day('2013-09-07'), closed: null, traffic: 0.8, email: 'providence.manager@shellcorp.example' },
  { id: 3, code: 'SC103', name: 'ShellCorp West Hartford', region: 1, city: 'West Hartford', state: 'CT', format: 'Standard', sqft: 16000, opened: day('2011-03-26'), closed: null, traffic: 0.75, email: null },
  { id: 4, code: 'SC201', name: 'ShellCorp Atlanta Midtown', region: 2, city: 'Atlanta', state: 'GA', format: 'Flagship', sqft: 38000, opened: day('2012-10-13'), closed: null, traffic: 1.35, email: 'midtown.manager@shellcorp.example' },
  { id: 5, code: 'SC202', name: 'ShellCorp Charlotte SouthPark', region: 2, city: 'Charlotte', state: 'NC', format: 'Standard', sqft: 21000, opened: day('2016-05-21'), closed: null, traffic: 0.9, email: 'southpark.manager@shellcorp.example' },
  { id: 6, code: 'SC203', name: 'ShellCorp Orlando Outlet', region: 2, city: 'Orlando', state: 'FL', format: 'Outlet', sqft: 24000, opened: day('2018-11-09'), closed: null, traffic: 1.0, email: 'orlando.outlet@shellcorp.example' },
  { id: 7, code: 'SC301', name: 'ShellCorp Chicago Loop', region: 3, city: 'Chicago', state: 'IL', format: 'Flagship', sqft: 40000, opened: day('2008-08-30'), closed: null, traffic: 1.45, email: 'loop.manager@shellcorp.example' },
  { id: 8, code: 'SC302', name: 'ShellCorp Minneapolis Uptown', region: 3, city: 'Minneapolis', state: 'MN', format: 'Standard', sqft: 17500, opened: day('2014-04-05'), closed: null, traffic: 0.8, email: 'uptown.manager@shellcorp.example' },
  { id: 9, code: 'SC303', name: 'ShellCorp Dayton Mall Outlet', region: 3, city: 'Dayton', state: 'OH', format: 'Outlet', sqft: 15000, opened: day('2010-06-12'), closed: day('2025-05-31'), traffic: 0.6, email: null },
  { id: 10, code: 'SC401', name: 'ShellCorp Seattle Pike Street', region: 4, city: 'Seattle', state: 'WA', format: 'Flagship', sqft: 36000, opened: day('2011-11-19'), closed: null, traffic: 1.3, email: 'pike.manager@shellcorp.example' },
  { id: 11, code: 'SC402', name: 'ShellCorp Denver Cherry Creek', region: 4, city: 'Denver', state: 'CO', format: 'Standard', sqft: 19000, opened: day('2019-03-16'), closed: null, traffic: 0.85, email: 'cherrycreek.manager@shellcorp.example' },
  { id: 12, code: 'SC403', name: 'ShellCorp Portland Pearl', region: 4, city: 'Portland', state: 'OR', format: 'Standard', sqft: 14500, opened: day('2025-02-14'), closed: null, traffic: 0.7, email: 'pearl.manager@shellcorp.example' },
];
const storeOpen = (store: Store, d: number): boolean => d >= store.opened && (store.closed === null || d <= store.closed);

/** Where customers of each store live (city, state). */
const STORE_AREAS: Record<number, [string, string][]> = {
  1: [['Boston', 'MA'], ['Cambridge', 'MA'], ['Somerville', 'MA'], ['Brookline', 'MA'], ['Quincy', 'MA']],
  2: [['Providence', 'RI'], ['Cranston', 'RI'], ['Pawtucket', 'RI'], ['Warwick', 'RI']],
  3: [['West Hartford', 'CT'], ['Hartford', 'CT'], ['New Britain', 'CT'], ['Farmington', 'CT']],
  4: [['Atlanta', 'GA'], ['Decatur', 'GA'], ['Marietta', 'GA'], ['Sandy Springs', 'GA']],
  5: [['Charlotte', 'NC'], ['Matthews', 'NC'], ['Concord', 'NC']],
  6: [['Orlando', 'FL'], ['Kissimmee', 'FL'], ['Winter Park', 'FL'], ['Sanford', 'FL']],
  7: [['Chicago', 'IL'], ['Evanston', 'IL'], ['Oak Park', 'IL'], ['Cicero', 'IL']],
  8: [['Minneapolis', 'MN'], ['St. Paul', 'MN'], ['Edina', 'MN']],
  9: [['Dayton', 'OH'], ['Kettering', 'OH'], ['Springfield', 'OH']],
  10: [['Seattle', 'WA'], ['Bellevue', 'WA'], ['Redmond', 'WA'], ['Tacoma', 'WA']],
  11: [['Denver', 'CO'], ['Aurora', 'CO'], ['Lakewood', 'CO']],
  12: [['Portland', 'OR'], ['Beaverton', 'OR'], ['Gresham', 'OR']],
};

interface CatalogEntry {
  category: string;
  code: string;
  subcategory: string;
  items: string[];
  price: [number, number]; // dollars
  brands: string[];
  returnRate: number;
}

const CATALOG: CatalogEntry[] = [
  { category: 'Home', code: 'HOM', subcategory: 'Kitchen', items: ['Cast Iron Skillet 10in', 'Chef Knife 8in', 'Stoneware Mixing Bowl Set', 'Bamboo Cutting Board', 'Enamel Dutch Oven 5qt', 'Pour-Over Coffee Set', 'Glass Storage Jars (4)'], price: [14, 120], brands: ['Copperleaf', 'Harbor & Pine', 'ShellCorp Basics'], returnRate: 0.03 },
  { category: 'Home', code: 'HOM', subcategory: 'Bedding', items: ['Linen Duvet Cover Queen', 'Percale Sheet Set King', 'Wool Throw Blanket', 'Down Alternative Pillow', 'Quilted Coverlet Full'], price: [30, 180], brands: ['Harbor & Pine', 'Nordvik'], returnRate: 0.05 },
  { category: 'Home', code: 'HOM', subcategory: 'Bath', items: ['Turkish Cotton Towel Set', 'Waffle Bath Robe', 'Teak Shower Stool', 'Ceramic Soap Dispenser', 'Pebble Bath Mat'], price: [12, 90], brands: ['Harbor & Pine', 'ShellCorp Basics'], returnRate: 0.03 },
  { category: 'Home', code: 'HOM', subcategory: 'Decor', items: ['Rattan Floor Lamp', 'Hand-Thrown Vase', 'Beeswax Candle Trio', 'Oak Picture Frame 8x10', 'Jute Area Rug 5x8', 'Brass Wall Clock'], price: [15, 240], brands: ['Lumen & Co', 'Harbor & Pine'], returnRate: 0.04 },
  { category: 'Outdoor', code: 'OUT', subcategory: 'Camping', items: ['2-Person Dome Tent', 'Down Sleeping Bag 20F', 'Dual Burner Camp Stove', 'Insulated Water Bottle 32oz', 'LED Headlamp 300lm', 'Folding Camp Chair'], price: [18, 260], brands: ['Ridgeline', 'Kestrel'], returnRate: 0.04 },
  { category: 'Outdoor', code: 'OUT', subcategory: 'Garden', items: ['Raised Cedar Planter', 'Bypass Pruning Shears', 'Garden Hose 50ft', 'Terracotta Pot Set', 'Garden Kneeling Pad', 'Solar Path Lights (6)'], price: [9, 140], brands: ['Tidewater', 'ShellCorp Basics'], returnRate: 0.03 },
  { category: 'Outdoor', code: 'OUT', subcategory: 'Grilling', items: ['Kettle Charcoal Grill 22in', 'Grill Tool Set', 'Cast Iron Griddle Plate', 'Hickory Smoking Chips', 'Digital Meat Thermometer'], price: [8, 220], brands: ['Ridgeline', 'Tidewater'], returnRate: 0.03 },
  { category: 'Apparel', code: 'APP', subcategory: 'Outerwear', items: ['Packable Rain Jacket', 'Quilted Vest', 'Fleece Pullover', 'Waxed Canvas Jacket', 'Insulated Parka'], price: [49, 289], brands: ['Nordvik', 'Kestrel'], returnRate: 0.09 },
  { category: 'Apparel', code: 'APP', subcategory: 'Tops', items: ['Merino Crew Tee', 'Brushed Flannel Shirt', 'Oxford Button-Down', 'Waffle Henley', 'Cable Knit Sweater'], price: [24, 119], brands: ['Nordvik', 'ShellCorp Basics'], returnRate: 0.08 },
  { category: 'Apparel', code: 'APP', subcategory: 'Bottoms', items: ['Stretch Chino', 'Trail Pant', 'Straight Leg Jean', 'Fleece Jogger'], price: [39, 98], brands: ['Nordvik', 'Kestrel'], returnRate: 0.1 },
  { category: 'Footwear', code: 'FTW', subcategory: 'Boots', items: ['Waterproof Hiking Boot', 'Leather Chelsea Boot', 'Winter Snow Boot'], price: [89, 229], brands: ['Ridgeline', 'Kestrel'], returnRate: 0.1 },
  { category: 'Footwear', code: 'FTW', subcategory: 'Sneakers', items: ['Canvas Low-Top', 'Trail Runner', 'Knit Everyday Sneaker'], price: [49, 139], brands: ['Kestrel'], returnRate: 0.09 },
  { category: 'Footwear', code: 'FTW', subcategory: 'Sandals', items: ['Slide Sandal', 'Sport Sandal'], price: [25, 69], brands: ['Tidewater'], returnRate: 0.07 },
  { category: 'Electronics', code: 'ELE', subcategory: 'Audio', items: ['Mini Bluetooth Speaker', 'Noise Cancelling Headphones', 'Wireless Earbuds'], price: [29, 249], brands: ['Lumen & Co'], returnRate: 0.05 },
  { category: 'Electronics', code: 'ELE', subcategory: 'Smart Home', items: ['Smart Plug 2-Pack', 'Indoor Wi-Fi Camera', 'Smart Bulb Starter Kit'], price: [19, 129], brands: ['Lumen & Co'], returnRate: 0.05 },
  { category: 'Electronics', code: 'ELE', subcategory: 'Accessories', items: ['USB-C Cable 6ft', 'Power Bank 10000mAh', 'Rugged Phone Case'], price: [9, 59], brands: ['Lumen & Co', 'ShellCorp Basics'], returnRate: 0.04 },
  { category: 'Toys & Games', code: 'TOY', subcategory: 'Board Games', items: ['Harbor Traders Strategy Game', 'Family Card Game', 'Cooperative Quest Game'], price: [15, 60], brands: ['Copperleaf'], returnRate: 0.02 },
  { category: 'Toys & Games', code: 'TOY', subcategory: 'Puzzles', items: ['National Parks Puzzle 1000pc', 'Coastlines Puzzle 500pc', 'Wooden Brain Teaser Set'], price: [12, 35], brands: ['Copperleaf'], returnRate: 0.02 },
];
const COLOURS: Record<string, string[]> = {
  Home: ['Sand', 'Slate', 'Sage', 'Charcoal'],
  Outdoor: [''],
  Apparel: ['Navy', 'Heather Grey', 'Olive', 'Rust'],
  Footwear: ['Brown', 'Black', 'Tan'],
  Electronics: [''],
  'Toys & Games': [''],
};

const FIRST_NAMES = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Karen', 'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Sandra', 'Mark', 'Ashley', 'Priya', 'Emily', 'Kevin', 'Michelle', 'Brian', 'Amanda', 'Wei', 'Melissa', 'Jorge', 'Stephanie', 'Ryan', 'Rebecca', 'Jacob', 'Laura', 'Gary', 'Sharon', 'Nicholas', 'Cynthia', 'Eric', 'Kathleen', 'Jonathan', 'Amy', 'Aisha', 'Angela', 'Samuel', 'Olivia', 'Omar', 'Emma', 'Tyler', 'Hannah', 'Mateo', 'Grace'];
const LAST_NAMES = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', "O'Brien", 'Patel', 'Kowalski', 'Chen', 'Murphy', 'Okafor', 'Larsen', 'Schmidt', 'Kim', 'Reyes', 'Fischer'];
const MAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.com'];

// ---------------------------------------------------------------------------------------------

interface Product {
  id: number;
  sku: string;
  name: string;
  category: string;
  subcategory: string | null;
  brand: string | null;
  costCents: number;
  priceCents: number;
  launched: number;
  discontinued: number | null;
  createdAt: string;
  popularity: number;
  returnRate: number;
}

interface CustomerVersion {
  at: number; // day
  second: number;
  ms: number;
  tier: string | null;
  status: string;
  city: string | null;
  state: string | null;
  homeStore: number | null;
  source: string;
}

interface Customer {
  id: number;
  code: string;
  first: string;
  last: string;
  email: string | null;
  phone: string | null;
  created: number;
  createdSecond: number;
  createdMs: number;
  optIn: boolean;
  guid: string;
  versions: CustomerVersion[];
  activeFrom: number;
  activeTo: number;
  propensity: number;
}

interface Order {
  id: number;
  customer: number | null;
  store: number;
  day: number;
  second: number;
  ms: number;
  channel: 'STORE' | 'ONLINE' | 'PHONE';
  status: 'Completed' | 'Cancelled';
  payment: string | null;
  shippingCents: number;
  promo: string | null;
  lines: { line: number; product: Product; qty: number; priceCents: number; discountBp: number | null }[];
}

const STATUS_SPELLINGS: Record<string, [string[], number[]]> = {
  Active: [['Active', 'active ', 'ACTIVE', 'Active '], [86, 6, 5, 3]],
  Inactive: [['Inactive', 'inactive', 'INACTIVE'], [80, 12, 8]],
  Closed: [['Closed', 'closed', 'CLOSED '], [75, 15, 10]],
};

export function generateBaseData(): BaseData {
  const rng = new Random(20250701);
  const tables = new Map<string, Row[]>();

  // ---- ref.regions
  tables.set(
    'ref.regions',
    REGIONS.map((r) => [r.id, r.code, r.name, 'US', r.manager, true]),
  );

  // ---- ref.calendar: 2024-01-01 .. 2025-12-31
  const holidays = new Map<number, string>();
  const nthWeekday = (y: number, m: number, wd: number, n: number): number => {
    const first = Date.UTC(y, m - 1, 1) / DAY_MS;
    const offset = (wd - weekday(first) + 7) % 7;
    return first + offset + (n - 1) * 7;
  };
  const lastWeekday = (y: number, m: number, wd: number): number => {
    const last = Date.UTC(y, m, 0) / DAY_MS;
    return last - ((weekday(last) - wd + 7) % 7);
  };
  for (const y of [2024, 2025]) {
    holidays.set(Date.UTC(y, 0, 1) / DAY_MS, "New Year's Day");
    holidays.set(nthWeekday(y, 1, 1, 3), 'Martin Luther King Jr. Day');
    holidays.set(nthWeekday(y, 2, 1, 3), "Presidents' Day");
    holidays.set(lastWeekday(y, 5, 1), 'Memorial Day');
    holidays.set(Date.UTC(y, 5, 19) / DAY_MS, 'Juneteenth');
    holidays.set(Date.UTC(y, 6, 4) / DAY_MS, 'Independence Day');
    holidays.set(nthWeekday(y, 9, 1, 1), 'Labor Day');
    holidays.set(nthWeekday(y, 11, 4, 4), 'Thanksgiving Day');
    holidays.set(Date.UTC(y, 11, 25) / DAY_MS, 'Christmas Day');
  }
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const calendar: Row[] = [];
  for (let d = day('2024-01-01'); d <= day('2025-12-31'); d++) {
    const { y, m, dd } = ymd(d);
    const wd = weekday(d);
    const fiscalYear = m >= 2 ? y : y - 1;
    const fiscalMonth = ((m + 10) % 12) + 1; // February = 1
    const holiday = holidays.get(d) ?? null;
    calendar.push([
      y * 10000 + m * 100 + dd,
      isoDate(d),
      y,
      Math.floor((m - 1) / 3) + 1,
      m,
      MONTHS[m - 1]!,
      dd,
      wd === 0 ? 7 : wd,
      DAYS[wd]!,
      wd === 0 || wd === 6,
      isoDate(Date.UTC(y, m - 1, 1) / DAY_MS),
      isoDate(monthEnd(d)),
      fiscalYear,
      Math.floor((fiscalMonth - 1) / 3) + 1,
      fiscalMonth,
      holiday !== null,
      holiday,
    ]);
  }
  tables.set('ref.calendar', calendar);

  // ---- sales.stores
  tables.set(
    'sales.stores',
    STORES.map((s) => [s.id, s.code, s.name, s.region, s.city, s.state, s.format, s.sqft, isoDate(s.opened), s.closed === null ? null : isoDate(s.closed), s.email, s.closed === null]),
  );

  // ---- sales.products
  const products: Product[] = [];
  let productId = 1000;
  let skuNumber = 10010;
  for (const entry of CATALOG) {
    for (const item of entry.items) {
      const [lo, hi] = entry.price;
      const dollars = lo + Math.floor(rng.next() * rng.next() * (hi - lo));
      const baseCents = dollars * 100 + rng.pick([99, 99, 99, 0, 50]);
      const brand = rng.pick(entry.brands);
      for (const colour of COLOURS[entry.category]!.slice(0, 2)) {
        productId += 1;
        skuNumber += rng.int(1, 9);
        const priceCents = rng.chance(0.8) ? baseCents : baseCents + 500;
        const costCents = Math.round((priceCents * rng.int(34, 58)) / 100);
        const launched = rng.chance(0.06) ? day('2025-02-03') + rng.int(0, 100) : day('2016-01-01') + rng.int(0, 3200);
        const createdDay = launched - rng.int(5, 40);
        products.push({
          id: productId,
          sku: `${entry.code}-${skuNumber}`,
          name: colour === '' ? item : `${item} - ${colour}`,
          category: entry.category,
          subcategory: entry.subcategory,
          brand,
          costCents,
          priceCents,
          launched,
          discontinued: null,
          createdAt: timestamp(createdDay, rng.int(8 * 3600, 18 * 3600), datetimeMs(rng.int(0, 299))),
          popularity: rng.skewed() * (entry.category === 'Home' || entry.category === 'Apparel' ? 1.3 : 1),
          returnRate: entry.returnRate,
        });
      }
    }
  }
  // warts and lifecycle: missing subcategories, a brand typed with a trailing space, no brand,
  // products discontinued during the half-year, two discontinued last autumn
  for (const p of products) {
    if (rng.chance(0.04)) p.subcategory = null;
    if (p.brand === 'Nordvik' && rng.chance(0.3)) p.brand = 'Nordvik ';
    if (rng.chance(0.03)) p.brand = null;
  }
  for (const index of [7, 33, 58, 91, 108, 117]) products[index]!.discontinued = day('2025-03-01') + rng.int(0, 85);
  for (const index of [15, 102]) products[index]!.discontinued = day('2024-10-15') + rng.int(0, 20);
  // ranging: flagships carry everything, standard stores most lines, outlets a selection
  const ranged = new Map<number, Set<number>>();
  for (const store of STORES) {
    const share = store.format === 'Flagship' ? 1 : store.format === 'Standard' ? 0.85 : 0.65;
    ranged.set(store.id, new Set(products.filter(() => rng.chance(share)).map((p) => p.id)));
  }
  tables.set(
    'sales.products',
    products.map((p) => [
      p.id,
      p.sku,
      p.name,
      p.category,
      p.subcategory,
      p.brand,
      money(p.costCents),
      money(p.priceCents),
      isoDate(p.launched),
      p.discontinued === null ? null : isoDate(p.discontinued),
      p.discontinued === null,
      p.createdAt,
    ]),
  );

  // ---- customers and the CRM change feed
  const customers: Customer[] = [];
  const customerIds: number[] = [];
  for (let id = 1; id <= 1000; id++) customerIds.push(id);
  for (let id = 2001; id <= 2200; id++) customerIds.push(id); // IDENTITY jumped by 1000 after the August 2023 failover
  const firstCreated = day('2018-03-01');
  const jumpDay = day('2023-08-14');
  const lastCreated = day('2025-06-19');
  customerIds.forEach((id, index) => {
    const created =
      index < 1000
        ? firstCreated + Math.floor(((jumpDay - firstCreated) * index) / 1000) + rng.int(0, 1)
        : jumpDay + 1 + Math.floor(((lastCreated - jumpDay - 1) * (index - 1000)) / 199);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    let email: string | null = `${first}.${last}`.toLowerCase().replace(/'/g, '') + `${rng.chance(0.4) ? rng.int(1, 99) : ''}@${rng.pick(MAIL_DOMAINS)}`;
    if (rng.chance(0.1)) email = null;
    else if (rng.chance(0.05)) email = `${first}.${last}@${rng.pick(MAIL_DOMAINS)}`.replace(/'/g, ''); // typed with capitals
    else if (rng.chance(0.02)) email = `${email} `; // pasted with a trailing space
    const guidHex = Array.from({ length: 32 }, () => '0123456789abcdef'[rng.int(0, 15)]).join('');
    const guid = `${guidHex.slice(0, 8)}-${guidHex.slice(8, 12)}-4${guidHex.slice(13, 16)}-${'89ab'[rng.int(0, 3)]}${guidHex.slice(17, 20)}-${guidHex.slice(20, 32)}`;
    customers.push({
      id,
      code: `C${pad(id, 7)}`,
      first,
      last,
      email,
      phone: rng.chance(0.8) ? `(${rng.pick(['617', '401', '860', '404', '704', '407', '312', '612', '937', '206', '303', '503'])}) 555-0${pad(rng.int(100, 199), 3)}` : null,
      created,
      createdSecond: rng.int(7 * 3600, 22 * 3600),
      createdMs: rng.int(0, 999),
      optIn: rng.chance(0.55),
      guid,
      versions: [],
      activeFrom: 0,
      activeTo: 0,
      propensity: 0,
    });
  });
  // three customers whose email is just spaces (the old POS wrote '   ' when the field was skipped)
  for (const index of [17, 402, 1133]) customers[index]!.email = '   ';

  const spell = (status: string): string => {
    const [spellings, weights] = STATUS_SPELLINGS[status]!;
    return rng.weighted(spellings, weights);
  };
  const normalStatus = (raw: string): string => {
    const upper = raw.trim().toUpperCase();
    return upper === 'ACTIVE' ? 'Active' : upper === 'INACTIVE' ? 'Inactive' : 'Closed';
  };
  const homeStoreFor = (atDay: number): number | null => {
    if (rng.chance(0.08)) return null; // online-only customers
    const candidates = STORES.filter((s) => storeOpen(s, atDay));
    return rng.weighted(
      candidates.map((s) => s.id),
      candidates.map((s) => s.traffic),
    );
  };
  const areaFor = (store: number | null): [string, string] => (store === null ? rng.pick(Object.values(STORE_AREAS).flat()) : rng.pick(STORE_AREAS[store]!));

  for (const c of customers) {
    const homeStore = homeStoreFor(Math.max(c.created, FEED_START));
    let [city, state]: [string | null, string | null] = areaFor(homeStore);
    if (rng.chance(0.06)) [city, state] = [null, null];
    else if (rng.chance(0.015)) state = null; // city typed, state left empty
    const initialStatus = rng.chance(0.985) ? 'Active' : 'Inactive';
    const tier = rng.weighted([null, 'Bronze', 'Silver', 'Gold'], [30, 40, 20, 10]);
    const start = Math.max(c.created, FEED_START);
    const first: CustomerVersion = {
      at: start,
      second: c.created >= FEED_START ? c.createdSecond : 3600 + (c.id % 3000),
      ms: c.created >= FEED_START ? c.createdMs : 0,
      tier,
      status: spell(initialStatus),
      city,
      state,
      homeStore,
      source: c.created >= FEED_START ? rng.pick(['CRM', 'POS', 'WEB']) : 'CRM',
    };
    c.versions.push(first);
    // later saves in the CRM
    const saves = rng.weighted([0, 1, 2, 3, 4], [44, 29, 16, 8, 3]);
    const span = LAST_ORDER_DAY - start;
    const days = Array.from({ length: saves }, () => start + 1 + rng.int(0, Math.max(0, span - 2))).sort((a, b) => a - b);
    for (const at of days) {
      const prev = c.versions[c.versions.length - 1]!;
      if (normalStatus(prev.status) === 'Closed') break;
      const next: CustomerVersion = { ...prev, at, second: rng.int(6 * 3600, 23 * 3600), ms: rng.int(0, 999), source: rng.weighted(['CRM', 'POS', 'WEB'], [5, 3, 2]) };
      if (next.at === prev.at && next.second <= prev.second) next.second = Math.min(86_399, prev.second + 17);
      const kind = rng.weighted(['tier', 'status', 'move', 'store', 'recase', 'noop'], [34, 14, 9, 9, 12, 22]);
      if (kind === 'tier') next.tier = prev.tier === null ? 'Bronze' : prev.tier === 'Bronze' ? 'Silver' : prev.tier === 'Silver' ? rng.pick(['Gold', 'Bronze']) : 'Silver';
      else if (kind === 'status') next.status = spell(normalStatus(prev.status) === 'Active' ? rng.weighted(['Inactive', 'Closed'], [55, 45]) : rng.weighted(['Active', 'Closed'], [60, 40]));
      else if (kind === 'move') {
        const store = homeStoreFor(at);
        [next.city, next.state] = areaFor(store);
        next.homeStore = store;
      } else if (kind === 'store') next.homeStore = homeStoreFor(at);
      else if (kind === 'recase') {
        // somebody re-keyed the record: same values, different case (not a change for SQL Server)
        if (prev.city !== null && rng.chance(0.5)) next.city = prev.city.toUpperCase();
        else next.status = spell(normalStatus(prev.status));
      }
      c.versions.push(next);
    }
  }

  // when each customer shops: most all half-year; some stop (churn); closed ones stop before closing
  for (const c of customers) {
    const closing = c.versions.find((v) => normalStatus(v.status) === 'Closed');
    const lastVersion = c.versions[c.versions.length - 1]!;
    c.activeFrom = Math.max(FIRST_ORDER_DAY, c.created);
    c.activeTo = LAST_ORDER_DAY;
    if (rng.chance(0.2)) c.activeTo = FIRST_ORDER_DAY + rng.int(10, 150); // drifted away
    if (closing !== undefined) c.activeTo = Math.min(c.activeTo, closing.at - 1);
    if (normalStatus(lastVersion.status) === 'Inactive' && rng.chance(0.6)) c.activeTo = FIRST_ORDER_DAY - 1;
    c.propensity = rng.skewed() * (lastVersion.tier === 'Gold' ? 2.2 : lastVersion.tier === 'Silver' ? 1.5 : 1);
  }

  const customerRows: Row[] = customers.map((c) => {
    const v = c.versions[c.versions.length - 1]!;
    const lastChange = c.versions.length > 1 ? v : null;
    return [
      c.id,
      c.code,
      c.first,
      c.last,
      `${c.first} ${c.last}`,
      c.email,
      c.phone,
      v.city,
      v.state,
      v.homeStore,
      v.tier,
      v.status,
      c.optIn,
      timestamp(c.created, c.createdSecond, c.createdMs),
      lastChange === null ? null : timestamp(lastChange.at, lastChange.second, lastChange.ms),
      c.guid,
    ];
  });
  tables.set('sales.customers', customerRows);

  const feedRows: Row[] = [];
  const feedEvents = customers.flatMap((c) => c.versions.map((v) => ({ c, v })));
  feedEvents.sort((a, b) => a.v.at - b.v.at || a.v.second - b.v.second || a.c.id - b.c.id);
  feedEvents.forEach(({ c, v }, index) => {
    const loadedDay = v.at === FEED_START && v.second < 4 * 3600 ? FEED_START : v.at + 1;
    const loadedSecond = loadedDay === FEED_START ? 3 * 3600 + 12 * 60 + 44 : 2 * 3600 + 5 * 60 + (index % 50);
    feedRows.push([index + 1, c.id, timestamp(v.at, v.second, v.ms), v.tier, v.status, v.city, v.state, v.homeStore, v.source, timestamp(loadedDay, loadedSecond)]);
  });
  tables.set('sales.customer_changes', feedRows);

  // ---- orders and order lines
  const productWeights = products.map((p) => p.popularity);
  const sellable = (p: Product, d: number): boolean => p.launched <= d && (p.discontinued === null || d < p.discontinued);
  const orders: Order[] = [];
  const seasonality = (d: number): number => {
    const { m } = ymd(d);
    const month = [0, 1.15, 0.8, 0.95, 1.0, 1.1, 1.2][m] ?? 1;
    const wd = weekday(d);
    return month * (wd === 6 ? 1.45 : wd === 0 ? 1.25 : wd === 5 ? 1.15 : 0.9);
  };
  const storesInRegion = (region: number, d: number): Store[] => STORES.filter((s) => s.region === region && storeOpen(s, d));
  const storeClosedForHoliday = (d: number): boolean => d === day('2025-01-01');

  const newOrder = (customer: Customer | null, d: number, preferredStore: number | null): Order | null => {
    const channel: Order['channel'] =
      preferredStore === null ? rng.weighted(['ONLINE', 'PHONE'], [9, 1]) : rng.weighted(['STORE', 'ONLINE', 'PHONE'], [76, 20, 4]);
    // web orders of customers without a home store ship from a flagship
    let store = STORES[(preferredStore ?? rng.pick([1, 4, 7, 10])) - 1]!;
    if (!storeOpen(store, d)) {
      const alternatives = storesInRegion(store.region, d);
      if (alternatives.length === 0) return null;
      store = rng.pick(alternatives);
    }
    if (channel === 'STORE' && storeClosedForHoliday(d)) return null;
    let second: number;
    let ms = 0;
    if (channel === 'STORE') second = rng.int(9 * 3600, 20 * 3600 + 59 * 60);
    else if (channel === 'PHONE') second = rng.int(8 * 3600, 19 * 3600);
    else {
      second = rng.chance(0.85) ? rng.int(7 * 3600, 23 * 3600 + 59 * 60 + 59) : rng.int(0, 7 * 3600);
      ms = datetimeMs(rng.int(0, 299));
    }
    const status: Order['status'] = rng.chance(channel === 'STORE' ? 0.02 : 0.06) ? 'Cancelled' : 'Completed';
    const payment =
      channel === 'STORE'
        ? rng.weighted(['VISA', 'MC', 'AMEX', 'CASH', 'GIFT', 'DEBIT'], [38, 24, 10, 16, 5, 7])
        : rng.weighted(['VISA', 'MC', 'AMEX', 'PAYPAL'], [40, 25, 12, 23]);
    const { m, dd } = ymd(d);
    let promo: string | null = null;
    if (m === 1 && dd <= 15 && rng.chance(0.18)) promo = 'NEWYEAR25';
    else if (m === 4 && rng.chance(0.1)) promo = 'SPRING10';
    else if (m === 5 && dd >= 23 && rng.chance(0.2)) promo = 'MEMDAY15';
    else if (customer !== null && customer.versions[customer.versions.length - 1]!.tier === 'Gold' && rng.chance(0.15)) promo = 'LOYAL5';
    return {
      id: 0,
      customer: customer?.id ?? null,
      store: store.id,
      day: d,
      second,
      ms,
      channel,
      status,
      payment: status === 'Cancelled' && channel === 'ONLINE' && rng.chance(0.5) ? null : payment,
      shippingCents: 0,
      promo,
      lines: [],
    };
  };

  // customer orders
  const TOTAL_DAYS = LAST_ORDER_DAY - FIRST_ORDER_DAY + 1;
  for (const c of customers) {
    if (c.activeTo < c.activeFrom) continue;
    const activeDays = c.activeTo - c.activeFrom + 1;
    const expected = (5.9 * c.propensity * activeDays) / TOTAL_DAYS;
    let count = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
    if (count === 0 && rng.chance(0.7)) count = 1;
    for (let i = 0; i < count; i++) {
      let d = c.activeFrom + rng.int(0, activeDays - 1);
      if (rng.next() > seasonality(d) / 1.7) d = c.activeFrom + rng.int(0, activeDays - 1); // lean towards busy days
      const version = [...c.versions].reverse().find((v) => v.at <= d) ?? c.versions[0]!;
      const preferred = version.homeStore !== null && rng.chance(0.8) ? version.homeStore : version.homeStore === null ? null : rng.int(1, 12);
      const order = newOrder(c, d, preferred);
      if (order !== null) orders.push(order);
    }
  }
  // guest (walk-in) orders, store channel only
  for (let d = FIRST_ORDER_DAY; d <= LAST_ORDER_DAY; d++) {
    if (storeClosedForHoliday(d)) continue;
    for (const store of STORES) {
      if (!storeOpen(store, d)) continue;
      const expected = 1.05 * store.traffic * seasonality(d);
      const count = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
      for (let i = 0; i < count; i++) {
        const order = newOrder(null, d, store.id);
        if (order === null) continue;
        order.channel = 'STORE';
        order.ms = 0;
        order.second = rng.int(9 * 3600, 20 * 3600 + 59 * 60);
        order.payment = rng.weighted(['VISA', 'MC', 'AMEX', 'CASH', 'GIFT', 'DEBIT'], [34, 22, 8, 26, 4, 6]);
        order.promo = null;
        orders.push(order);
      }
    }
  }
  // web orders placed on the stroke of midnight at month ends: the classic boundary cases
  const boundaryCustomers = customers.filter((c) => c.activeFrom <= day('2025-01-31') && c.activeTo >= LAST_ORDER_DAY && c.versions[0]!.homeStore !== null);
  let boundaryIndex = 0;
  for (let m = 1; m <= 5; m++) {
    const end = Date.UTC(2025, m, 0) / DAY_MS;
    for (const [d, second, ms] of [
      [end, 86_399, 997],
      [end, 86_399, 0],
      [end + 1, 0, 0],
      [end + 1, 0, 3],
    ] as const) {
      const c = boundaryCustomers[(boundaryIndex++ * 37) % boundaryCustomers.length]!;
      const order = newOrder(c, d, c.versions[0]!.homeStore);
      if (order === null) continue;
      order.channel = 'ONLINE';
      order.status = 'Completed';
      order.payment = 'VISA';
      order.second = second;
      order.ms = ms;
      orders.push(order);
    }
  }

  orders.sort((a, b) => a.day - b.day || a.second - b.second || a.ms - b.ms || a.store - b.store || (a.customer ?? 0) - (b.customer ?? 0));
  let orderId = 1_482_210;
  for (const order of orders) order.id = ++orderId;

  // lines
  const customerById = new Map(customers.map((c) => [c.id, c]));
  const emptyBaskets = new Set([orders[2100]!.id, orders[6777]!.id, orders[9001]!.id]); // POS crash, order header without lines
  for (const order of orders) {
    if (emptyBaskets.has(order.id)) {
      order.status = 'Completed';
      continue;
    }
    const lineCount = rng.weighted([1, 2, 3, 4, 5, 6, 7, 8], [40, 25, 16, 10, 4, 2.5, 1.5, 1]);
    const used = new Set<number>();
    const customer = order.customer === null ? null : customerById.get(order.customer);
    const tier = customer?.versions[customer.versions.length - 1]?.tier ?? null;
    for (let n = 0; n < lineCount; n++) {
      let product: Product | undefined;
      for (let attempt = 0; attempt < 20; attempt++) {
        const candidate = rng.weighted(products, productWeights);
        if (sellable(candidate, order.day) && ranged.get(order.store)!.has(candidate.id) && !used.has(candidate.id)) {
          product = candidate;
          break;
        }
      }
      if (product === undefined) continue;
      used.add(product.id);
      const qty = rng.weighted([1, 2, 3, 4, 6, 12], [76, 16, 4.5, 2, 1, 0.5]);
      let discountBp: number | null = 0;
      if (order.promo === 'NEWYEAR25') discountBp = 2500;
      else if (order.promo === 'SPRING10') discountBp = 1000;
      else if (order.promo === 'MEMDAY15') discountBp = 1500;
      else if (order.promo === 'LOYAL5') discountBp = 500;
      else if (qty >= 3 && rng.chance(0.5)) discountBp = 3333; // 3-for-2 multibuy
      else if (tier === 'Gold' && rng.chance(0.1)) discountBp = 750;
      else if (order.channel === 'STORE' && rng.chance(0.03)) discountBp = rng.pick([1250, 2000, 4000]); // damaged-box markdown
      if (order.store === 3 && order.day < day('2025-02-01') && discountBp === 0) discountBp = null; // old POS bridge sends NULL
      const priceCents = order.channel === 'STORE' && rng.chance(0.01) ? product.priceCents - 500 : product.priceCents; // price match
      order.lines.push({ line: order.lines.length + 1, product, qty, priceCents, discountBp });
    }
    // shipping: flat fee for small web orders, phone orders always pay
    if (order.channel !== 'STORE') {
      const basket = order.lines.reduce((sum, l) => sum + l.qty * l.priceCents, 0);
      order.shippingCents = order.channel === 'PHONE' ? 995 : basket >= 7500 ? 0 : 795;
    }
  }

  tables.set(
    'sales.orders',
    orders.map((o) => [
      o.id,
      `SO-${o.id}`,
      o.customer,
      o.store,
      isoDate(o.day),
      timestamp(o.day, o.second, o.ms),
      o.channel,
      o.status,
      o.payment,
      money(o.shippingCents),
      o.promo,
    ]),
  );
  tables.set(
    'sales.order_lines',
    orders.flatMap((o) => o.lines.map((l) => [o.id, l.line, l.product.id, l.qty, money(l.priceCents), l.discountBp === null ? null : pct4(l.discountBp)])),
  );

  // ---- returns
  const returnRows: Row[] = [];
  const restockedReturns: { store: number; product: number; day: number; qty: number; id: number }[] = [];
  let returnId = 88_000;
  const REASONS: [string | null, number, boolean][] = [
    ['WRONG SIZE', 24, true],
    ['Wrong Size', 6, true],
    ['CHANGED MIND', 20, true],
    ['changed mind ', 4, true],
    ['DAMAGED', 14, false],
    ['Damaged', 4, false],
    ['damaged ', 3, false],
    ['NOT AS DESCRIBED', 9, true],
    ['LATE DELIVERY', 4, true],
    [null, 8, true],
    ['', 3, true],
    ['  ', 1, true],
  ];
  for (const order of orders) {
    if (order.status !== 'Completed') continue;
    for (const line of order.lines) {
      if (!rng.chance(line.product.returnRate)) continue;
      const returnDay = order.day + rng.weighted([1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60], [6, 10, 12, 14, 14, 12, 10, 8, 7, 4, 3]);
      if (returnDay > LAST_ORDER_DAY) continue;
      let store = STORES[order.store - 1]!;
      if (rng.chance(order.channel === 'STORE' ? 0.1 : 0.6) || !storeOpen(store, returnDay)) {
        const open = STORES.filter((s) => storeOpen(s, returnDay) && (s.region === store.region || rng.chance(0.1)));
        if (open.length > 0) store = rng.pick(open);
      }
      if (!storeOpen(store, returnDay)) continue;
      const qty = line.qty === 1 ? 1 : rng.int(1, line.qty);
      const [reason, , restockable] = rng.weighted(REASONS, REASONS.map((r) => r[1]));
      // refund: what was paid for the units, rounded to the cent (half up); damaged goods
      // sometimes get a goodwill half refund
      const paidMicro = qty * line.priceCents * (10_000 - (line.discountBp ?? 0)); // cents * 1e4
      let refundCents = Math.floor((paidMicro + 5_000) / 10_000);
      if (reason !== null && reason.trim().toUpperCase() === 'DAMAGED' && rng.chance(0.2)) refundCents = Math.floor(refundCents / 2);
      const restocked = restockable && rng.chance(0.85);
      returnId += rng.int(1, 3);
      returnRows.push([
        returnId,
        order.id,
        line.line,
        line.product.id,
        store.id,
        isoDate(returnDay),
        qty,
        money(refundCents),
        reason,
        restocked,
        timestamp(returnDay, rng.int(10 * 3600, 19 * 3600)),
      ]);
      if (restocked) restockedReturns.push({ store: store.id, product: line.product.id, day: returnDay, qty, id: returnId });
    }
  }
  tables.set('sales.returns', returnRows);

  // ---- inventory.stock_movements: opening balances, weekly-ish replenishment, counts, restocked returns
  const movements: { store: number; product: number; day: number; type: string; qty: number; ref: string | null }[] = [];
  const soldByStoreProductMonth = new Map<string, number>();
  for (const order of orders) {
    if (order.status !== 'Completed') continue;
    const { m } = ymd(order.day);
    for (const line of order.lines) {
      const key = `${order.store}:${line.product.id}:${m}`;
      soldByStoreProductMonth.set(key, (soldByStoreProductMonth.get(key) ?? 0) + line.qty);
    }
  }
  let poNumber = 40_100;
  for (const store of STORES) {
    for (const product of products) {
      if (!ranged.get(store.id)!.has(product.id)) continue;
      if (product.discontinued !== null && product.discontinued < FIRST_ORDER_DAY) continue;
      const opening = store.opened <= day('2024-12-31') && product.launched <= day('2024-12-31');
      if (opening) movements.push({ store: store.id, product: product.id, day: day('2024-12-31'), type: 'OPENING', qty: 2 + Math.floor(product.popularity * store.traffic * 4) + rng.int(0, 4), ref: null });
      for (let m = 1; m <= 6; m++) {
        const monthStart = Date.UTC(2025, m - 1, 1) / DAY_MS;
        const sold = soldByStoreProductMonth.get(`${store.id}:${product.id}:${m}`) ?? 0;
        if (!storeOpen(store, monthStart) && !storeOpen(store, monthStart + 27)) continue;
        if (product.discontinued !== null && product.discontinued < monthStart) continue;
        if (sold === 0 && !rng.chance(0.25)) continue;
        // replenish roughly what sells, in case packs of 6, sometimes late (stock goes negative)
        const packs = Math.max(1, Math.round((sold * (0.8 + rng.next() * 0.5)) / 6));
        const deliveries = packs >= 4 ? 2 : 1;
        for (let k = 0; k < deliveries; k++) {
          let d = Math.max(monthStart + rng.int(0, 27), product.launched, store.opened);
          if (d > LAST_ORDER_DAY) d = LAST_ORDER_DAY;
          if (!storeOpen(store, d)) continue;
          poNumber += 1;
          movements.push({
            store: store.id,
            product: product.id,
            day: d,
            type: m === 1 && rng.chance(0.35) ? 'Receipt' : 'RECEIPT', // January backfill from the old WMS
            qty: (deliveries === 2 ? Math.ceil(packs / 2) : packs) * 6,
            ref: `PO-${poNumber}`,
          });
        }
        if (rng.chance(0.04)) movements.push({ store: store.id, product: product.id, day: monthStart + rng.int(0, 27), type: 'ADJUST', qty: -rng.int(1, 3), ref: rng.pick(['CYCLE COUNT', 'SHRINK', null]) });
      }
    }
  }
  for (const r of restockedReturns) movements.push({ store: r.store, product: r.product, day: r.day, type: 'RETURN', qty: r.qty, ref: `RTN-${r.id}` });
  movements.sort((a, b) => a.day - b.day || a.store - b.store || a.product - b.product || a.type.localeCompare(b.type));
  tables.set(
    'inventory.stock_movements',
    movements.map((mv, index) => [5_000_001 + index, mv.store, mv.product, isoDate(mv.day), mv.type, mv.qty, mv.ref]),
  );

  // ---- etl.purge_policy
  tables.set('etl.purge_policy', [
    [1, 'etl', 'run_log', 'started_at', 400, 'DELETE', true, 'Keep 13 months for the audit'],
    [2, 'etl', 'stg_order_import', 'imported_at', 35, 'DELETE', true, null],
    [3, 'etl', 'stg_order_import', null, null, 'TRUNCATE', false, 'Emergency reset only. Leave disabled.'],
  ]);

  // load order (foreign keys)
  const ordered = new Map<string, Row[]>();
  for (const table of ['ref.regions', 'ref.calendar', 'sales.stores', 'sales.products', 'sales.customers', 'sales.customer_changes', 'sales.orders', 'sales.order_lines', 'sales.returns', 'inventory.stock_movements', 'etl.purge_policy']) {
    ordered.set(table, tables.get(table)!);
  }
  return { tables: ordered };
}
