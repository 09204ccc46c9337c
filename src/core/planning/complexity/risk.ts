// Technical risk read from a task's words: its text and tags are searched for kinds of work that
// often go wrong (data migrations, security, payments, concurrency...), each kind counted once
// with where it was found. Patterns match word starts in English and plain substrings in
// Chinese, Japanese and Korean, which do not separate words with spaces.

interface RiskKind {
  name: string;
  /** Points added to the base of 1 when found; the total is capped at 10. */
  points: number;
  pattern: RegExp;
}

const RISK_KINDS: readonly RiskKind[] = [
  {
    name: 'data migration',
    points: 3,
    pattern: /\bmigrat|\bschema change|\bbackfill|迁移|遷移|마이그레이션/i,
  },
  {
    name: 'security',
    points: 3,
    pattern:
      /\bsecur|\bvulnerab|\bxss\b|\bcsrf\b|\binjection|\bencrypt|\bcrypto|\bsecrets?\b|安全|보안|セキュリティ/i,
  },
  {
    name: 'authentication',
    points: 2.5,
    pattern:
      /\bauth\b|\bauthenticat|\bauthoriz|\boauth|\blogin|\bpassword|\bpermission|\bsso\b|认证|認証|인증|登录|로그인/i,
  },
  {
    name: 'payments',
    points: 3,
    pattern: /\bpayment|\bbilling|\binvoice|\bcheckout|\brefund|\bstripe\b|支付|결제|決済/i,
  },
  {
    name: 'concurrency',
    points: 2.5,
    pattern:
      /\bconcurren|\brace condition|\bdeadlock|\blocking\b|\bmutex|\bthreads?\b|\bmultithread|\bparallel|并发|並行|동시성/i,
  },
  {
    name: 'data loss',
    points: 2,
    pattern: /\bdata loss|\bdelet(e|ion) (of )?(user|data|records)|\bbackup|\brestore\b|\bpurge/i,
  },
  {
    name: 'performance',
    points: 1.5,
    pattern: /\bperformance|\boptimi[sz]|\blatency|\bscalab|\bthroughput|性能|성능/i,
  },
  {
    name: 'external integration',
    points: 1.5,
    pattern: /\bthird[- ]party|\bintegrat|\bwebhook|\bexternal api|第三方|외부/i,
  },
  {
    name: 'production infrastructure',
    points: 1.5,
    pattern: /\bdeploy|\bproduction\b|\bkubernetes|\bk8s\b|\binfrastructure|\bdowntime|部署|배포/i,
  },
  {
    name: 'legacy code',
    points: 1.5,
    pattern: /\blegacy|\brefactor|\brewrite\b|\bbreaking change|重构|리팩터/i,
  },
  {
    name: 'uncertainty',
    points: 2,
    pattern: /\binvestigat|\bresearch|\bspike\b|\bunknown|\bunclear|\bprototype|\btbd\b|调研|조사/i,
  },
];

export interface RiskText {
  title: string;
  description: string;
  details: string;
  test_strategy: string;
  criteria: readonly string[];
  tags: readonly string[];
}

export interface RiskResult {
  value: number;
  level: 'low' | 'medium' | 'high';
  reasons: string[];
}

/** Where a kind's words appear, e.g. `"Migrate" in the title`. */
function findKind(kind: RiskKind, text: RiskText): string | null {
  const tag = text.tags.find((name) => kind.pattern.test(name));
  if (tag !== undefined) return `tag ${tag}`;
  const places: [string, string][] = [
    ['the title', text.title],
    ['the description', text.description],
    ['the details', text.details],
    ['the test strategy', text.test_strategy],
    ['the acceptance criteria', text.criteria.join('\n')],
  ];
  for (const [place, words] of places) {
    const match = kind.pattern.exec(words);
    if (match) return `"${wordAt(words, match.index)}" in ${place}`;
  }
  return null;
}

/** The whole word around a match, so the reason quotes "migrations" rather than "migrat". */
function wordAt(text: string, index: number): string {
  const after = /^[\p{L}\p{N}_-]*/u.exec(text.slice(index))?.[0] ?? '';
  const word = after.length > 40 ? after.slice(0, 40) : after;
  return word.length > 0 ? word : text.slice(index, index + 10);
}

/** 1 (nothing risky found) to 10, the level, and one reason per kind of risk found. */
export function assessRisk(text: RiskText): RiskResult {
  let value = 1;
  const reasons: string[] = [];
  for (const kind of RISK_KINDS) {
    const where = findKind(kind, text);
    if (where === null) continue;
    value += kind.points;
    reasons.push(`${kind.name} (+${kind.points}): ${where}`);
  }
  value = Math.min(10, value);
  if (reasons.length === 0) reasons.push('no risky kind of work named in its text or tags');
  const level = value >= 7 ? 'high' : value >= 4 ? 'medium' : 'low';
  return { value, level, reasons };
}
