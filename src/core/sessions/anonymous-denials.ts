/** Denials whose user no line named (the Message column alone of a `Login access denied`). */
export class AnonymousDenials {
  count = 0;
  firstAt = Number.NaN;

  denied(at: number): void {
    this.count++;
    if (!Number.isNaN(at) && (Number.isNaN(this.firstAt) || at < this.firstAt)) this.firstAt = at;
  }
}
