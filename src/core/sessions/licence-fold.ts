/** Per user: what the licence lines said (grants, allocations, denials and the highest SessionCount). */
export interface LicenceFigures {
  denied: number;
  limitDenials: number;
  noPassDenials: number;
  firstLimitDenialAt: number;
  firstNoPassDenialAt: number;
  maxSessionCount: number | null;
  firstGrantAt: number;
  allocated: boolean;
}

function earliest(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.min(a, b);
}

export class LicenceFold {
  private readonly figures: LicenceFigures[] = [];

  addUser(): void {
    this.figures.push({
      denied: 0,
      limitDenials: 0,
      noPassDenials: 0,
      firstLimitDenialAt: Number.NaN,
      firstNoPassDenialAt: Number.NaN,
      maxSessionCount: null,
      firstGrantAt: Number.NaN,
      allocated: false,
    });
  }

  of(user: number): Readonly<LicenceFigures> {
    return this.figures[user] as LicenceFigures;
  }

  granted(user: number, at: number, sessionCount: number | null): void {
    const figures = this.figures[user] as LicenceFigures;
    figures.firstGrantAt = earliest(figures.firstGrantAt, at);
    this.sessionCount(figures, sessionCount);
  }

  allocated(user: number): void {
    (this.figures[user] as LicenceFigures).allocated = true;
  }

  denied(user: number, at: number, reason: 'limit' | 'no-access-pass', sessionCount: number | null): void {
    const figures = this.figures[user] as LicenceFigures;
    figures.denied++;
    this.sessionCount(figures, sessionCount);
    if (reason === 'limit') {
      figures.limitDenials++;
      figures.firstLimitDenialAt = earliest(figures.firstLimitDenialAt, at);
    } else {
      figures.noPassDenials++;
      figures.firstNoPassDenialAt = earliest(figures.firstNoPassDenialAt, at);
    }
  }

  private sessionCount(figures: LicenceFigures, count: number | null): void {
    if (count !== null && (figures.maxSessionCount === null || count > figures.maxSessionCount))
      figures.maxSessionCount = count;
  }
}
